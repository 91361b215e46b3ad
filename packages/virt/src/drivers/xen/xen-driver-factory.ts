import type { Driver, DriverFactory, DriverOpenRequest } from '../../driver.js';
import { isXenName } from '../../uri.js';
import { xenlightClaimOf } from '../xenlight/xend-presence.js';
import { readXenOptions } from './read-xen-options.js';
import type { XenOpenOptions } from './xen-options.js';

/** virGetVersion("Xen"/"XenDaemon"/"XenStore"): DOM0_INTERFACE_VERSION 0x03000001 read as 3.0.1. */
export const XEN_DRIVER_VERSION = 3_000_001;

interface XenDriverSpec {
  name: string;
  priority: number;
  version: number;
  /** The hypervisor driver: see DriverFactory.direct. */
  direct?: boolean;
  /** The proxy: its failure never aborts a Xen open (libvirt's rule left it out). */
  optional?: boolean;
  /** The proxy: an unprivileged reader's way in on a host the xenlight driver serves (see XenlightClaim). */
  servesUnprivilegedReaders?: boolean;
  /** Whether the connection name is one this driver serves; others are declined silently. */
  accepts(request: DriverOpenRequest): boolean;
  open(options: XenOpenOptions, request: DriverOpenRequest): Promise<Driver | undefined>;
}

/**
 * A DriverFactory with the Xen drivers' common rules: decline names that are not theirs (and opens
 * the xenlight driver settled: a Xen 4.5+ host without xend), read the
 * path options, and in a quiet (read-only) open decline instead of failing, as VIR_DRV_OPEN_QUIET did.
 * libvirt's Xen rule: a read-write open of a Xen name fails as a whole when one of them (but the
 * optional proxy) fails.
 */
export function xenDriverFactory(spec: XenDriverSpec): DriverFactory {
  return {
    name: spec.name,
    priority: spec.priority,
    version: spec.version,
    direct: spec.direct === true,
    failureAbortsOpen: (request) => spec.optional !== true && !request.readOnly && isXenName(request.name),
    async open(request) {
      if (!spec.accepts(request)) return undefined;
      // a Xen 4.5+ host without xend is the xenlight driver's: the xend-era drivers stand aside,
      // but for the proxy when the caller is an unprivileged reader
      const claim = xenlightClaimOf(request);
      if (claim === 'xenlight' || (claim === 'proxy' && spec.servesUnprivilegedReaders !== true)) return undefined;
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
