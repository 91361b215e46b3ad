import { BUILTIN_DRIVER_PRIORITY } from '../../driver-registry.js';
import { asVirtErrors } from '../xen/to-virt-error.js';
import { XEN_DRIVER_VERSION, xenDriverFactory } from '../xen/xen-driver-factory.js';
import { isLocalXenName } from '../xen/xen-names.js';
import { loadHypercall, openHypervisorSession } from './hypervisor-loader.js';

/**
 * Registers as "Xen", first in priority. Declines when `@libvirt-ts/hypercall` cannot load (or with
 * `useHypervisor: false`); a privcmd that cannot be opened is NO_XEN, which fails a read-write open.
 */
export const hypervisorDriverFactory = xenDriverFactory({
  name: 'Xen',
  priority: BUILTIN_DRIVER_PRIORITY.Xen,
  version: XEN_DRIVER_VERSION,
  direct: true,
  accepts: isLocalXenName,
  async open(options) {
    if (options.useHypervisor === false) return undefined;
    const hypercall = await loadHypercall();
    if (!hypercall) return undefined;
    const hypervisorOptions = options.hypervisor ?? (options.privcmdDevice ? { devices: [options.privcmdDevice] } : {});
    // Loaded on open, with the addon, so a test:/// connection loads neither.
    const { HypervisorDriver } = await import('./hypervisor-driver.js');
    return new HypervisorDriver(await asVirtErrors('XEN', () => openHypervisorSession(hypercall, hypervisorOptions)));
  },
});
