import { readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { XendEndpoint } from '../transport/endpoint.js';
import type { FakeXendSeed } from './fake-xend-seed.js';
import { FakeXendState, type FakeXendStateOptions } from './fake-xend-state.js';
import { type FakeAnswer, type FakeRequest, handleRequest, type SaveFiles } from './handle-request.js';

/** Where the fake listens: a unix socket path, or a TCP port (0 picks a free one) on 127.0.0.1. */
export type FakeXendListen = { socketPath: string } | { port: number; host?: string };

/**
 * How answers are framed on the wire, so clients meet every kind xend's HTTP server could
 * send: a Content-Length, chunked transfer coding, or no length with the connection closed.
 */
export type Framing = 'content-length' | 'chunked' | 'close';

/** Misbehaviour for fault tests, given instead of the real answer. */
export type Fault =
  /** Sends the headers and part of the body, then drops the connection. */
  | 'close-mid-answer'
  /** Sends bytes that are not HTTP, then closes. */
  | 'garbage'
  /** Reads the request and never answers (until the client gives up or the server closes). */
  | 'never-answer'
  /** A well-formed answer of your choosing, such as `{ status: 500, body: "(xend.err 'no')" }`. */
  | { status: number; body: string; contentType?: string };

export interface FaultOptions {
  /** How many matching requests misbehave (default 1). */
  count?: number;
  /** Which requests: by default the next ones, whatever they are. */
  when?: (request: FakeRequest) => boolean;
}

export interface FakeXendOptions extends FakeXendStateOptions {
  framing?: Framing;
}

export interface FakeXend {
  /** What a XendClient needs: `new XendClient(fake.endpoint)`. */
  readonly endpoint: XendEndpoint;
  /** The connection name for `XendClient.open`: the socket path, or `http://127.0.0.1:port`. */
  readonly url: string;
  readonly socketPath: string | undefined;
  readonly port: number | undefined;
  /** The domains and node, to inspect or change from tests. */
  readonly state: FakeXendState;
  /** How answers are framed from now on. */
  framing: Framing;
  /** Makes the next matching requests misbehave as `fault` says (they are still counted). */
  injectFault(fault: Fault, options?: FaultOptions): void;
  /** Stops listening and drops every open connection (removing the unix socket). */
  close(): Promise<void>;
}

/** Real files for save and restore, as xend writes them on its host. */
const realFiles: SaveFiles = {
  read: (path) => readFile(path),
  write: (path, bytes) => writeFile(path, bytes),
};

/**
 * Starts a fake xend 3.x: a real HTTP server on a unix socket or a TCP port, answering every
 * request libvirt makes, from a state seeded with `seed`.
 */
export async function startFakeXend(
  listen: FakeXendListen,
  seed: FakeXendSeed = {},
  options: FakeXendOptions = {},
): Promise<FakeXend> {
  const state = new FakeXendState(seed, options);
  const faults: { fault: Fault; remaining: number; when: (request: FakeRequest) => boolean }[] = [];
  const takeFault = (request: FakeRequest): Fault | undefined => {
    const index = faults.findIndex((entry) => entry.when(request));
    const entry = faults[index];
    if (entry === undefined) return undefined;
    if (--entry.remaining === 0) faults.splice(index, 1);
    return entry.fault;
  };
  let framing: Framing = options.framing ?? 'content-length';

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    // A client that gives up mid-request is its own business, not the server's.
    request.on('error', () => {});
    response.on('error', () => {});
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      // Any bytes can arrive as the request target; one that is no URL is the client's error.
      if (!URL.canParse(request.url ?? '/', 'http://localhost')) {
        return send(response, { status: 400, contentType: 'text/plain', body: `Bad request target ${JSON.stringify(request.url)}` }, framing);
      }
      const url = new URL(request.url ?? '/', 'http://localhost');
      const args = new URLSearchParams(url.search);
      for (const [key, value] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) args.append(key, value);
      const fakeRequest: FakeRequest = { method: request.method ?? 'GET', path: url.pathname, args };
      const fault = takeFault(fakeRequest);
      if (fault !== undefined) {
        state.countRequest(fakeRequest.method, fakeRequest.path);
        return misbehave(fault, response, framing);
      }
      handleRequest(state, realFiles, fakeRequest).then(
        (answer) => send(response, answer, framing),
        (error: unknown) => send(response, { status: 500, contentType: 'text/plain', body: String(error) }, framing),
      );
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    const onListening = () => {
      server.off('error', reject);
      resolve();
    };
    if ('socketPath' in listen) server.listen(listen.socketPath, onListening);
    else server.listen(listen.port, listen.host ?? '127.0.0.1', onListening);
  });

  const address = server.address();
  const socketPath = 'socketPath' in listen ? listen.socketPath : undefined;
  const port = typeof address === 'object' && address !== null ? (address as AddressInfo).port : undefined;
  const host = 'socketPath' in listen ? '' : (listen.host ?? '127.0.0.1');
  const endpoint: XendEndpoint =
    socketPath !== undefined ? { kind: 'unix', socketPath } : { kind: 'tcp', host, port: port! };
  let closing: Promise<void> | undefined;

  return {
    endpoint,
    url: socketPath ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    socketPath,
    port,
    state,
    get framing() {
      return framing;
    },
    set framing(value: Framing) {
      framing = value;
    },
    injectFault(fault: Fault, faultOptions: FaultOptions = {}) {
      const count = faultOptions.count ?? 1;
      if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`fault count must be a positive integer, not ${count}`);
      faults.push({ fault, remaining: count, when: faultOptions.when ?? (() => true) });
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function send(response: http.ServerResponse, answer: FakeAnswer, framing: Framing): void {
  const body = Buffer.from(answer.body, 'utf8');
  response.statusCode = answer.status;
  response.setHeader('Content-Type', answer.contentType);
  if (framing === 'content-length') {
    response.setHeader('Content-Length', body.length);
  } else if (framing === 'close') {
    // No length and no chunking: the body ends when the connection does (HTTP/1.0 style).
    response.useChunkedEncodingByDefault = false;
    response.shouldKeepAlive = false;
    response.setHeader('Connection', 'close');
  }
  // With neither header set, node sends the body chunked.
  response.end(body);
}

function misbehave(fault: Fault, response: http.ServerResponse, framing: Framing): void {
  const socket = response.socket;
  if (socket === null) return;
  if (typeof fault === 'object') {
    send(response, { status: fault.status, contentType: fault.contentType ?? 'application/sxp', body: fault.body }, framing);
  } else if (fault === 'garbage') {
    socket.end('SSH-2.0-OpenSSH_9.2 this is not HTTP\r\n\r\n');
  } else if (fault === 'close-mid-answer') {
    response.writeHead(200, { 'Content-Type': 'application/sxp', 'Content-Length': '4096' });
    response.write('(domain (domid 1) (name half');
    // Let the headers and the partial body reach the client before the connection drops.
    setImmediate(() => socket.destroy());
  }
  // 'never-answer': nothing is sent; close() drops the connection.
}
