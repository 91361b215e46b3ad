import { DriverNo } from '../../driver.js';
import { xenDriverFactory } from '../xen/xen-driver-factory.js';
import { isLocalXenName } from '../xen/xen-names.js';
import { ProxyDriver } from './proxy-driver.js';

/** Registers as "XenProxy" (version 0, as in libvirt): local Xen names, read-only opens only. */
export const proxyDriverFactory = xenDriverFactory({
  no: DriverNo.XEN_PROXY,
  name: 'XenProxy',
  version: 0,
  // a read-write open is declined, not failed: the proxy never aborts a Xen open
  accepts: (request) => request.readOnly && isLocalXenName(request),
  open: (options) => ProxyDriver.open(options),
});
