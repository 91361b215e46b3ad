import { XendError } from '../errors/xend-error.js';

/** Where xend listens: its unix socket or an HTTP host and port. */
export type XendEndpoint =
  | { readonly kind: 'unix'; readonly socketPath: string }
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number };

export const DEFAULT_XEND_SOCKET = '/var/lib/xend/xend-socket';
export const DEFAULT_XEND_HOST = 'localhost';
export const DEFAULT_XEND_PORT = 8000;

/** `unix:/var/lib/xend/xend-socket` or `http://localhost:8000`, for messages. */
export function describeEndpoint(endpoint: XendEndpoint): string {
  if (endpoint.kind === 'unix') return `unix:${endpoint.socketPath}`;
  const host = endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host;
  return `http://${host}:${endpoint.port}`;
}

/**
 * The endpoints to try for a connection name, in order, as libvirt's xenDaemonOpen:
 * none, "" or "xen" -> the default unix socket, then TCP localhost:8000;
 * `http://host[:port]` -> TCP (port 8000 when omitted); a name with no scheme -> a unix
 * socket path. Any other scheme is NO_SUPPORT.
 */
export function endpointsForName(name?: string): XendEndpoint[] {
  if (name === undefined || name === '' || name === 'xen') {
    return [
      { kind: 'unix', socketPath: DEFAULT_XEND_SOCKET },
      { kind: 'tcp', host: DEFAULT_XEND_HOST, port: DEFAULT_XEND_PORT },
    ];
  }
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(name)?.[1];
  if (scheme === undefined) return [{ kind: 'unix', socketPath: name }];
  if (scheme.toLowerCase() !== 'http') {
    throw new XendError({
      code: 'NO_SUPPORT',
      message: `xend connection name ${JSON.stringify(name)}: scheme "${scheme}" is not supported (use http://host:port or a socket path)`,
    });
  }
  let url: URL;
  try {
    url = new URL(name);
  } catch (cause) {
    throw new XendError({ code: 'INVALID_ARG', message: `xend connection name ${JSON.stringify(name)} is not a valid URL`, cause });
  }
  if (url.hostname === '') {
    throw new XendError({ code: 'INVALID_ARG', message: `xend connection name ${JSON.stringify(name)} names no host` });
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = url.port === '' ? DEFAULT_XEND_PORT : Number(url.port);
  return [{ kind: 'tcp', host, port }];
}
