/**
 * The Node-API addon itself: it loads from the committed linux-x64 prebuild (or a local
 * build), manages hypercall memory safely, runs the ioctl off the main thread, and turns
 * "no Xen here" into NO_XEN. These run on any Linux machine, with or without Xen.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAddon, loadAddonFrom, openNativePrivcmd } from '../src/backend/native-backend.js';
import { DEFAULT_PRIVCMD_DEVICES, HypercallError, openHypervisor } from '../src/index.js';

const onLinuxX64 = process.platform === 'linux' && process.arch === 'x64';
const xenHere = DEFAULT_PRIVCMD_DEVICES.some((device) => existsSync(device));

describe.skipIf(!onLinuxX64)('the native addon (linux-x64)', () => {
  let empty = '';
  beforeAll(() => {
    empty = mkdtempSync(join(tmpdir(), 'hypercall-noaddon-'));
  });
  afterAll(() => empty && rmSync(empty, { recursive: true, force: true }));

  it('loads through node-gyp-build and exposes PrivcmdHandle', () => {
    const addon = loadAddon();
    if (addon instanceof Error) throw addon;
    expect(typeof addon.PrivcmdHandle).toBe('function');
  });

  it('returns (does not throw) the load error where there is no addon, and open rejects NO_XEN', async () => {
    const missing = loadAddonFrom(empty);
    expect(missing).toBeInstanceOf(Error);
    let error: unknown;
    try {
      openNativePrivcmd(['/dev/xen/privcmd'], missing);
    } catch (e) {
      error = e;
    }
    expect(HypercallError.isInstance(error) && error.code).toBe('NO_XEN');
    expect((error as Error).message).toMatch(/addon did not load/);
    expect((error as Error).cause).toBe(missing);
  });

  it.skipIf(xenHere)('without Xen, openHypervisor rejects NO_XEN naming both devices', async () => {
    const error = await openHypervisor().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NO_XEN', device: '/dev/xen/privcmd, /proc/xen/privcmd' });
    expect((error as Error).message).toBe('no Xen hypervisor: could not find /dev/xen/privcmd or /proc/xen/privcmd');
  });

  it('rejects NO_XEN for a device that is not privcmd (the ioctl fails with ENOTTY)', async () => {
    const error = await openHypervisor({ devices: ['/dev/null'] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NO_XEN', op: 'XENVER_version', device: '/dev/null' });
    expect((error as Error).message).toMatch(/ENOTTY/);
  });

  it('rejects ERRNO naming the device for an unusable path', async () => {
    const error = await openHypervisor({ devices: [empty] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERRNO', device: empty });
    expect((error as Error).message).toMatch(/EISDIR/);
  });

  it('allocates page-aligned zeroed hypercall memory, copies in and out, checks bounds', () => {
    const handle = openNativePrivcmd(['/dev/null']);
    try {
      const address = handle.alloc(100);
      expect(address % 4096n).toBe(0n);
      expect(handle.read(address, 4096).every((byte) => byte === 0)).toBe(true);
      handle.write(address + 10n, Uint8Array.of(1, 2, 3));
      expect([...handle.read(address + 9n, 5)]).toEqual([0, 1, 2, 3, 0]);
      expect(() => handle.read(address + 4090n, 10)).toThrow(/not inside a hypercall buffer/);
      expect(() => handle.write(0x1000n, Uint8Array.of(1))).toThrow(/not inside a hypercall buffer/);
      expect(() => handle.read(address, -1)).toThrow(RangeError);
      handle.free(address);
      expect(() => handle.free(address)).toThrow(/not a hypercall buffer/);
      expect(() => handle.read(address, 1)).toThrow(/not inside/);
      expect(handle.bufferSource).toBe(existsSync('/dev/xen/hypercall') ? '/dev/xen/hypercall' : 'mlock');
    } finally {
      handle.close();
    }
  });

  it('settles every concurrent hypercall, also when the handle is closed while they run', async () => {
    const handle = openNativePrivcmd(['/dev/null']);
    const calls = Array.from({ length: 64 }, () => handle.hypercall(17, [0n, 0n, 0n, 0n, 0n]));
    handle.close();
    const settled = await Promise.allSettled(calls);
    // The descriptor stayed open until the last one ended: each got the ioctl's ENOTTY.
    expect(settled.map((s) => s.status === 'rejected' && (s.reason as { errno: number }).errno)).toEqual(
      Array(64).fill(25),
    );
    expect(() => handle.hypercall(17, [0n, 0n, 0n, 0n, 0n])).toThrow(/closed/);
  });

  it('runs the ioctl on the pool and rejects with the errno; validates arguments', async () => {
    const handle = openNativePrivcmd(['/dev/null']);
    await expect(handle.hypercall(17, [0n, 0n, 0n, 0n, 0n])).rejects.toMatchObject({ errno: 25 });
    // @ts-expect-error wrong argument count on purpose
    expect(() => handle.hypercall(17, [0n])).toThrow(/5 bigints/);
    expect(() => handle.hypercall(17, [0n, 0n, 0n, 0n, 2n ** 64n])).toThrow(/64-bit/);
    handle.close();
    expect(() => handle.alloc(1)).toThrow(/closed/);
  });
});
