import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import type { KeepaliveOptions } from './client/keepalive.js';
import { RemoteClient } from './client/remote-client.js';
import { REMOTE_PROCEDURE_NAMES, REMOTE_PROGRAM, REMOTE_PROTOCOL_VERSION, REMOTE_STREAM_PROCEDURES, RemoteProcedures } from './generated/remote-protocol.js';
import { RemoteError } from './remote-error.js';
import { type ConnectOptions, connectTcp, connectTls, connectUnix } from './transport/connect-socket.js';
import { connectSsh } from './transport/connect-ssh.js';
import { pkiFiles } from './transport/pki-files.js';
import { sshArgv } from './transport/ssh-command.js';
import type { RemoteTransport } from './transport/transport.js';
import { parseRemoteUri, type RemoteUri } from './uri/remote-uri.js';
import { chooseUnixSocket } from './uri/unix-socket-path.js';

/** libvirtd's default ports (LIBVIRTD_TCP_PORT, LIBVIRTD_TLS_PORT). */
const DEFAULT_TCP_PORT = 16509;
const DEFAULT_TLS_PORT = 16514;
/** virConnectOpen's VIR_CONNECT_RO. */
const VIR_CONNECT_RO = 1;
/** VIR_DRV_FEATURE_PROGRAM_KEEPALIVE (libvirt_internal.h). */
const FEATURE_PROGRAM_KEEPALIVE = 10;
/** remote_auth_type. */
const AUTH_NONE = 0;
const AUTH_POLKIT = 2;

export interface OpenRemoteOptions extends ConnectOptions {
  readonly?: boolean;
  /** Keepalive settings, or false to not probe the server (libvirt's default is 5 s x 5). */
  keepalive?: KeepaliveOptions | false;
  /** Default per-call timeout in milliseconds. */
  callTimeoutMs?: number;
}

/** An open connection to libvirtd: the typed procedures of libvirt's remote program over one client. */
export interface RemoteConnection {
  readonly uri: RemoteUri;
  readonly client: RemoteClient;
  readonly procedures: RemoteProcedures;
  /**
   * Starts keepalive with `options` (replacing the running one), or stops it with false, as
   * libvirt's remoteConnectSetKeepAlive. Resolves false, changing nothing, when the server does not
   * speak the keepalive program; the server is asked once (at open, unless opened with
   * `keepalive: false`).
   */
  setKeepalive(options: KeepaliveOptions | false): Promise<boolean>;
  /** Sends CONNECT_CLOSE (if the connection is up) and closes the transport. */
  close(): Promise<void>;
}

/** Opens the transport a parsed URI names. */
export async function connectTransport(uri: RemoteUri, options: OpenRemoteOptions = {}): Promise<RemoteTransport> {
  const readonly = options.readonly === true;
  switch (uri.transport) {
    case 'unix': {
      const path =
        uri.params.socket ??
        chooseUnixSocket({
          driver: uri.driver === 'remote' ? undefined : uri.driver,
          mode: uri.params.mode ?? 'auto',
          readonly,
          session: uri.path === '/session',
          userRuntimeDirectory: process.env['XDG_RUNTIME_DIR'],
          exists: existsSync,
        });
      return connectUnix(path, options);
    }
    case 'tcp':
      return connectTcp(uri.host ?? 'localhost', uri.port ?? DEFAULT_TCP_PORT, options);
    case 'tls': {
      const files = pkiFiles({ pkipath: uri.params.pkipath, root: process.getuid?.() === 0, home: homedir() });
      const read = (path: string, required: boolean) => {
        try {
          return readFileSync(path);
        } catch (error) {
          if (!required) return undefined;
          throw new RemoteError({ code: 'TLS', message: `cannot read ${path}: ${(error as Error).message}`, cause: error });
        }
      };
      return connectTls(
        uri.host ?? 'localhost',
        uri.port ?? DEFAULT_TLS_PORT,
        { ca: read(files.ca, true)!, cert: read(files.cert, false), key: read(files.key, false), verify: uri.params.no_verify !== true },
        options,
      );
    }
    case 'ssh': {
      if (uri.params.mode === 'direct') throw new RemoteError({ code: 'URI', message: 'Cannot use direct socket mode for ssh transport' });
      const socket =
        uri.params.socket ??
        chooseUnixSocket({ driver: undefined, mode: 'legacy', readonly, session: false, exists: () => false });
      const argv = sshArgv({
        host: uri.host ?? 'localhost',
        port: uri.port,
        user: uri.user,
        binary: uri.params.command,
        keyfile: uri.params.keyfile,
        noTty: uri.params.no_tty,
        noVerify: uri.params.no_verify,
        netcat: uri.params.netcat,
        socket,
        explicitSocket: uri.params.socket !== undefined,
        name: uri.name,
        readonly,
        proxy: uri.params.proxy,
      });
      return connectSsh(argv, `ssh:${uri.user ? `${uri.user}@` : ''}${uri.host ?? 'localhost'}`);
    }
  }
}

/**
 * Opens a connection as libvirt's remote driver does: transport, authentication (none, or polkit's
 * unix-permission check), keepalive if the server has it, then CONNECT_OPEN with the URI's name.
 */
export async function openRemote(uriText: string, options: OpenRemoteOptions = {}): Promise<RemoteConnection> {
  const uri = parseRemoteUri(uriText);
  const transport = await connectTransport(uri, options);
  const client = new RemoteClient(transport, {
    timeoutMs: options.callTimeoutMs,
    procedureNames: { [REMOTE_PROGRAM]: REMOTE_PROCEDURE_NAMES },
  });
  const procedures = new RemoteProcedures(client.program(REMOTE_PROGRAM, REMOTE_PROTOCOL_VERSION, REMOTE_STREAM_PROCEDURES));
  const callOptions = { timeoutMs: options.timeoutMs ?? 30_000, signal: options.signal };
  // Whether the server speaks the keepalive program (libvirt's priv->serverKeepAlive), once asked.
  let serverKeepalive: boolean | undefined;
  const askServerKeepalive = async (): Promise<boolean> => {
    serverKeepalive ??= (await procedures.connectSupportsFeature({ feature: FEATURE_PROGRAM_KEEPALIVE }, callOptions)).supported !== 0;
    return serverKeepalive;
  };
  try {
    await authenticate(procedures, uri, callOptions);
    if (options.keepalive !== false && (await askServerKeepalive())) client.startKeepalive(options.keepalive);
    await procedures.connectOpen({ name: uri.name, flags: options.readonly ? VIR_CONNECT_RO : 0 }, callOptions);
  } catch (error) {
    client.close();
    throw error;
  }
  return {
    uri,
    client,
    procedures,
    async setKeepalive(keepalive) {
      if (!(await askServerKeepalive())) return false;
      if (keepalive === false) client.stopKeepalive();
      else client.startKeepalive(keepalive);
      return true;
    },
    async close() {
      if (!client.isOpen) return;
      try {
        await procedures.connectClose({ timeoutMs: 5000 });
      } finally {
        client.close();
      }
    },
  };
}

async function authenticate(procedures: RemoteProcedures, uri: RemoteUri, options: { timeoutMs: number; signal?: AbortSignal | undefined }): Promise<void> {
  const { types } = await procedures.authList(options);
  if (types.length === 0 || types.includes(AUTH_NONE)) return;
  if (types.includes(AUTH_POLKIT) && (uri.params.auth === undefined || uri.params.auth === 'polkit')) {
    const { complete } = await procedures.authPolkit(options);
    if (complete) return;
    throw new RemoteError({ code: 'AUTH', message: 'polkit authentication did not complete' });
  }
  throw new RemoteError({ code: 'AUTH', message: `the server wants authentication this client does not do (remote_auth_type ${types.join(', ')}; SASL is not supported)` });
}
