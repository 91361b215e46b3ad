import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { RemoteError } from '../remote-error.js';
import { StreamTransport } from './stream-transport.js';
import type { RemoteTransport } from './transport.js';

export interface ConnectOptions {
  /** Give up connecting after this many milliseconds (default 30000). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** glibc's strerror for the errors a connect meets (libvirt prints them after its own words). */
const STRERROR: Record<string, string> = {
  ENOENT: 'No such file or directory',
  ECONNREFUSED: 'Connection refused',
  EACCES: 'Permission denied',
  ENOTDIR: 'Not a directory',
  ENOTSOCK: 'Socket operation on non-socket',
  ETIMEDOUT: 'Connection timed out',
  EHOSTUNREACH: 'No route to host',
  ENETUNREACH: 'Network is unreachable',
  ECONNRESET: 'Connection reset by peer',
  ENAMETOOLONG: 'File name too long',
};

/** libvirt's words for a failed connect: `what` (its own), then strerror. */
function connectFailure(what: string): (error: NodeJS.ErrnoException) => string {
  return (error) => `${what}: ${(error.code && STRERROR[error.code]) ?? error.message}`;
}

/**
 * Waits for a socket to connect (or its TLS handshake to finish), then wraps it. `failure` words a
 * connect error (libvirt's text for the transport).
 */
function settle(
  socket: Socket | TLSSocket,
  readyEvent: 'connect' | 'secureConnect',
  description: string,
  options: ConnectOptions,
  failure: (error: NodeJS.ErrnoException) => string,
): Promise<RemoteTransport> {
  return new Promise((resolve, reject) => {
    const timeoutMs = options.timeoutMs ?? 30_000;
    const fail = (error: RemoteError) => {
      cleanup();
      socket.destroy();
      reject(error);
    };
    // A TLS socket's errors after the TCP connection is up are the handshake's or the certificate's.
    let tcpUp = false;
    socket.once('connect', () => {
      tcpUp = true;
    });
    const onError = (error: NodeJS.ErrnoException) => {
      const tls = readyEvent === 'secureConnect' && tcpUp;
      fail(new RemoteError({ code: tls ? 'TLS' : 'CONNECT', message: tls ? `cannot connect to ${description}: ${error.message}` : failure(error), cause: error }));
    };
    const onAbort = () => fail(new RemoteError({ code: 'ABORTED', message: `connecting to ${description} aborted` }));
    const timer = setTimeout(() => fail(new RemoteError({ code: 'TIMEOUT', message: `cannot connect to ${description} within ${timeoutMs} ms` })), timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      socket.off('error', onError);
      options.signal?.removeEventListener('abort', onAbort);
    };
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('error', onError);
    socket.once(readyEvent, () => {
      socket.setNoDelay?.(true);
      if (readyEvent === 'connect') {
        cleanup();
        resolve(StreamTransport.fromDuplex(description, socket));
        return;
      }
      // After the handshake libvirtd sends one byte, 1, once it accepted the client's certificate
      // (virNetServerClient; libvirt's client waits for it in virNetClientSetTLSSession).
      socket.once('data', (chunk: Buffer) => {
        if (chunk[0] !== 1) {
          fail(new RemoteError({ code: 'TLS', message: `cannot connect to ${description}: server verification (of our certificate or IP address) failed` }));
          return;
        }
        cleanup();
        socket.pause();
        if (chunk.length > 1) socket.unshift(chunk.subarray(1));
        resolve(StreamTransport.fromDuplex(description, socket));
      });
    });
  });
}

/** Connects to libvirtd's unix socket at `path`. */
export function connectUnix(path: string, options: ConnectOptions = {}): Promise<RemoteTransport> {
  return settle(netConnect({ path }), 'connect', `unix:${path}`, options, connectFailure(`Failed to connect socket to '${path}'`));
}

/** Connects to libvirtd's TCP port (`listen_tcp`, no encryption). */
export function connectTcp(host: string, port: number, options: ConnectOptions = {}): Promise<RemoteTransport> {
  return settle(netConnect({ host, port }), 'connect', `tcp:${host}:${port}`, options, connectFailure(`unable to connect to server at '${host}:${port}'`));
}

export interface TlsCredentials {
  /** PEM: the CA certificate, and the client's certificate and key. */
  ca: string | Buffer;
  cert?: string | Buffer | undefined;
  key?: string | Buffer | undefined;
  /** Check the server's certificate and that it names `host` (libvirt's default; `no_verify=1` turns it off). */
  verify?: boolean;
}

/** Connects to libvirtd's TLS port (`listen_tls`, libvirt's x509 PKI). */
export function connectTls(host: string, port: number, credentials: TlsCredentials, options: ConnectOptions = {}): Promise<RemoteTransport> {
  const socket = tlsConnect({
    host,
    port,
    ca: credentials.ca,
    cert: credentials.cert,
    key: credentials.key,
    servername: /^[\d.]+$|:/.test(host) ? undefined : host,
    rejectUnauthorized: credentials.verify !== false,
  });
  return settle(socket, 'secureConnect', `tls:${host}:${port}`, options, connectFailure(`unable to connect to server at '${host}:${port}'`));
}
