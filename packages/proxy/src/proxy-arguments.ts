/**
 * The daemon's command line: libvirt 0.1.3's `-v` (repeatable) and `-no-timeout`, plus what an
 * operator needs. Pure: parses strings, reads nothing.
 */
import { DEFAULT_PROXY_SOCKET, printableSocketName, SUN_PATH_SIZE } from '@libvirt-ts/proxy-protocol';

/** 0.1.3's MAX_CLIENT. */
export const DEFAULT_MAX_CLIENTS = 64;
/** 0.1.3 exited after 30 consecutive seconds without clients. */
export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

export interface ProxyArguments {
  /** Each -v adds one: 1 logs connections and refusals, 2 every request. */
  verbosity: number;
  /** Exit after this long with no client; undefined never (`-no-timeout`). */
  idleTimeoutMs: number | undefined;
  maxClients: number;
  /** The abstract socket name with its leading NUL; undefined with `--abstract none`. */
  abstractName: string | undefined;
  /** A filesystem socket to listen on as well (mode 0666: the abstract one has no permissions either). */
  socketPath: string | undefined;
  help: boolean;
}

export const USAGE = `Usage: libvirt-ts-proxy [-v]... [-no-timeout] [--idle-timeout SECONDS] [--max-clients N]
                        [--abstract @NAME|none] [--socket PATH]
  -v                      more messages on stderr (twice: every request)
  -no-timeout             never exit for lack of clients
  --idle-timeout SECONDS  exit after SECONDS without clients (default 30)
  --max-clients N         at most N clients at once, 1..64 (default 64); more are closed
  --abstract @NAME|none   the abstract socket (default ${printableSocketName(DEFAULT_PROXY_SOCKET)}); none: only --socket
  --socket PATH           also listen on this filesystem socket
The read-only proxy for Xen status queries: unprivileged libvirt-ts clients (xen:/// opened
read-only) read the host through it. It is started on demand; run it as root.`;

/** A command line that cannot be followed; the message says which argument and why. */
export class ProxyUsageError extends Error {
  override readonly name = 'ProxyUsageError';
}

export function parseProxyArguments(args: readonly string[]): ProxyArguments {
  const result: ProxyArguments = {
    verbosity: 0,
    idleTimeoutMs: DEFAULT_IDLE_TIMEOUT_MS,
    maxClients: DEFAULT_MAX_CLIENTS,
    abstractName: DEFAULT_PROXY_SOCKET,
    socketPath: undefined,
    help: false,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const next = args[++i];
      if (next === undefined) throw new ProxyUsageError(`${arg} needs a value`);
      return next;
    };
    switch (arg) {
      case '-v':
        result.verbosity++;
        break;
      case '-no-timeout':
        result.idleTimeoutMs = undefined;
        break;
      case '--idle-timeout':
        result.idleTimeoutMs = integerIn(arg, value(), 1, 86_400) * 1000;
        break;
      case '--max-clients':
        result.maxClients = integerIn(arg, value(), 1, DEFAULT_MAX_CLIENTS);
        break;
      case '--abstract':
        result.abstractName = abstractName(value());
        break;
      case '--socket': {
        const path = value();
        if (!path.startsWith('/')) throw new ProxyUsageError(`--socket ${path}: an absolute path is needed`);
        result.socketPath = path;
        break;
      }
      case '-h':
      case '--help':
        result.help = true;
        break;
      default:
        throw new ProxyUsageError(`unknown argument '${arg}'`);
    }
  }
  if (result.abstractName === undefined && result.socketPath === undefined) {
    throw new ProxyUsageError('--abstract none needs --socket PATH: the proxy would listen nowhere');
  }
  return result;
}

function integerIn(option: string, text: string, min: number, max: number): number {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max)) throw new ProxyUsageError(`${option} ${text}: expected a whole number from ${min} to ${max}`);
  return value;
}

function abstractName(text: string): string | undefined {
  if (text === 'none') return undefined;
  if (!text.startsWith('@') || text.length < 2) throw new ProxyUsageError(`--abstract ${text}: expected @NAME or none`);
  const name = `\0${text.slice(1)}`;
  // sun_path holds 108 bytes, the leading NUL included
  if (new TextEncoder().encode(name).length > SUN_PATH_SIZE) throw new ProxyUsageError(`--abstract ${text}: longer than ${SUN_PATH_SIZE - 1} bytes`);
  return name;
}
