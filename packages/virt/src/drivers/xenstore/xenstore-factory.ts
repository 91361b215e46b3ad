import { BUILTIN_DRIVER_PRIORITY } from '../../driver-registry.js';
import { XEN_DRIVER_VERSION, xenDriverFactory } from '../xen/xen-driver-factory.js';
import { isLocalXenName } from '../xen/xen-names.js';

/** Registers as "XenStore": local Xen names only; the read-only socket for read-only opens. */
export const xenstoreDriverFactory = xenDriverFactory({
  name: 'XenStore',
  priority: BUILTIN_DRIVER_PRIORITY.XenStore,
  version: XEN_DRIVER_VERSION,
  accepts: isLocalXenName,
  // Loaded on open, so a test:/// connection never loads the xenstore client.
  open: async (options, request) => (await import('./xenstore-driver.js')).XenstoreDriver.open(options, request.readOnly),
});
