import { describe, expect, it } from 'vitest';
import { abiCandidates, openHypervisor } from '../src/index.js';
import { FakePrivcmd, SimulatedXen } from '../src/testing/index.js';

describe('abiCandidates', () => {
  it('tries the running release first, then the others newest first, each version pair once', () => {
    expect(abiCandidates(4, 19).map((abi) => abi.name)).toEqual([
      'Xen 4.19 sysctl 0x15 / domctl 0x17',
      'Xen 4.22 sysctl 0x16 / domctl 0x18',
      'Xen 4.21 sysctl 0x16 / domctl 0x17',
      'Xen 4.18 sysctl 0x15 / domctl 0x16',
      'Xen 4.17 sysctl 0x15 / domctl 0x15',
      'Xen 4.16 sysctl 0x14 / domctl 0x14',
    ]);
  });

  it('has the two dom0_op versions for Xen 3.0 and nothing for 3.1-3.4 or 2.x', () => {
    expect(abiCandidates(3, 0).map((abi) => abi.generation)).toEqual(['dom0_op', 'dom0_op']);
    expect(abiCandidates(3, 2)).toEqual([]);
    expect(abiCandidates(2, 0)).toEqual([]);
  });

  it('finds the versions of a release it does not know by trial (4.23 answering as 4.18)', async () => {
    const xen = new SimulatedXen({
      generation: 'xen4',
      major: 4,
      minor: 23,
      interfaceVersion: 0x15,
      domctlVersion: 0x16,
      domains: { 0: {} },
    });
    const fake = new FakePrivcmd(xen.respond);
    const hv = await openHypervisor({ backend: fake });
    expect(hv.abi.name).toBe('Xen 4.18 sysctl 0x15 / domctl 0x16');
    // 4.22 and 4.21 were refused at the sysctl (0x16), 4.19/4.20 at the domctl (0x17), then 4.18.
    expect(fake.calls.filter((c) => c.op === 35 || c.op === 36).map((c) => c.op)).toEqual([35, 35, 35, 36, 35, 36]);
    expect((await hv.listDomains()).map((d) => d.id)).toEqual([0]);
  });
});
