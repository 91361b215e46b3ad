import type { ConnectAuth, Connection } from '@libvirt-ts/virt';
import { openConnection } from './connect.js';
import { errorMessage, failedBecause, VirshError } from './errors.js';
import type { Output } from './output/output.js';

/** virshConnect's keepalive when -k and -K are not given. */
const DEFAULT_KEEPALIVE_INTERVAL = 5;
const DEFAULT_KEEPALIVE_COUNT = 6;

/** virsh's debug levels (vshErrorLevel): messages at or above the chosen level print. */
export const DebugLevel = { DEBUG: 0, INFO: 1, NOTICE: 2, WARNING: 3, ERROR: 4 } as const;

export interface SessionSettings {
  /** The URI from -c or VIRSH_DEFAULT_CONNECT_URI (virsh's connname); undefined for the default. */
  uri: string | undefined;
  readOnly: boolean;
  quiet: boolean;
  timing: boolean;
  debug: number;
  interactive: boolean;
  /** -k: seconds between keepalive probes; 0 turns keepalive off. */
  keepaliveInterval?: number | undefined;
  /** -K: unanswered probes before the connection is closed. */
  keepaliveCount?: number | undefined;
  /** -l: debug messages that print are logged too. */
  log?: (level: number, message: string) => void;
  /** How a driver's request for credentials is answered (virsh asks on the terminal). */
  auth?: ConnectAuth;
}

/** The state one virsh run carries from command to command: the connection and the settings. */
export class Session {
  #conn: Connection | undefined;
  uri: string | undefined;
  readOnly: boolean;
  readonly timing: boolean;
  readonly debugLevel: number;
  readonly #keepaliveInterval: number | undefined;
  readonly #keepaliveCount: number | undefined;
  readonly #log: ((level: number, message: string) => void) | undefined;
  readonly #auth: ConnectAuth | undefined;
  interactive: boolean;
  /** Set by quit/exit: no more commands run. */
  stopRequested = false;

  constructor(
    readonly out: Output,
    settings: SessionSettings,
  ) {
    this.uri = settings.uri;
    this.readOnly = settings.readOnly;
    this.timing = settings.timing;
    this.debugLevel = settings.debug;
    this.interactive = settings.interactive;
    this.#keepaliveInterval = settings.keepaliveInterval;
    this.#keepaliveCount = settings.keepaliveCount;
    this.#log = settings.log;
    this.#auth = settings.auth;
  }

  get connected(): boolean {
    return this.#conn !== undefined;
  }

  /**
   * The open connection, connecting first if there is none (virshConnectionHandler). Once open
   * it is returned as it is, not in a promise: every command asks for it, and `await` takes both.
   */
  connection(): Connection | Promise<Connection> {
    return this.#conn ?? this.reconnect(this.uri, this.readOnly).then(() => this.#conn as Connection);
  }

  /**
   * Closes any connection and opens `uri` (virshReconnect). The URI and read-only
   * setting are kept only when the connection opens; failures read as virsh's.
   */
  async reconnect(uri: string | undefined, readOnly: boolean): Promise<void> {
    await this.disconnect();
    let conn: Connection;
    try {
      conn = await openConnection(uri, readOnly, this.#auth);
    } catch (err) {
      throw failedBecause('failed to connect to the hypervisor', err);
    }
    await this.#setUpKeepalive(conn);
    this.#conn = conn;
    this.uri = uri;
    this.readOnly = readOnly;
  }

  /**
   * As virshConnect: keepalive every 5 s, closing after 6 unanswered probes, unless -k/-K say
   * otherwise. A driver without keepalive (every one but libvirtd's) is noted at debug level, or
   * drops the connection when -k or -K asked for keepalive explicitly.
   */
  async #setUpKeepalive(conn: Connection): Promise<void> {
    const interval = this.#keepaliveInterval ?? DEFAULT_KEEPALIVE_INTERVAL;
    if (interval <= 0) return;
    let failure: unknown;
    try {
      if ((await conn.setKeepAlive(interval, this.#keepaliveCount ?? DEFAULT_KEEPALIVE_COUNT)) === 0) return;
    } catch (err) {
      failure = err;
    }
    const forced = this.#keepaliveInterval !== undefined || this.#keepaliveCount !== undefined;
    if (!forced) {
      this.debug(DebugLevel.INFO, 'Failed to setup keepalive on connection\n');
      return;
    }
    await conn.close();
    const lines = ['Cannot setup keepalive on connection as requested, disconnecting', 'failed to connect to the hypervisor'];
    if (failure !== undefined) lines.push(errorMessage(failure));
    throw new VirshError({ code: 'COMMAND_FAILED', lines, cause: failure });
  }

  async disconnect(): Promise<void> {
    const conn = this.#conn;
    this.#conn = undefined;
    if (conn) await conn.close();
  }

  /** virsh's vshDebug: printed on stdout when the level is at or above -d. */
  debug(level: number, text: string): void {
    if (level < this.debugLevel) return;
    this.#log?.(level, text);
    this.out.print(text);
  }
}
