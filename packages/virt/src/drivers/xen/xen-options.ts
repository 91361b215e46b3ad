import type { OpenHypervisorOptions } from '@libvirt-ts/hypercall';

/**
 * Where the Xen drivers find their peers. Every field defaults to the standard location of a
 * Xen 3 host (as libvirt 0.1.3 used it); tests and unusual layouts point them elsewhere.
 * They travel in open()'s options object (a type alias, so it fits OpenOptions' index signature).
 */
export type XenOpenOptions = {
  /** xend's unix socket; default `/var/lib/xend/xend-socket`. */
  xendSocket?: string;
  /** xend over TCP when the socket does not answer; default `http://localhost:8000`. `false`: no TCP fallback. */
  xendUrl?: string | false;
  /** xenstored's read-write socket; default `$XENSTORED_PATH`, else `/var/run/xenstored/socket`. */
  xenstoredSocket?: string;
  /** xenstored's read-only socket; default `/var/run/xenstored/socket_ro`. */
  xenstoredSocketRo?: string;
  /** The privcmd device; default `/dev/xen/privcmd`, then `/proc/xen/privcmd`. */
  privcmdDevice?: string;
  /**
   * Options handed to `@libvirt-ts/hypercall`'s `openHypervisor` as they are (e.g. its injectable
   * fake privcmd backend for tests). Without them the hypervisor driver opens the real device.
   */
  hypervisor?: OpenHypervisorOptions;
  /** `false` skips the hypervisor driver entirely (as a non-root user would find it). */
  useHypervisor?: boolean;
  /** libvirt_proxy's socket; default the abstract `\0/tmp/livirt_proxy_conn`. */
  proxySocket?: string;
  /** The proxy binary to start when none runs; default libvirt's search; `false` never starts one. */
  proxyBinary?: string | false;
  /** Per-request timeout for xend, xenstored and the proxy, in ms; default 30 000. */
  timeoutMs?: number;
};

export const XEN_DEFAULTS = {
  xendSocket: '/var/lib/xend/xend-socket',
  xendUrl: 'http://localhost:8000',
  xenstoredSocket: '/var/run/xenstored/socket',
  xenstoredSocketRo: '/var/run/xenstored/socket_ro',
  privcmdDevices: ['/dev/xen/privcmd', '/proc/xen/privcmd'],
  timeoutMs: 30_000,
} as const;
