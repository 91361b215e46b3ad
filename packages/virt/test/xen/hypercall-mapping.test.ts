import { DomainFlag, decodeDomainInfo, type RawDomainInfo, type XenDomainInfo } from '@libvirt-ts/hypercall';
import { describe, expect, it } from 'vitest';
import { DomainState } from '../../src/constants.js';
import { domainStateOf, toHypervisorDomain } from '../../src/drivers/hypervisor/hypercall-mapping.js';

const PAGE_SIZE = 4096;
const shutDown = (code: number) => DomainFlag.shutdown | (code << 16);

function info(flags: number, handle = new Uint8Array(16).fill(7)): XenDomainInfo {
  const raw: RawDomainInfo = {
    domain: 3,
    flags,
    totPages: 256n,
    maxPages: 512n,
    sharedInfoFrame: 0n,
    cpuTime: 5n,
    nrOnlineVcpus: 2,
    maxVcpuId: 1,
    ssidref: 0,
    handle,
  };
  return decodeDomainInfo(raw, PAGE_SIZE);
}

describe("Xen's domain flags as virDomainState", () => {
  it.each([
    ['nothing set', 0, DomainState.NOSTATE],
    ['running', DomainFlag.running, DomainState.RUNNING],
    ['blocked', DomainFlag.blocked, DomainState.BLOCKED],
    ['paused', DomainFlag.paused, DomainState.PAUSED],
    ['paused and blocked (0.1.3 gave no state)', DomainFlag.paused | DomainFlag.blocked, DomainState.PAUSED],
    ['running with the HVM bit', DomainFlag.running | DomainFlag.hvm, DomainState.RUNNING],
    ['running xenstore domain with HAP', DomainFlag.running | DomainFlag.xenstoreDomain | DomainFlag.hap, DomainState.RUNNING],
    ['dying', DomainFlag.dying | DomainFlag.blocked, DomainState.SHUTDOWN],
    ['shut down, poweroff', shutDown(0), DomainState.SHUTOFF],
    ['shut down, reboot', shutDown(1), DomainState.SHUTOFF],
    ['shut down, crash', shutDown(3), DomainState.CRASHED],
  ])('%s is state %i', (_name, flags, state) => {
    expect(domainStateOf(info(flags))).toBe(state);
  });
});

describe("hypercall's domain record as the hypervisor driver's", () => {
  it('keeps KiB, vcpus, cpu time and the handle as the UUID bytes', () => {
    expect(toHypervisorDomain(info(DomainFlag.running))).toEqual({
      id: 3,
      state: DomainState.RUNNING,
      memoryKib: 1024,
      maxMemoryKib: 2048,
      vcpus: 2,
      cpuTimeNs: 5n,
      uuid: new Uint8Array(16).fill(7),
    });
  });

  it('refuses a handle that is not 16 bytes instead of making a UUID up', () => {
    expect(() => toHypervisorDomain(info(0, new Uint8Array(15)))).toThrow(/15-byte handle/);
  });
});
