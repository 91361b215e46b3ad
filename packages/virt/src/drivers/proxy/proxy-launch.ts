import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_PROXY_SOCKET } from '@libvirt-ts/proxy-protocol';
import { ProxyConnection, ProxyTransportError } from './proxy-connection.js';

/** @libvirt-ts/proxy's bin. */
const PROXY_BIN_NAME = 'libvirt-ts-proxy';
/** Where packagers install the daemon, before the PATH is searched. */
const PACKAGED_PROXY = ['/usr/libexec/libvirt-ts-proxy', '/usr/local/libexec/libvirt-ts-proxy'];
/** Where libvirt 0.1.3 looked for its C proxy (same protocol), last. */
const LIBVIRT_PROXY = ['/usr/libexec/libvirt_proxy', '/usr/bin/libvirt_proxy_dbg'];
/**
 * libvirt slept 5000 * trials² µs between tries (5, 20, 45 ms) and gave up after three; we keep
 * the curve but allow ten tries (about 1.9 s in all), as a proxy may take longer to start than C did.
 */
const RETRY_DELAYS_MS = Array.from({ length: 10 }, (_, i) => 5 * (i + 1) ** 2);

export interface ProxyLaunchOptions {
  socketName: string;
  /** The proxy binary to start when nobody listens; undefined = libvirt's search; false = never start one. */
  binary?: string | false;
  timeoutMs: number;
}

/**
 * The first executable proxy binary, or undefined: `$LIBVIRT_TS_PROXY`, then 0.1.3's
 * `$LIBVIRT_DEBUG_PROXY`, the packaged libexec paths, `libvirt-ts-proxy` on the PATH (a global
 * npm install of @libvirt-ts/proxy), and last libvirt 0.1.3's own C proxy.
 */
export function findProxyBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const onPath = (env['PATH'] ?? '').split(delimiter).filter((dir) => dir !== '').map((dir) => join(dir, PROXY_BIN_NAME));
  const candidates = [env['LIBVIRT_TS_PROXY'], env['LIBVIRT_DEBUG_PROXY'], ...PACKAGED_PROXY, ...onPath, ...LIBVIRT_PROXY].filter(
    (p): p is string => !!p,
  );
  return candidates.find((path) => {
    try {
      accessSync(path, constants.R_OK | constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Connects to a running proxy; if none answers, starts one (detached, as libvirt's double fork did)
 * and retries with libvirt's back-off.
 */
export async function connectOrLaunchProxy(options: ProxyLaunchOptions): Promise<ProxyConnection> {
  try {
    return await ProxyConnection.connect(options.socketName, options.timeoutMs);
  } catch (firstError) {
    const binary = options.binary === undefined ? findProxyBinary() : options.binary;
    if (!binary) throw firstError;
    startDetached(binary, daemonArguments(options.socketName));
    let lastError = firstError;
    for (const delay of RETRY_DELAYS_MS) {
      await sleep(delay);
      try {
        return await ProxyConnection.connect(options.socketName, options.timeoutMs);
      } catch (error) {
        lastError = error;
      }
    }
    throw new ProxyTransportError(`started ${binary} but it did not accept connections`, options.socketName, { cause: lastError });
  }
}

/**
 * 0.1.3 started the proxy without arguments; so do we for the default socket. Another socket is
 * named on the command line (an abstract name as `@name`: arguments cannot carry NUL bytes).
 */
function daemonArguments(socketName: string): string[] {
  if (socketName === DEFAULT_PROXY_SOCKET) return [];
  if (socketName.startsWith('\0')) return ['--abstract', `@${socketName.slice(1)}`];
  return ['--abstract', 'none', '--socket', socketName];
}

function startDetached(binary: string, args: string[]): void {
  const child = spawn(binary, args, { detached: true, stdio: 'ignore' });
  // a failed exec must not surface as an unhandled 'error' event; the retries report the failure
  child.on('error', () => {});
  child.unref();
}
