import type { DriverOpenRequest } from '../../driver.js';
import { XEN_DEFAULTS, type XenOpenOptions } from '../xen/xen-options.js';

/** How long a loopback connect may take before xend counts as absent (a refusal is immediate). */
const PROBE_TIMEOUT_MS = 300;

/**
 * Whether xend answers on this host, decided without a DNS lookup and without a long wait: its
 * unix socket is connected to (a stale socket file refuses at once), then, unless `xendUrl` is
 * `false`, its TCP port on the loopback address itself (127.0.0.1, never the name "localhost":
 * dom0s often have no resolver, and resolving cost 0.1.3-style opens 10 s). A `xendUrl` naming
 * another host is taken as present: xend is wherever the caller says it is.
 */
export async function xendAnswers(options: XenOpenOptions): Promise<boolean> {
  if (await connects({ path: options.xendSocket ?? XEN_DEFAULTS.xendSocket })) return true;
  const url = options.xendUrl ?? XEN_DEFAULTS.xendUrl;
  if (url === false) return false;
  const { hostname, port } = new URL(url);
  if (hostname !== 'localhost' && hostname !== '127.0.0.1' && hostname !== '[::1]') return true;
  return connects({ host: hostname === '[::1]' ? '::1' : '127.0.0.1', port: Number(port || 80) });
}

/**
 * How the xenlight driver settled an open of a local Xen name on a Xen 4.5+ host whose xend does
 * not answer: `xenlight` when it took the open (or failed it), `proxy` when the caller may not use
 * the hypervisor (not root) and reads the host read-only: then libvirt-ts-proxy, run by root, is
 * the one way in, as libvirt_proxy was for unprivileged users of xend hosts.
 */
export type XenlightClaim = 'xenlight' | 'proxy';

const claims = new WeakMap<DriverOpenRequest, XenlightClaim>();

/** Settles the open for the xenlight driver; the xend-era Xen drivers asked after it stand aside (see claimOf). */
export function claimForXenlight(request: DriverOpenRequest, claim: XenlightClaim = 'xenlight'): void {
  claims.set(request, claim);
}

/** How the xenlight driver settled this open, if it did. */
export function xenlightClaimOf(request: DriverOpenRequest): XenlightClaim | undefined {
  return claims.get(request);
}

function connects(target: { path: string } | { host: string; port: number }): Promise<boolean> {
  // node:net (with streams, 20 internal modules) loads on the first probe, not when virt loads:
  // a test:/// command never probes (virsh start-up).
  const { connect } = process.getBuiltinModule('node:net');
  return new Promise((resolve) => {
    const socket = "path" in target ? connect(target.path) : connect(target.port, target.host);
    const done = (answer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done(false), PROBE_TIMEOUT_MS);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
