import { mostSeriousStateFlag, type XendDomainRecord, type XendNodeRecord, type XendStateFlag, xenExtraRelease } from '@libvirt-ts/xend-client';
import { parseUuid } from '@libvirt-ts/xml-format';
import { DomainState } from '../../constants.js';
import type { DomainRef } from '../../driver.js';
import type { DomainInfo, NodeInfo } from '../../types.js';
import type { SeenDomain } from '../xen/lifecycle-diff.js';
import { xenDriverError } from '../xen/to-virt-error.js';

/**
 * The one translation from xend-client's terms (xend's records, MiB, state letters) to virt's
 * (virDomainInfo, virNodeInfo, virDomainState), as libvirt's xend driver read them.
 */

const MIB_TO_KIB = 1024;
/** virNodeInfo's model is a 32-byte C string: at most 31 characters. */
const MODEL_MAX = 31;

/** xend's most serious state flag as virDomainState; `dying` is SHUTOFF, as libvirt read `d`. */
const STATES: Readonly<Record<XendStateFlag, DomainState>> = {
  running: DomainState.RUNNING,
  blocked: DomainState.BLOCKED,
  paused: DomainState.PAUSED,
  shutdown: DomainState.SHUTDOWN,
  crashed: DomainState.CRASHED,
  dying: DomainState.SHUTOFF,
};

/**
 * The domain's virDomainState. A managed domain that is not running has no state flags and
 * `(status 0)`: SHUTOFF. No flags otherwise, or no known flag, is NOSTATE.
 */
export function domainStateOf(record: XendDomainRecord): DomainState {
  if (record.state === undefined && record.status === 0) return DomainState.SHUTOFF;
  const flag = mostSeriousStateFlag(record.state);
  return flag === undefined ? DomainState.NOSTATE : STATES[flag];
}

/** virDomainInfo from xend's record: memory MiB -> KiB, cpu time already in nanoseconds. */
export function domainInfoOf(record: XendDomainRecord): DomainInfo {
  return {
    state: domainStateOf(record),
    maxMem: record.maxmem * MIB_TO_KIB,
    memory: record.memory * MIB_TO_KIB,
    nrVirtCpu: record.vcpus,
    cpuTime: record.cpuTimeNs,
  };
}

/** The domain's id, -1 when xend gives none (a defined domain that is not running). */
export function domainIdOf(record: XendDomainRecord): number {
  return record.domid ?? -1;
}

/** Whether xend runs the domain (it has a domain id). */
export function isRunning(record: XendDomainRecord): boolean {
  return domainIdOf(record) >= 0;
}

/** The driver's reference to the domain; a UUID that virUUIDParse refuses is an error, never zeros. */
export function domainRefOf(record: XendDomainRecord): DomainRef {
  const uuid = parseUuid(record.uuid);
  if (!uuid) throw xenDriverError('XEND', 'INTERNAL_ERROR', `xend domain ${JSON.stringify(record.name)}: bad UUID ${JSON.stringify(record.uuid)}`);
  return { id: domainIdOf(record), name: record.name, uuid };
}

/**
 * A running domain as the lifecycle watch reads it: xend's state letters as Xen's flags (`c` is a
 * crash, `s` another shutdown: xend's record does not say which, so it counts as a poweroff).
 */
export function seenDomainOf(record: XendDomainRecord): SeenDomain {
  const { id, name, uuid } = domainRefOf(record);
  const letters = record.state ?? '';
  const crashed = letters.includes('c');
  const shutdown = crashed || letters.includes('s');
  return {
    name,
    uuid,
    info: {
      id,
      flags: { dying: letters.includes('d'), paused: letters.includes('p'), shutdown },
      shutdownReason: crashed ? 'crash' : shutdown ? 'poweroff' : undefined,
    },
  };
}

/** virNodeInfo from xend's node record: memory MiB -> KiB, the machine cut to virNodeInfo's model. */
export function nodeInfoOf(node: XendNodeRecord): NodeInfo {
  return {
    model: node.machine.slice(0, MODEL_MAX),
    memory: node.totalMemory * MIB_TO_KIB,
    cpus: node.nrCpus,
    mhz: node.cpuMhz,
    nodes: node.nrNodes,
    sockets: node.socketsPerNode,
    cores: node.coresPerSocket,
    threads: node.threadsPerCore,
  };
}

/** libvirt's hypervisor version number: major * 1,000,000 + minor * 1,000 + release (3.0.2 is 3000002). */
export function hypervisorVersionOf(node: XendNodeRecord): number {
  return node.xenMajor * 1_000_000 + node.xenMinor * 1_000 + xenExtraRelease(node.xenExtra);
}
