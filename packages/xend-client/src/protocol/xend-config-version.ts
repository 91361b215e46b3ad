import { XEND_CONFIG_VERSION_3_0_4, type XendConfigVersion } from '../config/xend-config-options.js';
import type { XendNode } from './node-record.js';

/**
 * xend's config-format generation (libvirt's `xendConfigVersion`). Later libvirt read xend's
 * `(xend_config_format N)`, absent before Xen 3.0.3 and then implicitly 1; each Xen release fixed
 * the value (3.0.3: 2, 3.0.4: 3, 3.1 and later: 4), so it follows from the version the client
 * decodes: Xen 3.0.2 and older 1, 3.0.3 2, 3.0.4+ 3, 3.1+ 4.
 */
export function xendConfigVersionOf(node: Pick<XendNode, 'xenMajor' | 'xenMinor' | 'version'>): XendConfigVersion {
  if (node.xenMajor > 3 || (node.xenMajor === 3 && node.xenMinor >= 1)) return 4;
  if (node.xenMajor < 3) return 1;
  // 3.0.x: the release is what follows major and minor in libvirt's version number
  const release = node.version % 1000;
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
