import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { ProxyConnection, ProxyTransportError } from './proxy-connection.js';

/** Where libvirt 0.1.3 looked for the proxy binary, after `$LIBVIRT_DEBUG_PROXY`. */
const PROXY_BINARY_CANDIDATES = ['/usr/libexec/libvirt_proxy', '/usr/bin/libvirt_proxy_dbg'];
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

/** The first executable proxy binary in libvirt's search order, or undefined. */
export function findProxyBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env['LIBVIRT_DEBUG_PROXY'], ...PROXY_BINARY_CANDIDATES].filter((p): p is string => !!p);
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
    startDetached(binary);
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

function startDetached(binary: string): void {
  const child = spawn(binary, [], { detached: true, stdio: 'ignore' });
  // a failed exec must not surface as an unhandled 'error' event; the retries report the failure
  child.on('error', () => {});
  child.unref();
}
