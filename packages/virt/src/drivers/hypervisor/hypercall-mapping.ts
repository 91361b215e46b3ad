import type { XenDomainInfo } from '@libvirt-ts/hypercall';
import { DomainState } from '../../constants.js';
import { xenDriverError } from '../xen/to-virt-error.js';
import type { HypervisorDomain } from './hypervisor-session.js';

/**
 * The virDomainState a domain's Xen flags amount to. 0.1.3 compared `flags & 0xFF` for equality
 * with one flag, so a paused domain whose vcpu was blocked (common) had no state; like later
 * libvirt the bits are tested in priority order: dying (SHUTDOWN), shut down (CRASHED for a
 * crash, else SHUTOFF), paused, running, blocked.
 */
export function domainStateOf({ flags, shutdownReason }: XenDomainInfo): DomainState {
  if (flags.dying) return DomainState.SHUTDOWN;
  if (flags.shutdown) return shutdownReason === 'crash' ? DomainState.CRASHED : DomainState.SHUTOFF;
  if (flags.paused) return DomainState.PAUSED;
  if (flags.running) return DomainState.RUNNING;
  if (flags.blocked) return DomainState.BLOCKED;
  return DomainState.NOSTATE;
}

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
    state: domainStateOf(info),
    memoryKib: info.memoryKiB,
    maxMemoryKib: info.maxMemoryKiB,
    vcpus: info.vcpusOnline,
    cpuTimeNs: info.cpuTimeNs,
    uuid: Uint8Array.from(info.handle),
  };
}
