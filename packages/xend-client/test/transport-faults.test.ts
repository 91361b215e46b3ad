import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XendClient } from '../src/index.js';
import type { Framing } from '../src/testing/index.js';
import { type FakeSetup, rejection, setUpFake, TRANSPORTS } from './fake-setup.js';

const FAULT_TIMEOUT_MS = 300;

describe.each(TRANSPORTS)('transport over %s', (transport) => {
  let setup: FakeSetup;
  let client: XendClient;
  beforeEach(async () => {
    const domains = Array.from({ length: 300 }, (_, index) => ({
      name: `guest-${index}`,
      memory: 16,
      vcpus: 1 + (index % 4),
      state: index % 3 === 0 ? ('blocked' as const) : ('running' as const),
      extras: ["(image (linux (kernel '/boot/vmlinuz-2.6.16-xen') (args 'root=/dev/xvda1 ro quiet')))"],
    }));
    setup = await setUpFake(transport, { node: { total_memory: 65536 }, domains }, { client: { timeoutMs: 20_000 } });
    client = setup.client;
  });
  afterEach(() => setup.close());

  it.each(['content-length', 'chunked', 'close'] as Framing[])('reads long answers whole when framed by %s', async (framing) => {
    setup.fake.framing = framing;
    const domains = await client.listDomains();
    expect(domains).toHaveLength(301);
    expect(domains[300]).toMatchObject({ domid: 300, name: 'guest-299' });
    expect(domains[300]!.state).toBe('r-----');
    expect(await client.listDomainNames()).toHaveLength(301);
    await client.pause('guest-5');
    expect((await client.getDomain('guest-5')).state).toBe('--p---');
  });

  it('answers 100 requests in flight at once, each correctly', async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, index) => client.getDomain(`guest-${index}`)),
    );
    expect(results.map((domain) => domain.name)).toEqual(Array.from({ length: 100 }, (_, index) => `guest-${index}`));
    expect(results.map((domain) => domain.vcpus)).toEqual(Array.from({ length: 100 }, (_, index) => 1 + (index % 4)));
    const mixed = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        index % 2 === 0 ? client.pause(`guest-${index}`).then(() => 'paused') : client.getNode().then((node) => node.nrCpus),
      ),
    );
    expect(mixed.filter((result) => result === 'paused')).toHaveLength(50);
    expect(mixed.filter((result) => result === 2)).toHaveLength(50);
    expect(setup.fake.state.list().filter((domain) => domain.state === 'paused')).toHaveLength(50);
  });

  it('gives GET_FAILED when the server closes in the middle of the answer', async () => {
    setup.fake.injectFault('close-mid-answer');
    const error = await rejection(client.getDomain('guest-1'));
    expect(error.code).toBe('GET_FAILED');
    expect(error.message).toMatch(/connection lost in the middle of the answer/);
    setup.fake.injectFault('close-mid-answer');
    expect((await rejection(client.pause('guest-1'))).code).toBe('POST_FAILED');
    // The server is still fine afterwards.
    expect((await client.getDomain('guest-1')).name).toBe('guest-1');
  });

  it('gives HTTP_ERROR when the answer is not HTTP', async () => {
    setup.fake.injectFault('garbage');
    const error = await rejection(client.listDomains());
    expect(error.code).toBe('HTTP_ERROR');
    expect(error.message).toMatch(/not HTTP/);
  });

  it('gives PARSE_ERROR when the body is not an S-expression', async () => {
    setup.fake.injectFault({ status: 200, body: "(domain (name 'half" });
    const error = await rejection(client.getDomain('guest-1'));
    expect(error.code).toBe('PARSE_ERROR');
    expect((error.cause as Error).name).toBe('SexprError');
    setup.fake.injectFault({ status: 200, body: '<html>xend speaks HTML</html>' });
    expect((await rejection(client.getNode())).code).toBe('PARSE_ERROR');
  });

  it('gives TIMEOUT when the server never answers', async () => {
    setup.fake.injectFault('never-answer');
    const error = await rejection(client.getDomain('guest-1', { timeoutMs: FAULT_TIMEOUT_MS }));
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toMatch(/no complete answer within 300 ms/);
  });

  it('gives save, restore and create their own (slow) deadline', async () => {
    const slowOnly = new XendClient(setup.fake.endpoint, { timeoutMs: 20_000, slowTimeoutMs: FAULT_TIMEOUT_MS });
    setup.fake.injectFault('never-answer', { count: 3, when: (request) => request.method === 'POST' });
    const save = await rejection(slowOnly.save('guest-1', '/tmp/never-written.save'));
    const restore = await rejection(slowOnly.restore('/tmp/never-read.save'));
    const create = await rejection(slowOnly.create('(vm (name late))'));
    for (const error of [save, restore, create]) {
      expect(error.code).toBe('TIMEOUT');
      expect(error.message).toMatch(/within 300 ms/);
    }
  });

  it('gives ABORTED when the signal fires, and before sending if it already has', async () => {
    // Only the listing hangs: the abort may come before or after the server has the request.
    setup.fake.injectFault('never-answer', { when: (request) => request.path === '/xend/domain' });
    const controller = new AbortController();
    const pending = client.listDomains({ signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user gave up')), 20);
    const error = await rejection(pending);
    expect(error.code).toBe('ABORTED');
    expect((error.cause as Error).message).toBe('user gave up');
    const before = setup.fake.state.requestCount;
    expect((await rejection(client.getNode({ signal: AbortSignal.abort() }))).code).toBe('ABORTED');
    expect(setup.fake.state.requestCount).toBe(before);
    // The server shrugs off the client that went away.
    expect((await client.getNode()).nrCpus).toBe(2);
  });

  it('refuses an answer longer than maxResponseBytes', async () => {
    const small = new XendClient(setup.fake.endpoint, { maxResponseBytes: 4096 });
    const error = await rejection(small.listDomains());
    expect(error.code).toBe('HTTP_ERROR');
    expect(error.message).toMatch(/longer than 4096 bytes/);
  });

  it('gives HTTP_ERROR for statuses xend only sends for bad requests', async () => {
    setup.fake.injectFault({ status: 501, body: 'Operation not implemented: frobnicate', contentType: 'text/plain' });
    const error = await rejection(client.pause('guest-1'));
    expect(error).toMatchObject({ code: 'HTTP_ERROR', status: 501, xendMessage: 'Operation not implemented: frobnicate' });
  });
});

describe('connecting', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('gives CONNECT_FAILED naming the socket when nothing listens there', async () => {
    const socketPath = join('/nonexistent-dir', 'xend-socket');
    const client = new XendClient({ kind: 'unix', socketPath });
    const error = await rejection(client.getNode());
    expect(error.code).toBe('CONNECT_FAILED');
    expect(error.endpoint).toBe(`unix:${socketPath}`);
    expect(error.message).toContain(socketPath);
  });

  it('gives CONNECT_FAILED naming host and port when the port is closed', async () => {
    const port = await closedPort();
    const error = await rejection(new XendClient({ kind: 'tcp', host: '127.0.0.1', port }).getNode());
    expect(error.code).toBe('CONNECT_FAILED');
    expect(error.message).toContain(`http://127.0.0.1:${port}`);
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
  });

  it('gives GET_FAILED when the server closes the connection without answering', async () => {
    const sockets: Socket[] = [];
    const server = createServer((socket) => {
      sockets.push(socket);
      socket.once('data', () => socket.destroy());
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const error = await rejection(new XendClient({ kind: 'tcp', host: '127.0.0.1', port }, { timeoutMs: 2_000 }).getNode());
    expect(error.code).toBe('GET_FAILED');
    expect(error.message).toMatch(/connection lost before the answer/);
  });

  it('falls back from a dead socket to TCP, as libvirt from xend-socket to localhost:8000', async () => {
    const setup = await setUpFake('tcp');
    try {
      const client = await XendClient.connectFirst([{ kind: 'unix', socketPath: '/nonexistent-dir/xend-socket' }, setup.fake.endpoint]);
      expect(client.endpoint).toEqual(setup.fake.endpoint);
      expect(await client.listDomainNames()).toEqual(['Domain-0']);
    } finally {
      await setup.close();
    }
  });

  it('reports every endpoint it tried when none answers', async () => {
    const dead = { kind: 'tcp', host: '127.0.0.1', port: await closedPort() } as const;
    const error = await rejection(XendClient.connectFirst([{ kind: 'unix', socketPath: '/nonexistent-dir/xend-socket' }, dead]));
    expect(error.code).toBe('CONNECT_FAILED');
    expect(error.endpoint).toBe(`http://127.0.0.1:${dead.port}`);
    expect(error.message).toMatch(/^cannot reach xend: .*unix:\/nonexistent-dir\/xend-socket.*; .*http:\/\/127\.0\.0\.1:/);
    expect((await rejection(XendClient.open('/nonexistent-dir/xend-socket'))).code).toBe('CONNECT_FAILED');
    expect((await rejection(XendClient.connectFirst([]))).code).toBe('INVALID_ARG');
  });

  it('reads an HTTP/1.0 answer without a length to the end of the connection', async () => {
    const record = `(domain (domid 7) (name old) (uuid 596a5d2171f48fb2e068e2386a5c413e) (memory 64) ${'(device (vbd (dev xvda))) '.repeat(400)})`;
    const server = createServer((socket) => {
      socket.once('data', () => socket.end(`HTTP/1.0 200 OK\r\nContent-Type: application/sxp\r\n\r\n${record}`));
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const domain = await new XendClient({ kind: 'tcp', host: '127.0.0.1', port }).getDomain('old');
    expect(domain).toMatchObject({ domid: 7, name: 'old' });
    expect(domain.sexpr.type === 'list' && domain.sexpr.items.length).toBe(405);
  });

  it('sends the request bytes libvirt sent: form body, Content-Length, no keep-alive', async () => {
    let received = '';
    const server = createServer((socket) => {
      socket.on('data', (chunk) => {
        received += chunk.toString('latin1');
        if (received.includes('\r\n\r\n') && received.endsWith('op=pause')) {
          socket.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n');
        }
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new XendClient({ kind: 'tcp', host: '127.0.0.1', port }).pause('my vm');
    const [head, body] = received.split('\r\n\r\n');
    const lines = head!.split('\r\n');
    expect(lines[0]).toBe('POST /xend/domain/my%20vm HTTP/1.1');
    expect(lines).toContain('Accept-Encoding: identity');
    expect(lines).toContain('Content-Type: application/x-www-form-urlencoded');
    expect(lines).toContain('Content-Length: 8');
    expect(lines).toContain('Connection: close');
    expect(body).toBe('op=pause');
  });
});

describe('client options', () => {
  it('refuses a bad timeout or size limit, and a port node cannot use, as INVALID_ARG', async () => {
    const endpoint = { kind: 'tcp', host: '127.0.0.1', port: 8000 } as const;
    expect(() => new XendClient(endpoint, { timeoutMs: 0 })).toThrow(/timeoutMs must be a positive number, not 0/);
    expect(() => new XendClient(endpoint, { maxResponseBytes: Number.NaN })).toThrow(/maxResponseBytes/);
    expect((await rejection(new XendClient(endpoint).getNode({ timeoutMs: -1 }))).code).toBe('INVALID_ARG');
    const badPort = await rejection(new XendClient({ kind: 'tcp', host: '127.0.0.1', port: 70_000 }).getNode());
    expect(badPort.code).toBe('INVALID_ARG');
    expect(badPort.message).toMatch(/cannot send this request/);
  });
});

/** A TCP port on 127.0.0.1 that was free a moment ago and has nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
