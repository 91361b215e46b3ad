import { describe, expect, it } from 'vitest';
import { HypercallError, openHypervisor } from '../src/index.js';
import { errnoError, FakePrivcmd, SimulatedXen, type SimulatedXenOptions } from '../src/testing/index.js';

const xen417 = (domains: SimulatedXenOptions['domains'] = { 0: {}, 3: {} }): SimulatedXenOptions => ({
  generation: 'xen4',
  major: 4,
  minor: 17,
  extra: '.2',
  capabilities: 'xen-3.0-x86_64 hvm-3.0-x86_32 ',
  interfaceVersion: 0x15,
  domains,
});

async function open(options = xen417()) {
  const xen = new SimulatedXen(options);
  const fake = new FakePrivcmd(xen.respond);
  const hv = await openHypervisor({ backend: fake });
  return { xen, fake, hv };
}

const u32At = (bytes: Uint8Array, offset: number) =>
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(offset, true);
const controlOf = (fake: FakePrivcmd, index: number) => {
  const call = fake.calls[index]!;
  return call.buffers.get(call.args[0])!;
};

describe('openHypervisor over Xen 4.17 sysctl/domctl', () => {
  it('probes xen_version (version, extraversion, capabilities, pagesize), then sysctl and domctl', async () => {
    const { fake, hv } = await open();
    expect(fake.calls.map((c) => [c.op, c.op === 17 ? Number(c.args[0]) : undefined])).toEqual([
      [17, 0],
      [17, 1],
      [17, 3],
      [17, 7],
      [35, undefined],
      [36, undefined],
    ]);
    expect(hv.version).toEqual({
      major: 4,
      minor: 17,
      extra: '.2',
      capabilities: 'xen-3.0-x86_64 hvm-3.0-x86_32',
      libvirtVersion: 4_017_000,
    });
    expect(hv.abi.name).toBe('Xen 4.17 sysctl 0x15 / domctl 0x15');
    expect(hv.pageSize).toBe(4096);
    // The probe's list call: XEN_SYSCTL_getdomaininfolist, version 0x15, first 0, max 1.
    const sysctl = controlOf(fake, 4);
    expect([u32At(sysctl, 0), u32At(sysctl, 4), u32At(sysctl, 12)]).toEqual([6, 0x15, 1]);
    // Then XEN_DOMCTL_getdomaininfo of domain 0.
    const domctl = controlOf(fake, 5);
    expect([u32At(domctl, 0), u32At(domctl, 4), domctl[8]]).toEqual([5, 0x15, 0]);
    expect(fake.liveBuffers).toBe(0);
    // getVersion asks again: version, extraversion, capabilities.
    expect(await hv.getVersion()).toEqual(hv.version);
    expect(fake.calls.slice(6).map((c) => Number(c.args[0]) <= 3 && c.op)).toEqual([17, 17, 17]);
  });

  it('passes the list buffer address inside the sysctl, and decodes every record', async () => {
    const { fake, hv } = await open(
      xen417({ 0: { totPages: 262144n, maxPages: 262144n, vcpus: 2 }, 7: { flags: (1 << 3) | (1 << 4) } }),
    );
    const domains = await hv.listDomains();
    const call = fake.calls.at(-1)!;
    const buffer = new DataView(controlOf(fake, fake.calls.length - 1).buffer).getBigUint64(16, true);
    expect(call.buffers.has(buffer)).toBe(true);
    expect(domains.map((d) => [d.id, d.flags.running, d.flags.paused, d.flags.blocked, d.memoryKiB, d.vcpusOnline])).toEqual([
      [0, true, false, false, 1048576, 2],
      [7, false, true, true, 1024, 1],
    ]);
    expect(domains[1]!.handle).toEqual(new Uint8Array(16).fill(7));
    expect(fake.liveBuffers).toBe(0);
  });

  it('lists more domains than one batch by continuing after the last id', async () => {
    const many = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [i * 2, {}]));
    const { fake, hv } = await open(xen417(many));
    const before = fake.calls.length;
    const domains = await hv.listDomains();
    expect(domains.map((d) => d.id)).toEqual(Array.from({ length: 150 }, (_, i) => i * 2));
    const firsts = fake.calls.slice(before).map((c) => c.buffers.get(c.args[0])![8]! | (c.buffers.get(c.args[0])![9]! << 8));
    expect(firsts).toEqual([0, 127, 255]);
  });

  it('pauses, unpauses, sets max memory and max vcpus, destroys', async () => {
    const { xen, fake, hv } = await open();
    await hv.pauseDomain(3);
    expect((await hv.getDomainInfo(3)).flags).toMatchObject({ paused: true, running: false });
    await hv.unpauseDomain(3);
    expect((await hv.getDomainInfo(3)).flags).toMatchObject({ paused: false, running: true });
    await hv.setMaxMemory(3, 262144);
    expect((await hv.getDomainInfo(3)).maxMemoryKiB).toBe(262144);
    await hv.setMaxVcpus(3, 4);
    const maxVcpus = controlOf(fake, fake.calls.length - 1);
    expect([u32At(maxVcpus, 0), maxVcpus[8], u32At(maxVcpus, 16)]).toEqual([15, 3, 4]);
    await hv.destroyDomain(3);
    expect(xen.domains.has(3)).toBe(false);
    expect((await hv.listDomains()).map((d) => d.id)).toEqual([0]);
    expect(fake.liveBuffers).toBe(0);
  });

  it('reads the host with sysctl physinfo (cmd 3), memory in KiB from the page size', async () => {
    const { fake, hv } = await open({
      ...xen417(),
      host: { threadsPerCore: 2, coresPerSocket: 4, cpus: 8, nodes: 2, cpuKhz: 2_994_373, totalPages: 1_048_576n, freePages: 4096n },
    });
    const info = await hv.getPhysinfo();
    const sysctl = controlOf(fake, fake.calls.length - 1);
    expect([fake.calls.at(-1)!.op, u32At(sysctl, 0), u32At(sysctl, 4)]).toEqual([35, 3, 0x15]);
    expect(info).toMatchObject({
      threadsPerCore: 2,
      coresPerSocket: 4,
      nrCpus: 8,
      maxCpuId: 7,
      nrNodes: 2,
      maxNodeId: 1,
      cpuKhz: 2_994_373,
      totalPages: 1_048_576n,
      totalMemoryKiB: 4_194_304,
      freeMemoryKiB: 16_384,
    });
    expect(fake.liveBuffers).toBe(0);
  });

  it('reads NUMA nodes with sysctl numainfo (cmd 17): the count, then memory and distances, as libxl', async () => {
    const { fake, hv } = await open({ ...xen417(), host: { nodes: 2, nodePages: [524_253n, 262_144n], freePages: 4096n } });
    const nodes = await hv.getNumaInfo();
    const calls = fake.calls.slice(-2).map((_, i, all) => controlOf(fake, fake.calls.length - all.length + i));
    expect(calls.map((c) => [u32At(c, 0), u32At(c, 8)])).toEqual([[17, 0], [17, 2]]);
    expect(nodes).toEqual([
      { memoryKiB: 2_097_012, freeMemoryKiB: 8192, distances: [10, 20] },
      { memoryKiB: 1_048_576, freeMemoryKiB: 8192, distances: [20, 10] },
    ]);
    expect(fake.liveBuffers).toBe(0);
  });

  it('numainfo: a reply claiming more nodes than there was room for is BAD_REPLY', async () => {
    const xen = new SimulatedXen(xen417());
    let asked = 0;
    const hv = await openHypervisor({
      backend: new FakePrivcmd((call) => {
        const result = xen.respond(call);
        if (call.op !== 35) return result;
        const control = new DataView(call.read(call.args[0], 136).buffer);
        // the second numainfo call (the one with room for the one node) comes back claiming 9
        if (control.getUint32(0, true) === 17 && asked++ === 1) {
          control.setUint32(8, 9, true);
          call.write(call.args[0], new Uint8Array(control.buffer));
        }
        return result;
      }),
    });
    await expect(hv.getNumaInfo()).rejects.toMatchObject({ code: 'BAD_REPLY', message: /wrote 9 nodes into room for 1/ });
  });

  it('physinfo is NO_SUPPORT over Xen 3.0 dom0_op', async () => {
    const xen = new SimulatedXen({ ...xen417(), generation: 'xen3', major: 3, minor: 0, interfaceVersion: 0x03000001 });
    const hv = await openHypervisor({ backend: new FakePrivcmd(xen.respond) });
    await expect(hv.getPhysinfo()).rejects.toMatchObject({ code: 'NO_SUPPORT', op: 'physinfo' });
    await expect(hv.getNumaInfo()).rejects.toMatchObject({ code: 'NO_SUPPORT', op: 'numainfo' });
  });

  it('runs concurrent operations on separate buffers and frees them all, failed ones too', async () => {
    const { fake, hv } = await open();
    const results = await Promise.allSettled([
      ...Array.from({ length: 10 }, () => hv.listDomains()),
      hv.pauseDomain(3),
      hv.pauseDomain(0),
      hv.getDomainInfo(3),
    ]);
    expect(results.map((r) => r.status)).toEqual([...Array(10).fill('fulfilled'), 'fulfilled', 'rejected', 'fulfilled']);
    expect(fake.liveBuffers).toBe(0);
  });

  it('names the op and domain in EINVAL and ESRCH errors', async () => {
    const { hv } = await open();
    await expect(hv.pauseDomain(0)).rejects.toMatchObject({ code: 'EINVAL', op: 'XEN_DOMCTL_pausedomain', domain: 0 });
    await expect(hv.unpauseDomain(9)).rejects.toMatchObject({ code: 'ESRCH', op: 'XEN_DOMCTL_unpausedomain' });
    // Xen 4.17 answers getdomaininfo(1) with domain 3: that is still "no domain 1".
    const missing = await hv.getDomainInfo(1).catch((e: unknown) => e);
    expect(HypercallError.isInstance(missing) && missing.code).toBe('ESRCH');
    expect((missing as Error).message).toContain('no domain 1');
  });

  it('rejects bad arguments before any hypercall', async () => {
    const { fake, hv } = await open();
    const before = fake.calls.length;
    await expect(hv.pauseDomain(-1)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(hv.pauseDomain(0x7ff0)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(hv.pauseDomain(1.5)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(hv.setMaxMemory(3, -5)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(hv.setMaxMemory(3, Number.NaN)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(hv.setMaxVcpus(3, 2 ** 32)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(fake.calls.length).toBe(before);
  });

  it('rejects with CLOSED after close and closes the backend', async () => {
    const { fake, hv } = await open();
    hv.close();
    expect(fake.isClosed).toBe(true);
    await expect(hv.listDomains()).rejects.toMatchObject({ code: 'CLOSED' });
    await expect(hv.pauseDomain(3)).rejects.toMatchObject({ code: 'CLOSED' });
  });

  it('reports BAD_REPLY when the hypervisor claims more domains than the buffer holds', async () => {
    const xen = new SimulatedXen(xen417());
    const lying = new FakePrivcmd((call) => {
      const result = xen.respond(call);
      if (call.op === 35) {
        const control = call.read(call.args[0], 136);
        new DataView(control.buffer).setUint32(24, 999, true);
        call.write(call.args[0], control);
      }
      return result;
    });
    await expect(openHypervisor({ backend: lying })).rejects.toMatchObject({
      code: 'BAD_REPLY',
      op: 'XEN_SYSCTL_getdomaininfolist',
    });
    expect(lying.isClosed).toBe(true);
  });
});

describe('answers that do not fit', () => {
  it('BAD_REPLY when list records are out of order (listing could otherwise loop)', async () => {
    const xen = new SimulatedXen(xen417({ 0: {}, 5: {}, 9: {} }));
    let scramble = false;
    const fake = new FakePrivcmd((call) => {
      const result = xen.respond(call);
      if (call.op === 35 && scramble) {
        const control = new DataView(call.read(call.args[0], 136).buffer);
        const records = call.read(control.getBigUint64(16, true), 3 * 112);
        records[112] = 0; // the second record now says domain 0
        call.write(control.getBigUint64(16, true), records);
      }
      return result;
    });
    const hv = await openHypervisor({ backend: fake });
    scramble = true;
    await expect(hv.listDomains()).rejects.toMatchObject({ code: 'BAD_REPLY', op: 'XEN_SYSCTL_getdomaininfolist' });
  });

  it('takes 4 KiB pages when XENVER_pagesize is not answered', async () => {
    const xen = new SimulatedXen(xen417({ 0: { totPages: 10n } }));
    const fake = new FakePrivcmd((call) => {
      if (call.op === 17 && call.args[0] === 7n) throw errnoError('ENOSYS');
      return xen.respond(call);
    });
    const hv = await openHypervisor({ backend: fake });
    expect(hv.pageSize).toBe(4096);
    expect((await hv.getDomainInfo(0)).memoryKiB).toBe(40);
  });
});

describe('openHypervisor failures', () => {
  it('NO_XEN when xen_version is not understood by the device', async () => {
    const fake = new FakePrivcmd(() => {
      throw errnoError('ENOTTY');
    });
    await expect(openHypervisor({ backend: fake })).rejects.toMatchObject({
      code: 'NO_XEN',
      op: 'XENVER_version',
      device: '/fake/privcmd',
    });
    expect(fake.isClosed).toBe(true);
  });

  it('EPERM when the hypervisor refuses an unprivileged caller', async () => {
    const fake = new FakePrivcmd(() => {
      throw errnoError('EPERM');
    });
    await expect(openHypervisor({ backend: fake })).rejects.toMatchObject({ code: 'EPERM' });
  });

  it('NO_SUPPORT naming the tried interfaces when the hypervisor rejects them all', async () => {
    const xen = new SimulatedXen({ ...xen417(), minor: 19, interfaceVersion: 0x17 });
    const error = await openHypervisor({ backend: new FakePrivcmd(xen.respond) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NO_SUPPORT' });
    expect((error as Error).message).toMatch(/Xen 4\.19\.2: .*sysctl 0x15 .*EACCES/);
  });

  it('NO_SUPPORT for Xen 3.1-3.4, whose sysctl/domctl generations are not implemented', async () => {
    const xen = new SimulatedXen({ ...xen417(), major: 3, minor: 2 });
    await expect(openHypervisor({ backend: new FakePrivcmd(xen.respond) })).rejects.toMatchObject({
      code: 'NO_SUPPORT',
    });
  });
});
