import type { Hypervisor } from '@libvirt-ts/hypercall';
import type { DriverFactory } from '../../driver.js';
import { BUILTIN_DRIVER_PRIORITY } from '../../driver-registry.js';
import { isHypercallError } from '../../errors/package-errors.js';
import { loadHypercall } from '../hypervisor/hypervisor-loader.js';
import { readXenOptions } from '../xen/read-xen-options.js';
import { asVirtErrors, xenDriverError } from '../xen/to-virt-error.js';
import { isLocalXenName } from '../xen/xen-names.js';
import { XEN_DEFAULTS } from '../xen/xen-options.js';
import { DomainStore } from './domain-store.js';
import { claimForXenlight, xendAnswers } from './xend-presence.js';
import { readXenlightOptions } from './xenlight-options.js';
import { type XlToolstack, xlCommandToolstack } from './xl-toolstack.js';

/** virGetVersion("xenlight"): libvirt 9's libxl driver reports the library version. */
const XENLIGHT_DRIVER_VERSION = 9_000_000;

/** xend was removed in Xen 4.5: from there on the host is xl's. */
const FIRST_XL_ONLY_XEN = { major: 4, minor: 5 };

/**
 * Registers as "xenlight", ahead of the xend-era Xen drivers. It takes a local Xen name (none,
 * "xen", `xen:///`, `xen:///system`) when xend does not answer (see xend-presence.ts) and the
 * hypervisor is Xen 4.5 or later; the xend-era drivers then stand aside. It declines when there is
 * no Xen hypervisor, an older one, or `useHypervisor: false`, leaving the open to them.
 * Read-write needs root (hypercalls and xenstored's socket are root's): anyone else gets NO_CONNECT
 * saying so. Test options: `hypervisor` (e.g. a fake privcmd backend), `xenstoredSocket`,
 * `xlToolstack` (an XlToolstack standing in for the `xl` binary) and the xenlight folders.
 */
export const xenlightDriverFactory: DriverFactory = {
  name: 'xenlight',
  priority: BUILTIN_DRIVER_PRIORITY.xenlight,
  version: XENLIGHT_DRIVER_VERSION,
  async open(request) {
    if (!isLocalXenName(request)) return undefined;
    const options = readXenOptions(request.options);
    if (options.useHypervisor === false || (await xendAnswers(options))) return undefined;
    const hypercall = await loadHypercall();
    if (!hypercall) return undefined;
    let hv: Hypervisor;
    try {
      hv = await hypercall.openHypervisor(options.hypervisor ?? (options.privcmdDevice ? { devices: [options.privcmdDevice] } : {}));
    } catch (error) {
      if (isHypercallError(error) && error.code === 'NO_XEN') return undefined;
      if (request.readOnly && isHypercallError(error) && error.code === 'EPERM') {
        // not root: whatever Xen this is, only libvirt-ts-proxy (run by root) can read it for us
        claimForXenlight(request, 'proxy');
        return undefined;
      }
      claimForXenlight(request);
      if (request.quiet) return undefined;
      throw await asVirtErrors('LIBXL', () => Promise.reject(error)).catch((e: unknown) => e);
    }
    const { major, minor } = hv.version;
    if (major < FIRST_XL_ONLY_XEN.major || (major === FIRST_XL_ONLY_XEN.major && minor < FIRST_XL_ONLY_XEN.minor)) {
      hv.close();
      return undefined;
    }
    claimForXenlight(request);
    try {
      if (!request.readOnly && process.getuid?.() !== 0) {
        throw xenDriverError('LIBXL', 'NO_CONNECT', `${request.name ?? 'xen:///system'}: read-write access to Xen needs root; open it read-only`);
      }
      const own = readXenlightOptions(request.options);
      const path = options.xenstoredSocket ?? process.env['XENSTORED_PATH'] ?? XEN_DEFAULTS.xenstoredSocket;
      // loaded here, not with virt: its transports bring node:net (virsh start-up)
      const { XenstoreClient } = await import('@libvirt-ts/xenstore');
      const xs = await asVirtErrors('LIBXL', () => XenstoreClient.connect({ path, readOnly: request.readOnly }));
      const xl = (request.options['xlToolstack'] as XlToolstack | undefined) ?? xlCommandToolstack(own.xlBinary);
      const { XenlightDriver } = await import('./xenlight-driver.js');
      return new XenlightDriver({ hv, xs, xl, store: new DomainStore(own.xenlightConfigDir, own.xenlightStateDir), cpuMapDir: own.cpuMapDir });
    } catch (error) {
      hv.close();
      if (request.quiet) return undefined;
      throw error;
    }
  },
};
