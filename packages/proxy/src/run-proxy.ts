import { type Connection, open, type XenOpenOptions } from '@libvirt-ts/virt';
import { parseProxyArguments, ProxyUsageError, USAGE } from './proxy-arguments.js';
import { ProxyAlreadyRunningError, startProxyDaemon } from './proxy-daemon.js';

/** The daemon's exit statuses. */
export const ProxyExit = {
  /** Idle timeout, SIGTERM/SIGINT, `--help`, or another proxy already listening (0.1.3 did the same). */
  OK: 0,
  /** A command line it cannot follow. */
  USAGE: 1,
  /** The privileged Xen drivers of this host could not be opened. */
  NO_XEN: 2,
  /** A socket could not be listened on (other than one a running proxy holds). */
  NO_SOCKET: 3,
} as const;

export interface RunProxyOptions {
  /**
   * Where the Xen drivers find their peers (xend, xenstored, privcmd), for tests and unusual
   * hosts; the defaults are the host's standard places. Not reachable from the command line.
   */
  xenOptions?: XenOpenOptions;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

/**
 * libvirt-ts-proxy's main: parses `args`, opens xen:/// read-write (the privileged drivers: the
 * hypervisor and xenstored, xend where one answers, else the xenlight driver), listens and serves
 * until idle or signalled. Resolves the exit status; messages go to stderr.
 */
export async function runProxy(args: readonly string[], options: RunProxyOptions = {}): Promise<number> {
  const stderr = options.stderr ?? ((text) => process.stderr.write(text));
  const stdout = options.stdout ?? ((text) => process.stdout.write(text));
  let parsed: ReturnType<typeof parseProxyArguments>;
  try {
    parsed = parseProxyArguments(args);
  } catch (error) {
    if (!(error instanceof ProxyUsageError)) throw error;
    stderr(`libvirt-ts-proxy: ${error.message}\n${USAGE}\n`);
    return ProxyExit.USAGE;
  }
  if (parsed.help) {
    stdout(`${USAGE}\n`);
    return ProxyExit.OK;
  }
  const log = (level: number, message: string) => {
    if (level <= parsed.verbosity) stderr(`libvirt-ts-proxy: ${message}\n`);
  };
  if (process.geteuid?.() !== 0) stderr('libvirt-ts-proxy must be run as root or suid\n');

  let connection: Connection;
  try {
    // read-write, so the privileged drivers answer and the proxy driver (this daemon's client) stays out
    connection = await open('xen:///', { ...options.xenOptions, proxyBinary: false });
  } catch (error) {
    stderr(`libvirt-ts-proxy: cannot open the Xen drivers of this host (xen:///): ${(error as Error).message}\n`);
    return ProxyExit.NO_XEN;
  }
  try {
    let daemon: Awaited<ReturnType<typeof startProxyDaemon>>;
    try {
      daemon = await startProxyDaemon({
        connection,
        abstractName: parsed.abstractName,
        socketPath: parsed.socketPath,
        idleTimeoutMs: parsed.idleTimeoutMs,
        maxClients: parsed.maxClients,
        log,
      });
    } catch (error) {
      if (error instanceof ProxyAlreadyRunningError) {
        log(1, `${error.message}; exiting`);
        return ProxyExit.OK;
      }
      stderr(`libvirt-ts-proxy: cannot listen: ${(error as Error).message}\n`);
      return ProxyExit.NO_SOCKET;
    }
    log(1, `listening on ${daemon.listening.join(' and ')} (version ${await connection.getVersion()}, ${await connection.getType()} driver)`);
    const stop = () => void daemon.close();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    try {
      await daemon.ended;
    } finally {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
    }
    return ProxyExit.OK;
  } finally {
    await connection.close();
  }
}
