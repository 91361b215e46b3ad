import type { DomainRef, Driver } from '../../driver.js';
import type { DomainInfo } from '../../types.js';
import type { SeenDomain } from '../xen/lifecycle-diff.js';
import { asVirtErrors, xenDriverError } from '../xen/to-virt-error.js';
import { formatXenCapabilities, libvirtArch } from '../xen/xen-capabilities.js';
import type { XenDomainLister } from '../xen/xen-domain-lister.js';
import type { HypervisorDomain, HypervisorSession } from './hypervisor-session.js';

/**
 * The "Xen" hypervisor driver (libvirt 0.1.3 xen_internal.c): domain list, state and memory read
 * straight from the hypervisor; pause, unpause, destroy and max memory by hypercall.
 * State follows later libvirt (flag bits, crash reason) rather than 0.1.3's equality tests.
 */
export class HypervisorDriver implements Driver, XenDomainLister {
  readonly name = 'Xen';
  readonly #hv: HypervisorSession;

  constructor(hv: HypervisorSession) {
    this.#hv = hv;
  }

  async close(): Promise<void> {
    await this.#hv.close();
  }

  async getType(): Promise<string> {
    return 'Xen';
  }

  /** (major << 16 | minor) from XENVER_version, encoded as major*1,000,000 + minor*1,000. */
  async getVersion(): Promise<number> {
    const { major, minor } = await this.#call(() => this.#hv.version());
    return major * 1_000_000 + minor * 1_000;
  }

  /** The guests XENVER_capabilities offers, on this machine's architecture. */
  async getCapabilities(): Promise<string> {
    const { capabilities } = await this.#call(() => this.#hv.version());
    return formatXenCapabilities(libvirtArch(process.arch), capabilities);
  }

  async listDomainIDs(): Promise<number[]> {
    return (await this.#allDomains()).map((d) => d.id);
  }

  async numOfDomains(): Promise<number> {
    return (await this.#allDomains()).length;
  }

  async domainGetInfo(ref: DomainRef): Promise<DomainInfo> {
    const domain = await this.#domain(ref);
    return {
      state: domain.state,
      maxMem: domain.maxMemoryKib,
      memory: domain.memoryKib,
      nrVirtCpu: domain.vcpus,
      cpuTime: domain.cpuTimeNs,
    };
  }

  async domainGetMaxMemory(ref: DomainRef): Promise<number> {
    return (await this.#domain(ref)).maxMemoryKib;
  }

  async domainSuspend(ref: DomainRef): Promise<void> {
    const id = runningId(ref);
    await this.#call(() => this.#hv.pause(id));
  }

  async domainResume(ref: DomainRef): Promise<void> {
    const id = runningId(ref);
    await this.#call(() => this.#hv.unpause(id));
  }

  async domainDestroy(ref: DomainRef): Promise<void> {
    const id = runningId(ref);
    await this.#call(() => this.#hv.destroy(id));
  }

  /** The hypervisor takes the limit in KiB as it is. */
  async domainSetMaxMemory(ref: DomainRef, kib: number): Promise<void> {
    const id = runningId(ref);
    await this.#call(() => this.#hv.setMaxMemory(id, kib));
  }

  /** For a xend host's lifecycle watch: one getdomaininfo list with Xen's flags. */
  lifecycleDomains(): Promise<SeenDomain[]> {
    return this.#call(() => this.#hv.lifecycleDomains());
  }

  async #allDomains(): Promise<HypervisorDomain[]> {
    return this.#call(() => this.#hv.listDomains());
  }

  /** One domain's record; 0.1.3 took the next domain up for a missing id, we check it. */
  async #domain(ref: DomainRef): Promise<HypervisorDomain> {
    const id = runningId(ref);
    const domain = await this.#call(() => this.#hv.domainInfo(id));
    if (!domain) throw xenDriverError('XEN', 'NO_DOMAIN', `no domain with id ${id}`);
    return domain;
  }

  #call<T>(operation: () => Promise<T>): Promise<T> {
    return asVirtErrors('XEN', operation);
  }
}

function runningId(ref: DomainRef): number {
  if (ref.id < 0) throw xenDriverError('XEN', 'OPERATION_INVALID', `domain '${ref.name}' is not running`);
  return ref.id;
}
