import type { DomainConfig } from '@libvirt-ts/xml-format';
import { DomainControlState, DomainModificationImpact, DomainVcpuFlags, VcpuState } from '../../constants.js';
import type { DomainControlInfo, DomainVcpus, NodeInfo } from '../../types.js';
import { type CpuSet, cpusetOf, cpusOf, fromCpuMap, lastCpu, nodeMaxCpus, toCpuMap } from './cpu-maps.js';
import { oneDefinition } from './definition-scope.js';
import { isActive, type TestDomain } from './test-domain-list.js';
import { checkFlags, notRunning, testError } from './test-errors.js';

const { AFFECT_LIVE, AFFECT_CONFIG } = DomainModificationImpact;

/** The vcpus online in a definition (the first `current` of them). */
function onlineVcpus(def: DomainConfig): number {
  return def.vcpu.current ?? def.vcpu.count;
}

/** Where vcpu `vcpu` may run: its `<vcpupin>`, else the `<vcpu cpuset>`, else every host CPU. */
function vcpuCpus(def: DomainConfig, vcpu: number, hostCpus: number): CpuSet {
  const pin = def.cputune?.vcpupins.find((p) => p.vcpu === vcpu);
  if (pin) return cpusOf(pin.cpuset);
  return def.vcpu.cpuset !== undefined ? cpusOf(def.vcpu.cpuset) : { all: hostCpus };
}

/** testDomainGetVcpusFlags: the maximum (VCPU_MAXIMUM) or online count of the chosen definition. */
export function vcpusFlags(dom: TestDomain, flags: number): number {
  checkFlags(flags, AFFECT_LIVE | AFFECT_CONFIG | DomainVcpuFlags.VCPU_MAXIMUM, 'testDomainGetVcpusFlags');
  const def = oneDefinition(dom, flags);
  return (flags & DomainVcpuFlags.VCPU_MAXIMUM) !== 0 ? def.vcpu.count : onlineVcpus(def);
}

/**
 * testDomainGetVcpus: the online vcpus of a running domain (at most `maxinfo`), each running on the
 * last CPU it may use, with the clock's microseconds / 10 as CPU time (libvirt's fake, increasing).
 */
export function vcpus(dom: TestDomain, node: NodeInfo, maxinfo: number, maplen: number): DomainVcpus {
  if (!isActive(dom)) throw testError('OPERATION_INVALID', 'cannot list vcpus for an inactive domain');
  const hostCpus = nodeMaxCpus(node);
  const count = Math.min(maxinfo, onlineVcpus(dom.def));
  const cpuTime = (BigInt(Date.now()) * 1000n) / 10n;
  const result: DomainVcpus = { info: [], cpumaps: [] };
  for (let vcpu = 0; vcpu < count; vcpu++) {
    const cpus = vcpuCpus(dom.def, vcpu, hostCpus);
    result.info.push({ number: vcpu, state: VcpuState.RUNNING, cpu: lastCpu(cpus), cpuTime });
    result.cpumaps.push(toCpuMap(cpus, maplen));
  }
  return result;
}

/** testDomainGetVcpuPinInfo (virDomainDefGetVcpuPinInfoHelper): the maps of the first `ncpumaps` vcpus up to the maximum. */
export function vcpuPinInfo(dom: TestDomain, node: NodeInfo, ncpumaps: number, maplen: number, flags: number): Uint8Array[] {
  const def = oneDefinition(dom, flags);
  const hostCpus = nodeMaxCpus(node);
  const maps: Uint8Array[] = [];
  for (let vcpu = 0; vcpu < Math.min(def.vcpu.count, ncpumaps); vcpu++) maps.push(toCpuMap(vcpuCpus(def, vcpu, hostCpus), maplen));
  return maps;
}

/**
 * testDomainPinVcpuFlags: pins an online vcpu of the running domain (live only; libvirt 9's test
 * driver takes no flags). Unlike the emulator and IOThread pins, an empty map is taken as it is
 * (libvirt 9 then writes `cpuset=''`).
 */
export function pinVcpu(dom: TestDomain, vcpu: number, cpumap: Uint8Array, flags: number): void {
  checkFlags(flags, 0, 'testDomainPinVcpuFlags');
  if (!isActive(dom)) throw testError('OPERATION_INVALID', 'cannot pin vcpus on an inactive domain');
  if (vcpu >= onlineVcpus(dom.def)) throw testError('INVALID_ARG', `requested vcpu '${vcpu}' is not present in the domain`);
  const cpuset = cpusetOf(fromCpuMap(cpumap));
  const cputune = dom.def.cputune ?? { vcpupins: [] };
  const vcpupins = [...cputune.vcpupins.filter((pin) => pin.vcpu !== vcpu), { vcpu, cpuset }].sort((a, b) => a.vcpu - b.vcpu);
  dom.def.cputune = { ...cputune, vcpupins };
}

/** testDomainPinEmulator: the emulator's CPUs in the chosen definition. */
export function pinEmulator(dom: TestDomain, cpumap: Uint8Array, flags: number): void {
  checkFlags(flags, AFFECT_LIVE | AFFECT_CONFIG, 'testDomainPinEmulator');
  const def = oneDefinition(dom, flags);
  const cpuset = pinnedSet(cpumap);
  def.cputune = { ...(def.cputune ?? { vcpupins: [] }), emulatorpin: cpuset };
}

/** testDomainGetEmulatorPinInfo: `<emulatorpin>`, else the `<vcpu cpuset>`, else every host CPU. */
export function emulatorPinInfo(dom: TestDomain, node: NodeInfo, maplen: number, flags: number): Uint8Array {
  checkFlags(flags, AFFECT_LIVE | AFFECT_CONFIG, 'testDomainGetEmulatorPinInfo');
  const def = oneDefinition(dom, flags);
  const cpuset = def.cputune?.emulatorpin ?? def.vcpu.cpuset;
  return toCpuMap(cpuset !== undefined ? cpusOf(cpuset) : { all: nodeMaxCpus(node) }, maplen);
}

/** A map to pin to, as a cpuset: libvirt's "Empty cpu list for pinning" when it names no CPU. */
export function pinnedSet(cpumap: Uint8Array): string {
  const cpus = fromCpuMap(cpumap);
  if (cpus.size === 0) throw testError('INVALID_ARG', 'Empty cpu list for pinning');
  return cpusetOf(cpus);
}

/**
 * testDomainGetControlInfo: a running domain's control interface is OK (libvirt 9's test driver
 * derives other states from a guest time no API here sets).
 */
export function controlInfo(dom: TestDomain, flags: number): DomainControlInfo {
  checkFlags(flags, 0, 'testDomainGetControlInfo');
  if (!isActive(dom)) throw notRunning();
  return { state: DomainControlState.OK, details: 0, stateTime: 0n };
}
