import { DriverNo } from '../../driver.js';
import { XEN_DRIVER_VERSION, xenDriverFactory } from '../xen/xen-driver-factory.js';
import { xendTargetFor } from '../xen/xen-names.js';
import { XendDriver } from './xend-driver.js';

/** Registers as "XenDaemon": local Xen names, a bare xend socket path, or `http://host:port`. */
export const xendDriverFactory = xenDriverFactory({
  no: DriverNo.XEN_DAEMON,
  name: 'XenDaemon',
  version: XEN_DRIVER_VERSION,
  accepts: (request) => xendTargetFor(request) !== undefined,
  open: (options, request) => XendDriver.open(xendTargetFor(request)!, options),
});
