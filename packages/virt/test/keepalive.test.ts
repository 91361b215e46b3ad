// virConnectSetKeepAlive: the remote driver starts and stops probing a peer (a fake libvirtd on a
// real unix socket that never answers a PING, and a real libvirtd 9 that does); every other driver
// answers NO_SUPPORT, as libvirt's do.
import { type FakeLibvirtd, libvirtdMissing, replyBytes, startFakeLibvirtd, startLibvirtd } from '@libvirt-ts/remote/testing';
import { REMOTE_PROC_CONNECT_GET_HOSTNAME, xdrRemoteConnectGetHostnameRet } from '@libvirt-ts/remote';
import { afterEach, describe, expect, it } from 'vitest';
import { type Connection, open, VirtError } from '../src/index.js';
import { quietErrors } from './helpers/quiet-errors.js';

quietErrors();

let server: FakeLibvirtd | undefined;
let conn: Connection | undefined;
afterEach(async () => {
  await conn?.close().catch(() => undefined);
  await server?.close();
  server = conn = undefined;
});

const failureOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fake libvirtd that answers virConnectGetHostname and never a keepalive PING. */
async function openFake(keepalive: boolean): Promise<Connection> {
  server = await startFakeLibvirtd(
    (call, socket) => {
      if (call.header.proc === REMOTE_PROC_CONNECT_GET_HOSTNAME) socket.write(replyBytes(call, xdrRemoteConnectGetHostnameRet, { hostname: 'fake' }));
    },
    { keepalive },
  );
  conn = await open(server.uri);
  return conn;
}

/** Asks for the hostname every 250 ms (up to 10 s) until a call fails; the failure. */
async function firstFailure(connection: Connection): Promise<unknown> {
  for (let waited = 0; waited < 10_000; waited += 250) {
    const error = await failureOf(connection.getHostname());
    if (error !== undefined) return error;
    await sleep(250);
  }
  return undefined;
}

describe('setKeepAlive through the remote driver', () => {
  it('a silent peer: 1 s with no unanswered probe allowed closes the connection with the keepalive error', async () => {
    const connection = await openFake(true);
    expect(await connection.setKeepAlive(1, 0)).toBe(0);
    // Each answered hostname call counts as hearing from the peer, so probe only after silence.
    await sleep(2500);
    const error = await firstFailure(connection);
    expect(VirtError.isInstance(error)).toBe(true);
    expect((error as VirtError).message).toMatch(/closed due to keepalive timeout/);
  });

  it('interval 0 stops probing: the same silent peer keeps the connection', async () => {
    const connection = await openFake(true);
    expect(await connection.setKeepAlive(1, 0)).toBe(0);
    expect(await connection.setKeepAlive(0, 0)).toBe(0);
    await sleep(3500);
    expect(await connection.getHostname()).toBe('fake');
  });

  it('a peer without the keepalive program: 1, and nothing changes', async () => {
    const connection = await openFake(false);
    expect(await connection.setKeepAlive(1, 0)).toBe(1);
    await sleep(2500);
    expect(await connection.getHostname()).toBe('fake');
  });

  it('arguments outside C int / unsigned int: INVALID_ARG naming the argument', async () => {
    const connection = await openFake(true);
    const cases: [number, number, string][] = [
      [1.5, 5, 'interval in virConnectSetKeepAlive must be an int, not 1.5'],
      [2 ** 31, 5, 'interval in virConnectSetKeepAlive must be an int, not 2147483648'],
      [5, -1, 'count in virConnectSetKeepAlive must be an unsigned int, not -1'],
      [5, 2 ** 32, 'count in virConnectSetKeepAlive must be an unsigned int, not 4294967296'],
    ];
    for (const [interval, count, message] of cases) {
      const error = (await failureOf(connection.setKeepAlive(interval, count))) as VirtError;
      expect([error.code, error.message]).toEqual(['INVALID_ARG', message]);
    }
  });
});

describe.skipIf(libvirtdMissing())('setKeepAlive against a real libvirtd 9', () => {
  it('libvirtd answers the probes: 1 s x 1 keeps the connection through 3 s of silence', async () => {
    const daemon = await startLibvirtd();
    try {
      const connection = await open(daemon.unixUri);
      try {
        expect(await connection.setKeepAlive(1, 1)).toBe(0);
        await sleep(3000);
        expect(await connection.listDomains()).toEqual([1]);
      } finally {
        await connection.close();
      }
    } finally {
      await daemon.stop();
    }
  });
});

describe('setKeepAlive on drivers without keepalive', () => {
  it('test:///default: NO_SUPPORT in libvirt 9 words; after close, INVALID_CONN', async () => {
    const connection = await open('test:///default');
    const error = (await failureOf(connection.setKeepAlive(5, 6))) as VirtError;
    expect([error.code, error.message]).toEqual(['NO_SUPPORT', 'this function is not supported by the connection driver: virConnectSetKeepAlive']);
    await connection.close();
    const closed = (await failureOf(connection.setKeepAlive(5, 6))) as VirtError;
    expect(closed.code).toBe('INVALID_CONN');
  });
});
