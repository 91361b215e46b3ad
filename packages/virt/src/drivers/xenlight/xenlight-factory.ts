import type { Hypervisor } from '@libvirt-ts/hypercall';
import { XenstoreClient } from '@libvirt-ts/xenstore';
import { type DriverFactory, DriverNo } from '../../driver.js';
import { loadHypercall } from '../hypervisor/hypervisor-loader.js';
import { asVirtErrors, xenDriverError } from '../xen/to-virt-error.js';
import { readXenOptions } from '../xen/read-xen-options.js';
import { XEN_DEFAULTS } from '../xen/xen-options.js';
import { isLocalXenName } from '../xen/xen-names.js';
import { DomainStore } from './domain-store.js';
import { modernXenHost } from './xend-presence.js';
import { readXenlightOptions } from './xenlight-options.js';
import { type XlToolstack, xlCommandToolstack } from './xl-toolstack.js';

/** virGetVersion("xenlight"): libvirt 9's libxl driver reports the library version. */
const XENLIGHT_DRIVER_VERSION = 9_000_000;

/**
 * Registers as "xenlight", ahead of the xend-era Xen drivers: it takes the local Xen names
 * (none, "xen", `xen:///`, `xen:///system`) when xend does not answer (see xend-presence.ts),
 * and they then decline. Read-write needs root (hypercalls and xenstored's socket are root's);
 * anyone else gets NO_CONNECT naming that, and may open read-only.
 * Test options: `hypervisor` (hypercall's open options, e.g. a fake privcmd), `xenstoredSocket`,
 * `xlToolstack` (an XlToolstack object standing in for the `xl` binary), and the xenlight folders.
 */
export const xenlightDriverFactory: DriverFactory = {
  no: DriverNo.XEN_LIGHT,
  name: 'xenlight',
  version: XENLIGHT_DRIVER_VERSION,
  async open(request) {
    if (!isLocalXenName(request) || !(await modernXenHost(request))) return undefined;
    const options = readXenOptions(request.options);
    const own = readXenlightOptions(request.options);
    if (!request.readOnly && process.getuid?.() !== 0) {
      throw xenDriverError('LIBXL', 'NO_CONNECT', `${request.name ?? 'xen:///system'}: read-write access to Xen needs root; open it read-only`);
    }
    const hypercall = await loadHypercall();
    if (!hypercall) throw xenDriverError('LIBXL', 'NO_XEN', '@libvirt-ts/hypercall could not be loaded');
    const hypervisorOptions = options.hypervisor ?? (options.privcmdDevice ? { devices: [options.privcmdDevice] } : {});
    const hv: Hypervisor = await asVirtErrors('LIBXL', () => hypercall.openHypervisor(hypervisorOptions));
    try {
      const path = options.xenstoredSocket ?? process.env['XENSTORED_PATH'] ?? XEN_DEFAULTS.xenstoredSocket;
      const xs = await asVirtErrors('LIBXL', () => XenstoreClient.connect({ path, readOnly: request.readOnly }));
      const xl = (request.options['xlToolstack'] as XlToolstack | undefined) ?? xlCommandToolstack(own.xlBinary);
      const { XenlightDriver } = await import('./xenlight-driver.js');
      return new XenlightDriver({ hv, xs, xl, store: new DomainStore(own.xenlightConfigDir, own.xenlightStateDir) });
    } catch (error) {
      hv.close();
      throw error;
    }
  },
};
