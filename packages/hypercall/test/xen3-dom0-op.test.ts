import { describe, expect, it } from 'vitest';
import { openHypervisor, xen3 } from '../src/index.js';
import { FakePrivcmd, SimulatedXen } from '../src/testing/index.js';

// Offsets on x86_64 as written in the spec (hypercall.md sections 3-5): no Xen 3.0
// headers are installable today, so these are the reference.
const specOffsets: Record<string, { size?: number; fields: Record<string, number> }> = {
  dom0_op: { fields: { cmd: 0, interface_version: 4 } },
  dom0_getdomaininfolist: { fields: { first_domain: 0, max_domains: 4, buffer: 8, num_domains: 16 } },
  dom0_pausedomain: { fields: { domain: 0 } },
  dom0_setdomainmaxmem: { fields: { domain: 0, max_memkb: 8 } },
  dom0_getdomaininfo: {
    size: 72,
    fields: {
      domain: 0,
      flags: 4,
      tot_pages: 8,
      max_pages: 16,
      shared_info_frame: 24,
      cpu_time: 32,
      nr_online_vcpus: 40,
      max_vcpu_id: 44,
      ssidref: 48,
      handle: 52,
    },
  },
};

const layouts = [xen3.dom0Op, xen3.dom0GetDomainInfoList, xen3.dom0DomainOnly, xen3.dom0SetDomainMaxMem, xen3.dom0GetDomainInfo];

describe('Xen 3.0 dom0_op layouts match the spec', () => {
  for (const layout of layouts) {
    it(layout.name, () => {
      const spec = specOffsets[layout.name]!;
      const offsets = Object.fromEntries(Object.entries(layout.fields).map(([name, f]) => [name, f.offset]));
      expect(offsets).toEqual(spec.fields);
      if (spec.size !== undefined) expect(layout.size).toBe(spec.size);
    });
  }

  it('uses the spec command numbers and the union at offset 8', () => {
    expect(xen3.Dom0Cmd).toEqual({
      DOM0_DESTROYDOMAIN: 9,
      DOM0_PAUSEDOMAIN: 10,
      DOM0_UNPAUSEDOMAIN: 11,
      DOM0_SETDOMAINMAXMEM: 28,
      DOM0_GETDOMAININFOLIST: 38,
    });
    expect(xen3.DOM0_OP_UNION_OFFSET).toBe(8);
  });

  it('encodes a pause as cmd 10, the interface version, and the domain id at 8', () => {
    const request = xen3.xen3Dom0OpAbi(0x03000001).encodePauseDomain(0x1234);
    expect(request.hypercall).toBe(7);
    expect(Buffer.from(request.bytes.subarray(0, 10)).toString('hex')).toBe('0a000000010000033412');
    expect(request.bytes.length).toBeGreaterThanOrEqual(136);
  });
});

describe('openHypervisor over Xen 3.0 dom0_op', () => {
  const simulate = (interfaceVersion: number) =>
    new SimulatedXen({
      generation: 'xen3',
      major: 3,
      minor: 0,
      extra: '.2-1',
      interfaceVersion,
      domains: { 0: { totPages: 65536n, maxPages: 65536n }, 5: { flags: 1 << 4 } },
    });

  it('probes DOM0_GETDOMAININFOLIST with 0x03000001, then 0x03000000 (Xen 3.0.2)', async () => {
    const fake = new FakePrivcmd(simulate(0x03000000).respond);
    const hv = await openHypervisor({ backend: fake });
    expect(hv.abi.name).toBe('Xen 3.0 dom0_op 0x03000000');
    expect(hv.version.libvirtVersion).toBe(3_000_000);
    const dom0Ops = fake.calls.filter((c) => c.op === 7).map((c) => c.buffers.get(c.args[0])!);
    expect(dom0Ops.map((b) => Buffer.from(b.subarray(0, 8)).toString('hex'))).toEqual([
      '2600000001000003',
      '2600000000000003',
    ]);
  });

  it('lists, reads one domain through the list, pauses, unpauses, sets max memory, destroys', async () => {
    const xen = simulate(0x03000001);
    const hv = await openHypervisor({ backend: new FakePrivcmd(xen.respond) });
    expect((await hv.listDomains()).map((d) => [d.id, d.flags.running, d.flags.blocked, d.memoryKiB])).toEqual([
      [0, true, false, 262144],
      [5, false, true, 1024],
    ]);
    await hv.pauseDomain(5);
    expect((await hv.getDomainInfo(5)).flags.paused).toBe(true);
    await hv.unpauseDomain(5);
    expect((await hv.getDomainInfo(5)).flags.paused).toBe(false);
    await hv.setMaxMemory(5, 131072n);
    expect((await hv.getDomainInfo(5)).maxMemoryKiB).toBe(131072);
    await hv.destroyDomain(5);
    expect(xen.domains.has(5)).toBe(false);
  });

  it('does not take the next domain for a missing id (0.1.3 did), and names the op', async () => {
    const hv = await openHypervisor({ backend: new FakePrivcmd(simulate(0x03000001).respond) });
    await expect(hv.getDomainInfo(3)).rejects.toMatchObject({ code: 'ESRCH', op: 'DOM0_GETDOMAININFOLIST' });
    await expect(hv.pauseDomain(0)).rejects.toMatchObject({ code: 'EINVAL', op: 'DOM0_PAUSEDOMAIN' });
    await expect(hv.setMaxVcpus(5, 2)).rejects.toMatchObject({ code: 'NO_SUPPORT', op: 'max_vcpus' });
  });
});
