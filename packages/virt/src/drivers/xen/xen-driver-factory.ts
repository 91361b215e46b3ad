import type { Driver, DriverFactory, DriverNo, DriverOpenRequest } from '../../driver.js';
import { readXenOptions } from './read-xen-options.js';
import type { XenOpenOptions } from './xen-options.js';

/** virGetVersion("Xen"/"XenDaemon"/"XenStore"): DOM0_INTERFACE_VERSION 0x03000001 read as 3.0.1. */
export const XEN_DRIVER_VERSION = 3_000_001;

interface XenDriverSpec {
  no: DriverNo;
  name: string;
  version: number;
  /** Whether the connection name is one this driver serves; others are declined silently. */
  accepts(request: DriverOpenRequest): boolean;
  open(options: XenOpenOptions, request: DriverOpenRequest): Promise<Driver | undefined>;
}

/**
 * A DriverFactory with the Xen drivers' common rules: decline names that are not theirs, read the
 * path options, and in a quiet (read-only) open decline instead of failing, as VIR_DRV_OPEN_QUIET did.
 */
export function xenDriverFactory(spec: XenDriverSpec): DriverFactory {
  return {
    no: spec.no,
    name: spec.name,
    version: spec.version,
    async open(request) {
      if (!spec.accepts(request)) return undefined;
      const options = readXenOptions(request.options);
      try {
        return await spec.open(options, request);
      } catch (error) {
        if (request.quiet) return undefined;
        throw error;
      }
    },
  };
}
