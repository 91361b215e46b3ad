import type { DriverFactory, DriverOpenRequest } from '../../driver.js';
import { BUILTIN_DRIVER_PRIORITY } from '../../driver-registry.js';

/** xend's HTTP names (`http://host:8000/`) belong to the xend driver, never to libvirtd. */
const NOT_REMOTE_SCHEMES = new Set(['http', 'https']);

/** libvirt's remote driver takes a URI naming a transport (`test+unix://`) or a server (`qemu://host/`). */
function isRemoteName(name: string | undefined): boolean {
  if (name === undefined) return false;
  const match = /^([A-Za-z][A-Za-z0-9.-]*)(\+[A-Za-z0-9_-]+)?:\/\/([^/?#]*)/.exec(name);
  if (!match || NOT_REMOTE_SCHEMES.has(match[1]!.toLowerCase())) return false;
  const authority = match[3]!.replace(/^[^@]*@/, '');
  return match[2] !== undefined || authority !== '' || match[1]!.toLowerCase() === 'remote';
}

/**
 * The remote driver: opens a @libvirt-ts/remote connection to libvirtd (unix, tcp, tls, ssh) for
 * the names the local drivers leave, as libvirt's catch-all remote driver does. Loaded on open, so
 * other connections do not load the RPC client.
 */
export const remoteDriverFactory: DriverFactory = {
  name: 'remote',
  priority: BUILTIN_DRIVER_PRIORITY.remote,
  version: 9_000_000,
  failureAbortsOpen: () => true,
  async open(request: DriverOpenRequest) {
    if (!isRemoteName(request.name)) return undefined;
    const { openRemoteDriver } = await import('./remote-open.js');
    return openRemoteDriver(request.name!, request.readOnly);
  },
};
