import { XEND_CONFIG_VERSION_3_0_4, type XendConfigVersion } from '../config/xend-config-options.js';
import type { XendNodeRecord } from './node-record.js';
import { xenExtraRelease } from './version.js';

/**
 * xend's config-format generation (libvirt's `xendConfigVersion`). Later libvirt read xend's
 * `(xend_config_format N)`, absent before Xen 3.0.3 and then implicitly 1; each Xen release fixed
 * the value (3.0.3: 2, 3.0.4: 3, 3.1 and later: 4), so it follows from xend's version fields: Xen 3.0.2 and older 1, 3.0.3 2, 3.0.4+ 3, 3.1+ 4.
 */
export function xendConfigVersionOf(node: Pick<XendNodeRecord, 'xenMajor' | 'xenMinor' | 'xenExtra'>): XendConfigVersion {
  if (node.xenMajor > 3 || (node.xenMajor === 3 && node.xenMinor >= 1)) return 4;
  if (node.xenMajor < 3) return 1;
  const release = xenExtraRelease(node.xenExtra);
  if (release >= 4) return 3;
  return release === 3 ? 2 : 1;
}

/**
 * Whether xend keeps managed (defined, inactive) domains: `op=new`, `op=start`, `op=delete` and
 * `?state=halted` came with Xen 3.0.4 (config format 3); libvirt used xm config files before.
 */
export function hasManagedDomains(version: XendConfigVersion): boolean {
  return version >= XEND_CONFIG_VERSION_3_0_4;
}
