import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { XenstoreClient } from '@libvirt-ts/xenstore';
import { startTemporaryXenstored, type TemporaryXenstored } from '@libvirt-ts/xenstore/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XenstoreDriver } from '../../src/drivers/xenstore/xenstore-driver.js';
import { VirtError } from '../../src/errors/virt-error.js';

function virtError(code: string) {
  return (error: unknown) => VirtError.isInstance(error) && error.code === code && error.domain === 'XENSTORE';
}

const guest = { id: 4, name: 'guest', uuid: new Uint8Array(16) };

let xenstored: TemporaryXenstored;
const drivers: XenstoreDriver[] = [];

beforeEach(async () => {
  xenstored = await startTemporaryXenstored();
  const xs = await XenstoreClient.connect({ path: xenstored.socketPath });
  await xs.write('/local/domain/0/name', 'Domain-0');
  await xs.write('/local/domain/4/name', 'guest');
  await xs.write('/local/domain/4/memory/target', '262144');
  await xs.write('/local/domain/4/vm', '/vm/11111111-2222-3333-4444-555555555555');
  await xs.write('/vm/11111111-2222-3333-4444-555555555555/image/ostype', 'hvm');
  await xs.close();
});

afterEach(async () => {
  for (const driver of drivers.splice(0)) await driver.close();
  await xenstored.close();
});

async function openDriver(readOnly: boolean, extra: Record<string, unknown> = {}): Promise<XenstoreDriver> {
  const driver = await XenstoreDriver.open(
    { xenstoredSocket: xenstored.socketPath, xenstoredSocketRo: xenstored.socketRoPath ?? xenstored.socketPath, ...extra },
    readOnly,
  );
  drivers.push(driver);
  return driver;
}

describe('xenstore driver', () => {
  it('reads ids, names, UUIDs from the vm path, memory and OS type', async () => {
    const xs = await openDriver(true);
    expect(await xs.listDomainIDs()).toEqual([0, 4]);
    const ref = await xs.lookupByName('guest');
    expect(ref?.id).toBe(4);
    expect(Buffer.from(ref!.uuid).toString('hex')).toBe('11111111222233334444555555555555');
    expect(await xs.lookupByName('absent')).toBeUndefined();
    expect(await xs.domainGetInfo(guest)).toEqual({ state: 0, maxMem: 262144, memory: 262144, nrVirtCpu: 0, cpuTime: 0n });
    expect(await xs.domainGetMaxMemory(guest)).toBe(262144);
    expect(await xs.domainGetOSType(guest)).toBe('hvm');
    expect(await xs.domainGetOSType({ ...guest, id: 0 })).toBe('linux');
  });

  it('writes the balloon target and shutdown requests on a read-write socket', async () => {
    const xs = await openDriver(false);
    await xs.domainSetMemory(guest, 131072);
    await xs.domainShutdown(guest);
    expect(xenstored.dump('/local/domain/4')).toMatchObject({
      '/local/domain/4/memory/target': '131072',
      '/local/domain/4/control/shutdown': 'halt',
    });
    await xs.domainReboot(guest);
    expect(xenstored.dump('/local/domain/4')['/local/domain/4/control/shutdown']).toBe('reboot');
  });

  it('refuses writes on the read-only socket with OPERATION_DENIED', async () => {
    const xs = await openDriver(true);
    await expect(xs.domainShutdown(guest)).rejects.toSatisfy(virtError('OPERATION_DENIED'));
    expect(xenstored.dump('/local/domain/4')['/local/domain/4/control/shutdown']).toBeUndefined();
  });

  it('answers NO_DOMAIN for a domain xenstore does not hold, not zeros', async () => {
    const xs = await openDriver(true);
    await expect(xs.domainGetInfo({ ...guest, id: 9 })).rejects.toSatisfy(virtError('NO_DOMAIN'));
    await expect(xs.domainGetMaxMemory({ ...guest, id: 9 })).rejects.toSatisfy(virtError('NO_DOMAIN'));
    const writer = await openDriver(false);
    await expect(writer.domainShutdown({ ...guest, id: 9 })).rejects.toSatisfy(virtError('NO_DOMAIN'));
    expect(Object.keys(xenstored.dump('/local/domain')).some((path) => path.startsWith('/local/domain/9'))).toBe(false);
  });

  it('fails the listing on a non-numeric child of /local/domain, as libvirt did', async () => {
    const xs = await openDriver(false);
    const writer = await XenstoreClient.connect({ path: xenstored.socketPath });
    await writer.write('/local/domain/bogus/name', 'x');
    await writer.close();
    await expect(xs.listDomainIDs()).rejects.toSatisfy(virtError('INTERNAL_ERROR'));
  });

  it('opens read-only on the read-write socket where there is no read-only one (Xen 4.x)', async () => {
    const xs = await openDriver(true, { xenstoredSocketRo: join(xenstored.directory, 'absent') });
    expect(await xs.listDomainIDs()).toEqual([0, 4]);
    await expect(xs.domainShutdown(guest)).rejects.toSatisfy(virtError('OPERATION_DENIED'));
  });

  it('fails to open with NO_XENSTORE naming the socket', async () => {
    const missing = join(xenstored.directory, 'absent');
    await expect(XenstoreDriver.open({ xenstoredSocket: missing }, false)).rejects.toSatisfy(
      (e: unknown) => virtError('NO_XENSTORE')(e) && (e as Error).message.includes(missing),
    );
  });

  it('times out when xenstored never answers', async () => {
    const silent: Server = createServer(() => {});
    const path = join(xenstored.directory, 'silent');
    await new Promise<void>((resolve) => silent.listen(path, resolve));
    try {
      const xs = await XenstoreDriver.open({ xenstoredSocket: path, timeoutMs: 100 }, false);
      drivers.push(xs);
      await expect(xs.listDomainIDs()).rejects.toSatisfy(virtError('OPERATION_TIMEOUT'));
    } finally {
      silent.close();
    }
  });
});
