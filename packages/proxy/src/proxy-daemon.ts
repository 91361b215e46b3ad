import { chmod, unlink } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { printableSocketName, proxySocketAddress } from '@libvirt-ts/proxy-protocol';
import type { Connection } from '@libvirt-ts/virt';
import { answerRequest } from './answer-request.js';
import { ClientSession } from './client-session.js';
import { DEFAULT_IDLE_TIMEOUT_MS, DEFAULT_MAX_CLIENTS } from './proxy-arguments.js';

/** libvirt's listen backlog. */
const BACKLOG = 30;
const DEFAULT_PARTIAL_PACKET_TIMEOUT_MS = 10_000;

export interface ProxyDaemonOptions {
  /** The privileged connection queries are put to (xen:/// opened read-write, as root). */
  connection: Connection;
  /** Abstract socket name with its leading NUL; undefined: none. */
  abstractName: string | undefined;
  /** A filesystem socket as well; created mode 0666. */
  socketPath?: string | undefined;
  /** undefined: never exit for lack of clients. */
  idleTimeoutMs?: number | undefined;
  maxClients?: number;
  partialPacketTimeoutMs?: number;
  log?(level: number, message: string): void;
}

export type ProxyDaemonEnd = 'idle' | 'closed';

export interface ProxyDaemon {
  /** The names listened on, printable (`@name` for abstract ones). */
  readonly listening: readonly string[];
  /** Clients connected now. */
  readonly clientCount: number;
  /** Settles when the daemon stops: after its idle time, or close(). */
  readonly ended: Promise<ProxyDaemonEnd>;
  close(): Promise<void>;
}

/** Another daemon already listens on a socket (0.1.3 used its bind as a lock and exited 0). */
export class ProxyAlreadyRunningError extends Error {
  override readonly name = 'ProxyAlreadyRunningError';
}

/**
 * Listens and serves: at most `maxClients` at once (more are closed at once), each a ClientSession;
 * no client for `idleTimeoutMs` ends the daemon. It closes its listeners and clients, never the
 * connection it was given.
 */
export async function startProxyDaemon(options: ProxyDaemonOptions): Promise<ProxyDaemon> {
  const log = options.log ?? (() => {});
  const maxClients = options.maxClients ?? DEFAULT_MAX_CLIENTS;
  const idleTimeoutMs = 'idleTimeoutMs' in options ? options.idleTimeoutMs : DEFAULT_IDLE_TIMEOUT_MS;
  const clients = new Set<Socket>();
  const servers: Server[] = [];
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | undefined;
  let end!: (how: ProxyDaemonEnd) => void;
  const ended = new Promise<ProxyDaemonEnd>((resolve) => {
    end = resolve;
  });

  const armIdle = () => {
    clearTimeout(idleTimer);
    if (idleTimeoutMs === undefined || clients.size > 0) return;
    idleTimer = setTimeout(() => {
      log(1, `exiting after ${idleTimeoutMs / 1000} s without clients`);
      void shutdown('idle');
    }, idleTimeoutMs);
  };

  const accept = (socket: Socket) => {
    const id = nextId++;
    if (clients.size >= maxClients) {
      log(1, `client ${id} refused: ${maxClients} clients already connected`);
      socket.destroy();
      return;
    }
    clients.add(socket);
    clearTimeout(idleTimer);
    log(1, `client ${id} connected (${clients.size} now)`);
    socket.once('close', () => {
      clients.delete(socket);
      log(1, `client ${id} gone (${clients.size} left)`);
      armIdle();
    });
    new ClientSession({
      socket,
      id,
      answer: (request) => answerRequest(options.connection, request),
      log,
      partialPacketTimeoutMs: options.partialPacketTimeoutMs ?? DEFAULT_PARTIAL_PACKET_TIMEOUT_MS,
    });
  };

  let stopping: Promise<void> | undefined;
  const shutdown = (how: ProxyDaemonEnd): Promise<void> => {
    stopping ??= (async () => {
      clearTimeout(idleTimer);
      for (const client of clients) client.destroy();
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
      if (options.socketPath) await unlink(options.socketPath).catch(() => {});
      end(how);
    })();
    return stopping;
  };

  const listening: string[] = [];
  try {
    if (options.abstractName !== undefined) {
      servers.push(await listen(options.abstractName, accept));
      listening.push(printableSocketName(options.abstractName));
    }
    if (options.socketPath !== undefined) {
      servers.push(await listenOnPath(options.socketPath, accept));
      listening.push(options.socketPath);
    }
  } catch (error) {
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    throw error;
  }
  armIdle();
  return {
    listening,
    get clientCount() {
      return clients.size;
    },
    ended,
    close: () => shutdown('closed'),
  };
}

function listen(name: string, accept: (socket: Socket) => void): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer({ pauseOnConnect: false }, accept);
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new ProxyAlreadyRunningError(`a proxy already listens on ${printableSocketName(name)}`) : error);
    });
    server.listen({ path: proxySocketAddress(name), backlog: BACKLOG }, () => resolve(server));
  });
}

/** A path socket left by a daemon that died is removed; one a live daemon answers on is its. */
async function listenOnPath(path: string, accept: (socket: Socket) => void): Promise<Server> {
  try {
    return await listenWithMode(path, accept);
  } catch (error) {
    if (!(error instanceof ProxyAlreadyRunningError) || (await answers(path))) throw error;
    await unlink(path);
    return listenWithMode(path, accept);
  }
}

async function listenWithMode(path: string, accept: (socket: Socket) => void): Promise<Server> {
  const server = await listen(path, accept);
  // like the abstract socket, which has no permissions: any local user may ask the read-only questions
  await chmod(path, 0o666);
  return server;
}

function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
