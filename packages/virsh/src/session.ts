import { openConnection } from './connect.js';
import { failedBecause, VirshError } from './errors.js';
import type { Output } from './output/output.js';
import type { ConnectAuth, Connection } from '@libvirt-ts/virt';

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
  /** -k asked for keepalive, which no driver here supports. */
  keepalive?: boolean;
  /** -k0: keepalive off, so virsh does not try to set it up (nor says that it failed). */
  keepaliveOff?: boolean;
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
  readonly keepalive: boolean;
  readonly keepaliveOff: boolean;
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
    this.keepalive = settings.keepalive ?? false;
    this.keepaliveOff = settings.keepaliveOff ?? false;
    this.#log = settings.log;
    this.#auth = settings.auth;
  }

  get connected(): boolean {
    return this.#conn !== undefined;
  }

  /** The open connection, connecting first if there is none (virshConnectionHandler). */
  async connection(): Promise<Connection> {
    if (!this.#conn) await this.reconnect(this.uri, this.readOnly);
    return this.#conn as Connection;
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
    if (this.keepalive) {
      // As virsh 9 against a driver without keepalive: the connection is dropped.
      await conn.close();
      throw new VirshError({ code: 'COMMAND_FAILED', lines: [
        'Cannot setup keepalive on connection as requested, disconnecting',
        'failed to connect to the hypervisor',
        'this function is not supported by the connection driver: virConnectSetKeepAlive',
      ] });
    }
    this.#conn = conn;
    // No driver here has keepalive; virsh 9 says so at this level for the test driver too.
    if (!this.keepaliveOff) this.debug(DebugLevel.INFO, 'Failed to setup keepalive on connection\n');
    this.uri = uri;
    this.readOnly = readOnly;
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
