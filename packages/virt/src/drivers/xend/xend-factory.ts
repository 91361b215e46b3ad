import { BUILTIN_DRIVER_PRIORITY } from '../../driver-registry.js';
import { XEN_DRIVER_VERSION, xenDriverFactory } from '../xen/xen-driver-factory.js';
import { xendTargetFor } from '../xen/xen-names.js';

/** Registers as "XenDaemon": local Xen names, a bare xend socket path, or `http://host:port`. */
export const xendDriverFactory = xenDriverFactory({
  name: 'XenDaemon',
  priority: BUILTIN_DRIVER_PRIORITY.XenDaemon,
  version: XEN_DRIVER_VERSION,
  accepts: (request) => xendTargetFor(request) !== undefined,
  // Loaded on open, so a test:/// connection never loads the HTTP client.
  open: async (options, request) => (await import('./xend-driver.js')).XendDriver.open(xendTargetFor(request)!, options),
});
