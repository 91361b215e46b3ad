// node:fs's `promises` is read when asked: importing node:fs/promises would load it at every start.
import { promises as fs } from 'node:fs';
import { cpus as osCpus } from 'node:os';
import { parseCpuBitmap } from '@libvirt-ts/xml-format';
import { DomainIOThreadField, DomainModificationImpact, TypedParameterType } from '../../constants.js';
import type { IOThreadInfo, TypedParameter } from '../../types.js';
import { type CpuSet, cpusOf, lastCpu, toCpuMap } from './cpu-maps.js';
import { oneDefinition } from './definition-scope.js';
import type { TestDomain } from './test-domain-list.js';
import { checkFlags, testError } from './test-errors.js';
import { pinnedSet } from './test-vcpus.js';
import { validateParams } from './typed-param-check.js';

const IMPACT = DomainModificationImpact.AFFECT_LIVE | DomainModificationImpact.AFFECT_CONFIG;

/**
 * virHostCPUGetAvailableCPUsBitmap: this machine's online CPUs (/sys/devices/system/cpu/online),
 * else all it has. An unpinned IOThread of libvirt 9's test driver may run on those.
 */
async function hostOnlineCpus(): Promise<CpuSet> {
  const online = await fs.readFile('/sys/devices/system/cpu/online', 'utf8').catch(() => undefined);
  const cpus = online === undefined ? undefined : parseCpuBitmap(online.trim());
  return cpus && cpus.size > 0 ? cpus : { all: Math.max(1, osCpus().length) };
}

/** virBitmapToData: as many bytes as the set needs (at least one). */
function cpuMapOf(cpus: CpuSet): Uint8Array {
  return toCpuMap(cpus, Math.max(1, Math.ceil((lastCpu(cpus) + 1) / 8)));
}

/** testDomainGetIOThreadInfo: each IOThread's id and where it may run (its pin, the `<vcpu cpuset>`, or the host's online CPUs). */
export async function iothreadInfo(dom: TestDomain, flags: number): Promise<IOThreadInfo[]> {
  checkFlags(flags, IMPACT, 'testDomainGetIOThreadInfo');
  const def = oneDefinition(dom, flags);
  const iothreads = def.iothreadIds ?? [];
  const host = iothreads.some((t) => t.cpuset === undefined) && def.vcpu.cpuset === undefined ? await hostOnlineCpus() : undefined;
  return iothreads.map((iothread) => {
    const cpuset = iothread.cpuset ?? def.vcpu.cpuset;
    return { iothreadId: iothread.id, cpumap: cpuMapOf(cpuset !== undefined ? cpusOf(cpuset) : (host as CpuSet)) };
  });
}

/** testDomainPinIOThread: the CPUs IOThread `id` of the chosen definition may run on. */
export function pinIOThread(dom: TestDomain, id: number, cpumap: Uint8Array, flags: number): void {
  checkFlags(flags, IMPACT, 'testDomainPinIOThread');
  const def = oneDefinition(dom, flags);
  const iothread = def.iothreadIds?.find((t) => t.id === id);
  if (!iothread) throw testError('INVALID_ARG', `iothreadid ${id} not found`);
  iothread.cpuset = pinnedSet(cpumap);
}

/** testDomainAddIOThread: a new IOThread at the end of the chosen definition's list. */
export function addIOThread(dom: TestDomain, id: number, flags: number): void {
  checkFlags(flags, IMPACT, 'testDomainAddIOThread');
  if (id === 0) throw testError('INVALID_ARG', 'invalid value of 0 for iothread_id');
  const def = oneDefinition(dom, flags);
  // virDomainDriverAddIOThreadCheck
  if (def.iothreadIds?.some((t) => t.id === id)) throw testError('INVALID_ARG', `an IOThread is already using iothread_id '${id}'`);
  def.iothreadIds = [...(def.iothreadIds ?? []), { id, autofill: false }];
}

/** testDomainDelIOThread: removes IOThread `id` (and its pin) from the chosen definition. */
export function delIOThread(dom: TestDomain, id: number, flags: number): void {
  checkFlags(flags, IMPACT, 'testDomainDelIOThread');
  const def = oneDefinition(dom, flags);
  // virDomainDriverDelIOThreadCheck (disks naming an IOThread are not part of the model)
  if (!def.iothreadIds?.some((t) => t.id === id)) throw testError('INVALID_ARG', `cannot find IOThread '${id}' in iothreadids list`);
  const rest = def.iothreadIds.filter((t) => t.id !== id);
  if (rest.length > 0) def.iothreadIds = rest;
  else delete def.iothreadIds;
}

/**
 * testDomainSetIOThreadParams: the polling parameters of IOThread `id` are checked (libvirt 9's test
 * driver takes poll_max_ns, poll_grow and poll_shrink, no thread pool bounds) and, as its domain XML
 * does not show them, not written into the definition.
 */
export function setIOThreadParams(dom: TestDomain, id: number, params: readonly TypedParameter[], flags: number): void {
  checkFlags(flags, IMPACT, 'testDomainSetIOThreadParams');
  const def = oneDefinition(dom, flags);
  if (!def.iothreadIds?.some((t) => t.id === id)) throw testError('INVALID_ARG', `cannot find IOThread '${id}' in iothreadids`);
  validateParams(params, {
    [DomainIOThreadField.POLL_MAX_NS]: TypedParameterType.ULLONG,
    [DomainIOThreadField.POLL_GROW]: TypedParameterType.UINT,
    [DomainIOThreadField.POLL_SHRINK]: TypedParameterType.UINT,
  });
}
