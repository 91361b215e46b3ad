/**
 * `@libvirt-ts/proxy`: the read-only proxy daemon (bin `libvirt-ts-proxy`). Unprivileged clients
 * open xen:/// read-only and virt's proxy driver asks this daemon, which runs as root, a fixed set
 * of read-only questions (libvirt_proxy's protocol, `@libvirt-ts/proxy-protocol`).
 */
export { runProxy, ProxyExit, type RunProxyOptions } from './run-proxy.js';
export {
  startProxyDaemon,
  ProxyAlreadyRunningError,
  type ProxyDaemon,
  type ProxyDaemonEnd,
  type ProxyDaemonOptions,
} from './proxy-daemon.js';
export {
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_MAX_CLIENTS,
  parseProxyArguments,
  type ProxyArguments,
  ProxyUsageError,
} from './proxy-arguments.js';
export { MAX_BUFFERED_REQUEST_BYTES, MAX_PENDING_REPLY_BYTES } from './client-session.js';
export { answerRequest } from './answer-request.js';
