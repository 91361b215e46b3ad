import { lstat, unlink } from 'node:fs/promises';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { XenstoreError } from '../errors.js';
import { pathProblem } from '../protocol/path.js';
import { fromUtf8, utf8 } from '../protocol/strings.js';
import type { Caller } from './access.js';
import { type ConnectionStats, ServerConnection } from './connection.js';
import { DomainTable } from './domains.js';
import { writeValue } from './node-operations.js';
import { type Quotas, quotasWith } from './quotas.js';
import type { ServerState } from './request-handlers.js';
import { NodeStore } from './store.js';
import { WatchRegistry } from './watch-registry.js';

export interface XenstoredOptions {
  /** The read-write socket (privileged: dom0). */
  socketPath: string;
  /** The read-only socket: every change answers EROFS. */
  socketRoPath?: string | undefined;
  /**
   * Extra sockets whose connections act as an unprivileged domain, as a guest's ring would:
   * permissions apply, relative paths resolve to `/local/domain/<domid>`, quotas apply.
   */
  domainSockets?: readonly { path: string; domid: number }[] | undefined;
  /** Limits; C xenstored's defaults otherwise. Changeable later with `control('quota', name, value)`. */
  quotas?: Partial<Quotas> | undefined;
  /** Nodes to create at start, path → value (owned by dom0). */
  nodes?: Record<string, string> | undefined;
}

const DOM0: Caller = { domid: 0, privileged: true, readOnly: false };

/** A running xenstored on unix sockets. */
export class Xenstored {
  readonly store = new NodeStore();
  private readonly state: ServerState;
  private readonly servers: { server: Server; path: string }[] = [];
  private readonly connections = new Set<ServerConnection>();
  /** The connections of each unprivileged domain, for its per-domain quotas. */
  private readonly domainConnections = new Map<number, Set<ServerConnection>>();
  private nextTransactionId = 1;

  constructor(private readonly options: XenstoredOptions) {
    const domains = new DomainTable();
    this.state = {
      store: this.store,
      watches: new WatchRegistry(),
      domains,
      quotas: quotasWith(options.quotas),
      output: { queuedBytes: 0 },
      allocateTransactionId: () => {
        const id = this.nextTransactionId;
        this.nextTransactionId = this.nextTransactionId >= 0xffffffff ? 1 : this.nextTransactionId + 1;
        return id;
      },
      connectionsOf: (domid) => this.domainConnections.get(domid) ?? [],
    };
    // C xenstored starts with `/` and `/tool/xenstored`.
    const initialNodes = { '/tool/xenstored': '', ...options.nodes };
    for (const [path, value] of Object.entries(initialNodes)) {
      const problem = path.startsWith('/') ? pathProblem(path) : 'initial node paths must be absolute';
      if (problem) throw new XenstoreError({ code: 'EINVAL', message: problem, path });
      writeValue(this.store, DOM0, path, utf8(value), this.state.quotas);
    }
  }

  get socketPath(): string {
    return this.options.socketPath;
  }

  get socketRoPath(): string | undefined {
    return this.options.socketRoPath;
  }

  /** Open client connections. */
  get connectionCount(): number {
    return this.connections.size;
  }

  /** One entry per open connection. */
  connectionStats(): ConnectionStats[] {
    return [...this.connections].map((connection) => connection.stats());
  }

  /** The tree below `path` as path → value (UTF-8), depth-first. */
  dump(path = '/'): Record<string, string> {
    const tree: Record<string, string> = {};
    for (const [nodePath, node] of this.store.entries(path)) tree[nodePath] = fromUtf8(node.value);
    return tree;
  }

  async listen(): Promise<void> {
    await this.listenOn(this.options.socketPath, () => DOM0);
    if (this.options.socketRoPath) await this.listenOn(this.options.socketRoPath, () => ({ ...DOM0, readOnly: true }));
    for (const { path, domid } of this.options.domainSockets ?? []) {
      const domains = this.state.domains;
      await this.listenOn(path, () => ({
        domid,
        privileged: false,
        readOnly: false,
        get target() {
          return domains.targetOf(domid);
        },
      }));
    }
  }

  /** Stops listening, drops every connection and removes the socket files. */
  async close(): Promise<void> {
    for (const connection of [...this.connections]) connection.drop();
    await Promise.all(
      this.servers.map(
        ({ server, path }) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
          }).then(() => unlink(path).catch(() => {})),
      ),
    );
    this.servers.length = 0;
  }

  private forget(connection: ServerConnection): void {
    this.connections.delete(connection);
    const ofDomain = this.domainConnections.get(connection.caller.domid);
    ofDomain?.delete(connection);
    if (ofDomain?.size === 0) this.domainConnections.delete(connection.caller.domid);
  }

  private async listenOn(path: string, caller: () => Caller): Promise<void> {
    await removeStaleSocket(path);
    const server = createServer((socket: Socket) => {
      const who = caller();
      const connection = new ServerConnection(socket, who, this.state, (closed) => this.forget(closed));
      this.connections.add(connection);
      if (!who.privileged) {
        const ofDomain = this.domainConnections.get(who.domid) ?? new Set();
        this.domainConnections.set(who.domid, ofDomain.add(connection));
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.servers.push({ server, path });
  }
}

/** Starts a xenstored listening on the given sockets. */
export async function startXenstored(options: XenstoredOptions): Promise<Xenstored> {
  const xenstored = new Xenstored(options);
  try {
    await xenstored.listen();
  } catch (error) {
    await xenstored.close();
    throw error;
  }
  return xenstored;
}

/**
 * A socket file left by a previous run is replaced, as C xenstored does; one a live server still
 * answers on, or a file that is not a socket, is refused.
 */
async function removeStaleSocket(path: string): Promise<void> {
  try {
    const info = await lstat(path);
    if (!info.isSocket()) throw new XenstoreError({ code: 'EEXIST', message: 'refusing to replace a file that is not a socket', path });
    if (await isAnswering(path)) throw new XenstoreError({ code: 'EADDRINUSE', message: 'another server is listening on this socket', path });
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function isAnswering(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createConnection({ path });
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}
