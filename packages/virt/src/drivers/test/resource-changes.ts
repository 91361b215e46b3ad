import type { DomainConfig } from '@libvirt-ts/xml-format';
import { DomainMemoryModFlags, DomainModificationImpact, DomainVcpuFlags } from '../../constants.js';
import { isActive, type TestDomain } from './test-domain-list.js';
import { notRunning, testError, testErrorText } from './test-errors.js';

/** testConnectGetMaxVcpus. */
const MAX_VCPUS = 32;

/**
 * virDomainObjGetDefs: which definitions a change touches. CURRENT (neither LIVE nor CONFIG) means
 * LIVE for an active domain and CONFIG otherwise.
 */
export function definitionsFor(dom: TestDomain, flags: number): { live: DomainConfig | undefined; config: DomainConfig | undefined } {
  let live = (flags & DomainModificationImpact.AFFECT_LIVE) !== 0;
  let config = (flags & DomainModificationImpact.AFFECT_CONFIG) !== 0;
  if (!live && !config) {
    live = isActive(dom);
    config = !live;
  }
  if (live && !isActive(dom)) throw notRunning();
  if (config && !dom.persistent) throw testError('OPERATION_INVALID', 'transient domains do not have any persistent config');
  return { live: live ? dom.def : undefined, config: config ? (dom.newDef ?? dom.def) : undefined };
}

/**
 * testDomainSetMemoryFlags: the balloon (current memory) of the chosen definitions, or with
 * MEM_MAXIMUM their maximum (never of a running domain; the current memory is clamped to it).
 * Zero and non-integers are refused by the API layer (Domain) before a driver is asked.
 */
export function setMemory(dom: TestDomain, kib: number, flags: number): void {
  // virDomainObjGetOneDefState: memory changes touch exactly one definition.
  const both = DomainModificationImpact.AFFECT_LIVE | DomainModificationImpact.AFFECT_CONFIG;
  if ((flags & both) === both) {
    throw testErrorText('INVALID_ARG', "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive");
  }
  const { live, config } = definitionsFor(dom, flags & ~DomainMemoryModFlags.MEM_MAXIMUM);
  if ((flags & DomainMemoryModFlags.MEM_MAXIMUM) !== 0) {
    if (live) throw testError('OPERATION_INVALID', 'cannot resize the maximum memory on an active domain');
    if (config) {
      config.memory = kib;
      if (config.currentMemory > kib) config.currentMemory = kib;
    }
    return;
  }
  for (const def of [live, config]) {
    if (def && kib > def.memory) throw testError('INVALID_ARG', 'cannot set memory higher than max memory');
  }
  for (const def of [live, config]) if (def) def.currentMemory = kib;
}

/**
 * testDomainSetVcpusFlags: the online vcpus of the chosen definitions (at most their `<vcpu>`
 * maximum), or with VCPU_MAXIMUM the maximum of the persistent definition.
 */
export function setVcpus(dom: TestDomain, count: number, flags: number): void {
  if (count > MAX_VCPUS) throw testError('INVALID_ARG', `requested cpu amount exceeds maximum supported amount (${count} > ${MAX_VCPUS})`);
  const maximum = (flags & DomainVcpuFlags.VCPU_MAXIMUM) !== 0;
  const { live, config } = definitionsFor(dom, flags & ~DomainVcpuFlags.VCPU_MAXIMUM);
  // The live definition's online count is checked against its maximum even with VCPU_MAXIMUM.
  for (const def of maximum ? [live] : [live, config]) {
    if (def && count > def.vcpu.count) throw testError('INVALID_ARG', `requested cpu amount exceeds maximum (${count} > ${def.vcpu.count})`);
  }
  if (live) setOnline(live, count);
  if (config && maximum) {
    const online = Math.min(config.vcpu.current ?? config.vcpu.count, count);
    config.vcpu.count = count;
    setOnline(config, online);
  } else if (config) {
    setOnline(config, count);
  }
}

/** `current=` is written only when fewer vcpus than the maximum are online. */
function setOnline(def: DomainConfig, count: number): void {
  if (count === def.vcpu.count) delete def.vcpu.current;
  else def.vcpu.current = count;
}
