import type { DomainStateName, XenDomainInfo } from '@libvirt-ts/hypercall';
import { DomainState } from '../../constants.js';
import { xenDriverError } from '../xen/to-virt-error.js';
import type { HypervisorDomain } from './hypervisor-session.js';

/** The state a domain's Xen flags amount to, as virDomainState. */
const STATES: Readonly<Record<DomainStateName, DomainState>> = {
  nostate: DomainState.NOSTATE,
  running: DomainState.RUNNING,
  blocked: DomainState.BLOCKED,
  paused: DomainState.PAUSED,
  shutdown: DomainState.SHUTDOWN,
  shutoff: DomainState.SHUTOFF,
  crashed: DomainState.CRASHED,
};

/**
 * The one translation from hypercall's terms (XenDomainInfo) to the driver's. The UUID is the
 * domain's handle, its raw bytes taken as they are: a handle that is not 16 bytes is an error,
 * never a UUID of zeros.
 */
export function toHypervisorDomain(info: XenDomainInfo): HypervisorDomain {
  if (info.handle.length !== 16) {
    throw xenDriverError('XEN', 'INTERNAL_ERROR', `domain ${info.id}: the hypervisor gave a ${info.handle.length}-byte handle, not a 16-byte UUID`);
  }
  return {
    id: info.id,
    state: STATES[info.state],
    memoryKib: info.memoryKiB,
    maxMemoryKib: info.maxMemoryKiB,
    vcpus: info.vcpusOnline,
    cpuTimeNs: info.cpuTimeNs,
    uuid: Uint8Array.from(info.handle),
  };
}
