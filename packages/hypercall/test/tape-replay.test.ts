/**
 * Replays hypercalls recorded on a real Xen 4.17 (test/real-xen.test.ts with
 * HYPERCALL_RECORD_TAPES=1): the package must send byte-identical requests, in the same
 * order, and decode Xen's real answers. Facts checked come from the QEMU setup
 * (dom0_mem=1024M, one dom0 vcpu, a 128 MB one-vcpu PV guest).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatUuid } from '@libvirt-ts/xml-format';
import { openHypervisor } from '../src/index.js';
import { type HypercallTape, replayTape } from '../src/testing/index.js';

const tape = (name: string): HypercallTape =>
  JSON.parse(readFileSync(new URL(`fixtures/xen-4.17/tape-${name}.json`, import.meta.url), 'utf8'));

describe('Xen 4.17 tapes', () => {
  it('open-list-errors: probe, Domain-0, ESRCH and EINVAL', async () => {
    const fake = replayTape(tape('open-list-errors'));
    const hv = await openHypervisor({ backend: fake });
    expect(hv.abi.name).toBe('Xen 4.17 sysctl 0x15 / domctl 0x15');
    expect(hv.version).toMatchObject({ major: 4, minor: 17, extra: '.7', libvirtVersion: 4_017_000 });
    expect(hv.version.capabilities.split(' ')).toContain('xen-3.0-x86_64');
    const [dom0, ...others] = await hv.listDomains();
    expect(others).toEqual([]);
    expect(dom0).toMatchObject({
      id: 0,
      handle: new Uint8Array(16),
      flags: { running: true, dying: false, shutdown: false },
      memoryKiB: 1024 * 1024,
      vcpusOnline: 1,
      maxVcpuId: 0,
      cpupool: 0,
    });
    expect(dom0!.cpuTimeNs).toBeGreaterThan(0n);
    expect((await hv.getDomainInfo(0)).handle).toEqual(dom0!.handle);
    await expect(hv.getDomainInfo(4242)).rejects.toMatchObject({ code: 'ESRCH', op: 'XEN_DOMCTL_getdomaininfo' });
    await expect(hv.pauseDomain(4242)).rejects.toMatchObject({ code: 'ESRCH', op: 'XEN_DOMCTL_pausedomain' });
    await expect(hv.pauseDomain(0)).rejects.toMatchObject({ code: 'EINVAL', op: 'XEN_DOMCTL_pausedomain' });
    expect(fake.calls).toHaveLength(tape('open-list-errors').calls.length);
    expect(fake.liveBuffers).toBe(0);
  });

  it('guest-lifecycle: a PV guest paused, unpaused, resized and destroyed', async () => {
    const recorded = tape('guest-lifecycle');
    const fake = replayTape(recorded);
    const hv = await openHypervisor({ backend: fake });
    const guest = (await hv.listDomains()).find((d) => d.id !== 0)!;
    expect(guest).toMatchObject({ flags: { running: true }, memoryKiB: 128 * 1024, vcpusOnline: 1 });
    expect(formatUuid(guest.handle)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await hv.pauseDomain(guest.id);
    expect(await hv.getDomainInfo(guest.id)).toMatchObject({ flags: { paused: true } });
    await hv.unpauseDomain(guest.id);
    expect((await hv.getDomainInfo(guest.id)).flags.paused).toBe(false);
    await hv.setMaxMemory(guest.id, guest.maxMemoryKiB + 65536);
    expect((await hv.getDomainInfo(guest.id)).maxMemoryKiB).toBe(guest.maxMemoryKiB + 65536);
    await hv.setMaxVcpus(guest.id, guest.maxVcpuId + 1);
    await hv.destroyDomain(guest.id);
    expect(fake.calls).toHaveLength(recorded.calls.length);
  });

  it('notices a request that differs from the tape', async () => {
    const fake = replayTape(tape('guest-lifecycle'));
    const hv = await openHypervisor({ backend: fake });
    const guest = (await hv.listDomains()).find((d) => d.id !== 0)!;
    const error = await hv.unpauseDomain(guest.id).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/XEN_DOMCTL_unpausedomain/);
    expect(String((error as Error).cause)).toMatch(/call #\d+: buffer 0x[0-9a-f]+ differs/);
  });
});
