import { BUILTIN_DRIVER_PRIORITY } from '../../driver-registry.js';
import { xenDriverFactory } from '../xen/xen-driver-factory.js';
import { isLocalXenName } from '../xen/xen-names.js';

/** Registers as "XenProxy" (version 0, as in libvirt): local Xen names, read-only opens only. */
export const proxyDriverFactory = xenDriverFactory({
  name: 'XenProxy',
  priority: BUILTIN_DRIVER_PRIORITY.XenProxy,
  version: 0,
  optional: true,
  servesUnprivilegedReaders: true,
  // a read-write open is declined, not failed: the proxy never aborts a Xen open
  accepts: (request) => request.readOnly && isLocalXenName(request),
  // Loaded on open, so a test:/// connection never loads the proxy transport.
  open: async (options) => (await import('./proxy-driver.js')).ProxyDriver.open(options),
});
