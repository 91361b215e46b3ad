import type { DomainState } from '../../constants.js';
import type { SeenDomain } from '../xen/lifecycle-diff.js';

/** One domain as the hypervisor reports it (getdomaininfo), already decoded. */
export interface HypervisorDomain {
  id: number;
  state: DomainState;
  memoryKib: number;
  maxMemoryKib: number;
  vcpus: number;
  cpuTimeNs: bigint;
  uuid: Uint8Array;
}

/**
 * What the hypervisor driver needs from `@libvirt-ts/hypercall`: kept to this shape so the optional
 * package is touched in one place only (hypervisor-loader.ts).
 */
export interface HypervisorSession {
  /** XENVER_version split, and XENVER_capabilities ("xen-3.0-x86_64 hvm-3.0-x86_32 ..."). */
  version(): Promise<{ major: number; minor: number; capabilities: string }>;
  listDomains(): Promise<HypervisorDomain[]>;
  /** The same list with Xen's flags, for the lifecycle watch (names are xenstore's). */
  lifecycleDomains(): Promise<SeenDomain[]>;
  /** The domain with exactly this id, or undefined. */
  domainInfo(id: number): Promise<HypervisorDomain | undefined>;
  pause(id: number): Promise<void>;
  unpause(id: number): Promise<void>;
  destroy(id: number): Promise<void>;
  setMaxMemory(id: number, kib: number): Promise<void>;
  close(): Promise<void> | void;
}
