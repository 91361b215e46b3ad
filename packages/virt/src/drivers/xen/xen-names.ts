import type { DriverOpenRequest } from '../../driver.js';

/**
 * Whether a connection name means the local Xen host for the hypervisor, xenstore and proxy
 * drivers: no name, "xen" in any case (libvirt 0.1.3), or the later `xen:///` / `xen:///system`.
 */
export function isLocalXenName(request: Pick<DriverOpenRequest, 'name' | 'uri'>): boolean {
  if (request.name === undefined || request.name.toLowerCase() === 'xen') return true;
  const uri = request.uri;
  return uri !== undefined && uri.scheme === 'xen' && uri.host === '' && ['', '/', '/system'].includes(uri.path);
}

/** Where xend is, as the connection name says: its usual places, one unix socket, or one TCP address. */
export type XendTarget = { kind: 'local' } | { kind: 'socket'; path: string } | { kind: 'tcp'; url: string };

/** xend also serves a bare socket path and `http://host:port` (libvirt 0.1.3's URI forms). */
export function xendTargetFor(request: Pick<DriverOpenRequest, 'name' | 'uri'>): XendTarget | undefined {
  if (isLocalXenName(request)) return { kind: 'local' };
  const name = request.name ?? '';
  if (request.uri === undefined && name.startsWith('/')) return { kind: 'socket', path: name };
  if (request.uri?.scheme === 'http') return { kind: 'tcp', url: name };
  return undefined;
}
