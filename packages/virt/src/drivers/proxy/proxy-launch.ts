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
 * libvirt slept 5000 * trials² µs between tries (5, 20, 45 ms) and gave up after three. We keep
 * the curve, capped at half a second, and try until the open's timeout or until the daemon exits:
 * a Node daemon takes longer to start than C did (seconds on a loaded host, a minute in a dom0
 * under QEMU's emulation), and one that cannot serve exits at once (status 2).
 */
const retryDelayMs = (trial: number) => Math.min(5 * trial ** 2, 500);

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
    const daemon = startDetached(binary, daemonArguments(options.socketName));
    const deadline = Date.now() + options.timeoutMs;
    let lastError = firstError;
    for (let trial = 1; ; trial++) {
      await sleep(retryDelayMs(trial));
      // read before the try: a daemon that exited (another one took the socket) gets one last try
      const exit = daemon.exit;
      try {
        return await ProxyConnection.connect(options.socketName, options.timeoutMs);
      } catch (error) {
        lastError = error;
      }
      if (exit !== undefined) {
        throw new ProxyTransportError(`started ${binary} but it exited (${exit}) without accepting connections`, options.socketName, { cause: lastError });
      }
      if (Date.now() >= deadline) break;
    }
    throw new ProxyTransportError(`started ${binary} but it did not accept connections within ${options.timeoutMs} ms`, options.socketName, { cause: lastError });
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

/** The daemon started, and how it ended once it has (its status, signal or exec failure). */
interface LaunchedDaemon {
  readonly exit: string | undefined;
}

function startDetached(binary: string, args: string[]): LaunchedDaemon {
  const daemon: { exit: string | undefined } = { exit: undefined };
  const child = spawn(binary, args, { detached: true, stdio: 'ignore' });
  // a failed exec must not surface as an unhandled 'error' event; the retries report the failure
  child.on('error', (error) => (daemon.exit ??= error.message));
  child.on('exit', (code, signal) => (daemon.exit ??= signal ? `signal ${signal}` : `status ${code}`));
  child.unref();
  return daemon;
}
