// A hostile or broken server: every misbehaviour ends in a typed error within the call's timeout
// (or the keepalive window), never a crash or a hang.
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectUnix,
  encodePacket,
  KEEPALIVE_PROC_PING,
  KEEPALIVE_PROC_PONG,
  KEEPALIVE_PROGRAM,
  type Packet,
  REMOTE_PROGRAM,
  RemoteClient,
  RemoteError,
  RemoteProcedures,
  VIR_NET_ERROR,
  VIR_NET_MESSAGE,
  VIR_NET_OK,
  VIR_NET_REPLY,
  XdrWriter,
  xdrRemoteConnectGetHostnameRet,
  xdrVirNetMessageError,
  xdrVoid,
} from '../src/index.js';
import { type FakeServer, startFakeServer } from '../src/testing/index.js';

let server: FakeServer | undefined;
let client: RemoteClient | undefined;
afterEach(async () => {
  client?.close();
  await server?.close();
  server = undefined;
  client = undefined;
});

async function connect(onPacket: (packet: Packet, socket: Socket) => void): Promise<RemoteProcedures> {
  server = await startFakeServer(onPacket);
  client = new RemoteClient(await connectUnix(server.path));
  return new RemoteProcedures(client.program(REMOTE_PROGRAM, 1));
}

function reply(socket: Socket, call: Packet, body: { hostname: string }, change: Partial<Packet['header']> = {}): void {
  socket.write(
    encodePacket(new XdrWriter(), { ...call.header, type: VIR_NET_REPLY, status: VIR_NET_OK, ...change }, xdrRemoteConnectGetHostnameRet, body),
  );
}

async function failure(promise: Promise<unknown>): Promise<RemoteError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(RemoteError.isInstance(error), String(error)).toBe(true);
  return error as RemoteError;
}

describe('a hostile server', () => {
  it('garbage instead of a reply: PROTOCOL, and the connection is closed', async () => {
    const procedures = await connect((_, socket) => socket.write(Buffer.from('\x00\x00\x00\x30garbage garbage garbage garbage garbage garbage!')));
    const error = await failure(procedures.connectGetHostname({ timeoutMs: 5000 }));
    expect(error.code).toBe('PROTOCOL');
    expect(error.message).toMatch(/bad packet header/);
    expect(client!.isOpen).toBe(false);
    expect((await failure(procedures.connectGetHostname())).code).toBe('PROTOCOL');
  });

  it('an oversized packet: TOO_LARGE as soon as its length arrives', async () => {
    const procedures = await connect((_, socket) => socket.write(Buffer.from([0x7f, 0xff, 0xff, 0xff])));
    const error = await failure(procedures.connectGetHostname({ timeoutMs: 5000 }));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toBe('packet 2147483647 bytes received from server too large, want 33554436');
  });

  it('a truncated packet, then the server hangs up: CLOSED', async () => {
    const procedures = await connect((call, socket) => {
      const bytes = encodePacket(new XdrWriter(), { ...call.header, type: VIR_NET_REPLY, status: VIR_NET_OK }, xdrRemoteConnectGetHostnameRet, {
        hostname: 'truncated',
      });
      socket.end(bytes.subarray(0, bytes.length - 3));
    });
    const error = await failure(procedures.connectGetHostname({ timeoutMs: 5000 }));
    expect(error.code).toBe('CLOSED');
  });

  it('a lying body (a string length past the end): XDR error on that call only', async () => {
    let calls = 0;
    const procedures = await connect((call, socket) => {
      calls++;
      if (calls === 1) {
        const bytes = encodePacket(new XdrWriter(), { ...call.header, type: VIR_NET_REPLY, status: VIR_NET_OK }, xdrRemoteConnectGetHostnameRet, {
          hostname: 'abcd',
        });
        new DataView(bytes.buffer).setUint32(28, 4000);
        socket.write(bytes);
      } else {
        reply(socket, call, { hostname: 'honest' });
      }
    });
    const error = await failure(procedures.connectGetHostname({ timeoutMs: 5000 }));
    expect(error.code).toBe('XDR');
    expect(error.message).toMatch(/count 4000 is more than the 4 bytes left can hold at byte 28/);
    expect(await procedures.connectGetHostname({ timeoutMs: 5000 })).toEqual({ hostname: 'honest' });
  });

  it('a reply for another program or version: PROTOCOL', async () => {
    for (const change of [{ prog: 0x12345678 }, { vers: 2 }, { proc: 99 }]) {
      const procedures = await connect((call, socket) => reply(socket, call, { hostname: 'x' }, change));
      const error = await failure(procedures.connectGetHostname({ timeoutMs: 5000 }));
      expect(error.code).toBe('PROTOCOL');
      expect(error.message).toMatch(/^reply to serial 1 is for prog/);
      client!.close();
      await server!.close();
    }
    server = undefined;
  });

  it('a reply to a serial nobody called: PROTOCOL for the calls in flight', async () => {
    const procedures = await connect((call, socket) => reply(socket, call, { hostname: 'x' }, { serial: call.header.serial + 1000 }));
    const error = await failure(procedures.connectGetHostname({ timeoutMs: 5000 }));
    expect(error.code).toBe('PROTOCOL');
    expect(error.message).toBe(`no call waiting for reply with prog ${REMOTE_PROGRAM} vers 1 serial 1001`);
  });

  it('an error reply that does not decode: XDR', async () => {
    const procedures = await connect((call, socket) => {
      const bytes = encodePacket(new XdrWriter(), { ...call.header, type: VIR_NET_REPLY, status: VIR_NET_ERROR }, xdrVoid, undefined);
      socket.write(bytes);
    });
    expect((await failure(procedures.connectGetHostname({ timeoutMs: 5000 }))).code).toBe('XDR');
  });

  it('an error reply with libvirt fields becomes a SERVER error carrying them', async () => {
    const procedures = await connect((call, socket) =>
      socket.write(
        encodePacket(new XdrWriter(), { ...call.header, type: VIR_NET_REPLY, status: VIR_NET_ERROR }, xdrVirNetMessageError, {
          code: 42,
          domain: 10,
          message: "Domain not found: no domain with matching name 'x'",
          level: 2,
          dom: null,
          str1: 'Domain not found: %s',
          str2: 'x',
          str3: null,
          int1: 0,
          int2: 0,
          net: null,
        }),
      ),
    );
    const error = await failure(procedures.connectGetHostname());
    expect([error.code, error.virErrorCode, error.virErrorDomain, error.level, error.message, error.str2]).toEqual([
      'SERVER',
      42,
      10,
      2,
      "Domain not found: no domain with matching name 'x'",
      'x',
    ]);
  });

  it('no reply at all: TIMEOUT after the call timeout; a late reply is dropped and the connection stays usable', async () => {
    const held: [Packet, Socket][] = [];
    const procedures = await connect((call, socket) => {
      if (held.length === 0) held.push([call, socket]);
      else reply(socket, call, { hostname: 'second' });
    });
    const error = await failure(procedures.connectGetHostname({ timeoutMs: 100 }));
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toBe('REMOTE_PROC_CONNECT_GET_HOSTNAME: no reply within 100 ms'.replace('REMOTE_PROC_CONNECT_GET_HOSTNAME', `procedure 59 of program 0x${REMOTE_PROGRAM.toString(16)}`));
    const [call, socket] = held[0]!;
    reply(socket, call, { hostname: 'late' });
    expect(await procedures.connectGetHostname({ timeoutMs: 5000 })).toEqual({ hostname: 'second' });
    expect(client!.isOpen).toBe(true);
  });

  it('an AbortSignal rejects the call with ABORTED, before or while it is in flight', async () => {
    const procedures = await connect(() => {});
    const controller = new AbortController();
    const pending = procedures.connectGetHostname({ signal: controller.signal });
    controller.abort(new Error('user gave up'));
    expect((await failure(pending)).code).toBe('ABORTED');
    expect((await failure(procedures.connectGetHostname({ signal: AbortSignal.abort() }))).code).toBe('ABORTED');
    expect(client!.inFlight).toBe(0);
  });

  it('a silent server is noticed by keepalive: KEEPALIVE after count unanswered PINGs', async () => {
    const procedures = await connect(() => {});
    client!.startKeepalive({ intervalMs: 50, count: 2 });
    const error = await failure(procedures.connectGetHostname());
    expect(error.code).toBe('KEEPALIVE');
    expect(error.message).toMatch(/closed due to keepalive timeout/);
    const pings = server!.received.filter((packet) => packet.header.prog === KEEPALIVE_PROGRAM);
    expect(pings.map((packet) => [packet.header.proc, packet.header.type, packet.header.serial])).toEqual([
      [KEEPALIVE_PROC_PING, VIR_NET_MESSAGE, 0],
      [KEEPALIVE_PROC_PING, VIR_NET_MESSAGE, 0],
    ]);
  });

  it('a server that answers PINGs keeps the connection; a server PING gets a PONG', async () => {
    const procedures = await connect((packet, socket) => {
      if (packet.header.prog === KEEPALIVE_PROGRAM && packet.header.proc === KEEPALIVE_PROC_PING) {
        socket.write(encodePacket(new XdrWriter(), { ...packet.header, proc: KEEPALIVE_PROC_PONG }, xdrVoid, undefined));
      } else if (packet.header.prog === REMOTE_PROGRAM) {
        setTimeout(() => reply(socket, packet, { hostname: 'slow' }), 400);
        socket.write(encodePacket(new XdrWriter(), { prog: KEEPALIVE_PROGRAM, vers: 1, proc: KEEPALIVE_PROC_PING, type: VIR_NET_MESSAGE, serial: 0, status: VIR_NET_OK }, xdrVoid, undefined));
      }
    });
    client!.startKeepalive({ intervalMs: 50, count: 1 });
    expect(await procedures.connectGetHostname()).toEqual({ hostname: 'slow' });
    const pongs = server!.received.filter((packet) => packet.header.prog === KEEPALIVE_PROGRAM && packet.header.proc === KEEPALIVE_PROC_PONG);
    expect(pongs.length).toBe(1);
  });

  it('a call too large to send is refused locally with TOO_LARGE', async () => {
    const procedures = await connect(() => {});
    const huge = 'x'.repeat(4_000_000);
    const error = await failure(procedures.domainDefineXml({ xml: `${huge}${huge}${huge}${huge}${huge}${huge}${huge}${huge}${huge}` }));
    expect([error.code, error.message, (error.cause as Error).message]).toEqual([
      'XDR',
      'Unable to encode message payload',
      'cannot encode a string of 36000000 bytes: the most is 4194304',
    ]);
    const many = Array.from({ length: 9 }, () => huge);
    const tooLarge = await failure(procedures.connectBaselineCpu({ xmlCPUs: many, flags: 0 }));
    expect([tooLarge.code, tooLarge.message]).toEqual(['TOO_LARGE', 'Unable to encode message payload']);
  });
});
