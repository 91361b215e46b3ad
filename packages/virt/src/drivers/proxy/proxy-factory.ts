import { DriverNo } from '../../driver.js';
import { xenDriverFactory } from '../xen/xen-driver-factory.js';
import { isLocalXenName } from '../xen/xen-names.js';

/** Registers as "XenProxy" (version 0, as in libvirt): local Xen names, read-only opens only. */
export const proxyDriverFactory = xenDriverFactory({
  no: DriverNo.XEN_PROXY,
  name: 'XenProxy',
  version: 0,
  // a read-write open is declined, not failed: the proxy never aborts a Xen open
  accepts: (request) => request.readOnly && isLocalXenName(request),
  // Loaded on open, so a test:/// connection never loads the proxy transport.
  open: async (options) => (await import('./proxy-driver.js')).ProxyDriver.open(options),
});
