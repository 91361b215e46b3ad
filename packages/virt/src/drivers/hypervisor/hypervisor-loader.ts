import type { DomainState } from '../../types.js';
import { parseUuid } from '../../uuid.js';
import type { HypervisorDomain, HypervisorSession } from './hypervisor-session.js';

/** The slice of `@libvirt-ts/hypercall`'s hypervisor object this driver calls. */
interface HypercallHypervisor {
  version(): Promise<{ major: number; minor: number }>;
  listDomains(): Promise<HypercallDomainInfo[]>;
  getDomainInfo(id: number): Promise<HypercallDomainInfo | undefined>;
  pause(id: number): Promise<void>;
  unpause(id: number): Promise<void>;
  destroy(id: number): Promise<void>;
  setMaxMemory(id: number, kib: number | bigint): Promise<void>;
  close(): Promise<void> | void;
}

interface HypercallDomainInfo {
  id: number;
  uuid: string;
  stateCode: number;
  memoryKiB: number;
  maxMemoryKiB: number;
  cpuTimeNs: bigint;
  vcpusOnline: number;
}

interface HypercallModule {
  openHypervisor(options?: Record<string, unknown>): Promise<HypercallHypervisor>;
}

/**
 * Loads the optional `@libvirt-ts/hypercall` package. Undefined when it is not installed or its
 * native addon cannot load: the hypervisor driver then declines and the other drivers carry on.
 */
export async function loadHypercall(): Promise<HypercallModule | undefined> {
  try {
    const module = (await import('@libvirt-ts/hypercall')) as unknown as Partial<HypercallModule>;
    return typeof module.openHypervisor === 'function' ? (module as HypercallModule) : undefined;
  } catch {
    return undefined;
  }
}

/** Opens the hypervisor through the package and presents it as the driver's HypervisorSession. */
export async function openHypervisorSession(module: HypercallModule, options: Record<string, unknown>): Promise<HypervisorSession> {
  const hv = await module.openHypervisor(options);
  return {
    version: () => hv.version(),
    listDomains: async () => (await hv.listDomains()).map(toHypervisorDomain),
    domainInfo: async (id) => {
      const info = await hv.getDomainInfo(id);
      // the hypervisor answers with the next domain up for a missing id: only an exact match counts
      return info && info.id === id ? toHypervisorDomain(info) : undefined;
    },
    pause: (id) => hv.pause(id),
    unpause: (id) => hv.unpause(id),
    destroy: (id) => hv.destroy(id),
    setMaxMemory: (id, kib) => hv.setMaxMemory(id, BigInt(kib)),
    close: () => hv.close(),
  };
}

function toHypervisorDomain(info: HypercallDomainInfo): HypervisorDomain {
  return {
    id: info.id,
    state: info.stateCode as DomainState,
    memoryKib: info.memoryKiB,
    maxMemoryKib: info.maxMemoryKiB,
    vcpus: info.vcpusOnline,
    cpuTimeNs: info.cpuTimeNs,
    uuid: parseUuid(info.uuid) ?? new Uint8Array(16),
  };
}
