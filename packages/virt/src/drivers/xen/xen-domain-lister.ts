import type { Driver } from '../../driver.js';
import type { DomainEventBus } from '../../events/domain-event-bus.js';
import type { SeenDomain } from './lifecycle-diff.js';

/**
 * A xend-era driver that can list a Xen host's running domains for the lifecycle watch (the
 * hypervisor by hypercall, or xend), and where its own define and undefine are told.
 */
export interface XenDomainLister {
  /** The running domains; `name` undefined when this driver does not know it (xenstore tells it). */
  lifecycleDomains(): Promise<SeenDomain[]>;
  /** The DEFINED and UNDEFINED events of this driver's define and undefine, if it has any. */
  readonly definitionEvents?: DomainEventBus;
}

export function isXenDomainLister(driver: Driver): driver is Driver & XenDomainLister {
  return typeof (driver as Partial<XenDomainLister>).lifecycleDomains === 'function';
}
