// The remote client's fault suite: openRemote against a fake libvirtd on a real unix socket that
// completes the handshake (auth list, keepalive feature, CONNECT_OPEN) and then misbehaves on
// the next call. Each attack must settle that call with a typed RemoteError (libvirt's RPC-layer
// code), leave the connection usable or closed as libvirt's client does, and stay within memory.
// Peak RSS growth (VmHWM of this process, reset before the attack) and time are printed and
// written to $FAULT_REPORT_DIR/fault-remote.md; only a generous memory bound is asserted.
import type { Socket } from 'node:net';
import { faultReport, measurePeak } from '@libvirt-ts/test-utils';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  encodePacket,
  type Packet,
  type PacketHeader,
  REMOTE_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE,
  REMOTE_PROGRAM,
  type RemoteConnection,
  RemoteError,
  openRemote,
  VIR_NET_MESSAGE,
  VIR_NET_OK,
  XdrWriter,
  xdrRemoteConnectGetHostnameRet,
  xdrRemoteDomainEventCallbackLifecycleMsg,
} from '../../src/index.js';
import { type FakeLibvirtd, replyBytes, startFakeLibvirtd } from '../../src/testing/index.js';

/** No attack may cost this process more than this much extra peak memory. */
const PEAK_BOUND_MIB = 128;

const report = faultReport(
  'fault-remote.md',
  'remote client fault suite',
  "openRemote against a fake libvirtd that misbehaves after the handshake; growth of the test process's peak RSS (VmHWM, reset before each attack) and wall time on this machine.",
  ['attack', 'error', 'libvirt code/domain', 'connection after', 'peak RSS growth MiB', 'ms'],
);
afterAll(() => report.write());

let server: FakeLibvirtd | undefined;
let connection: RemoteConnection | undefined;
afterEach(async () => {
  connection?.client.close();
  await server?.close();
  server = connection = undefined;
});

const hostnameReply = (call: Packet, change: Partial<PacketHeader> = {}) => replyBytes(call, xdrRemoteConnectGetHostnameRet, { hostname: 'fake' }, change);

async function connectToFake(misbehave: (call: Packet, socket: Socket) => void, options: { keepalive?: boolean } = {}): Promise<RemoteConnection> {
  server = await startFakeLibvirtd(misbehave, options);
  connection = await openRemote(server.uri, { keepalive: options.keepalive ? { intervalMs: 100, count: 3 } : false });
  return connection;
}

interface Outcome {
  error: RemoteError | undefined;
  open: boolean;
  growthMiB: number;
}

/**
 * Runs the hostname call against a fake that misbehaves with `misbehave`; records the error, the
 * connection's state after it, the peak memory growth and the time.
 */
async function attack(name: string, misbehave: (call: Packet, socket: Socket) => void, options: { keepalive?: boolean; timeoutMs?: number } = {}): Promise<Outcome> {
  const conn = await connectToFake(misbehave, options);
  const { result: error, growthMiB, ms } = await measurePeak(() =>
    conn.procedures.connectGetHostname({ timeoutMs: options.timeoutMs ?? 5000 }).then(
      () => undefined,
      (e: unknown) => e,
    ),
  );
  expect(error === undefined || RemoteError.isInstance(error), `not a RemoteError: ${String(error)}`).toBe(true);
  const typed = error as RemoteError | undefined;
  const open = conn.client.isOpen;
  report.add(
    name,
    typed ? `${typed.code}: ${typed.message.slice(0, 90)}` : 'none',
    typed ? `${typed.virErrorCode}/${typed.virErrorDomain}` : '-',
    open ? 'open' : 'closed',
    growthMiB.toFixed(1),
    ms.toFixed(0),
  );
  expect(growthMiB).toBeLessThan(PEAK_BOUND_MIB);
  return { error: typed, open, growthMiB };
}

/** A second call on the same connection: answered when the connection survived. */
async function usableAfter(answer: (call: Packet, socket: Socket) => void): Promise<string> {
  handler = answer;
  return (await connection!.procedures.connectGetHostname({ timeoutMs: 5000 })).hostname;
}
let handler: ((call: Packet, socket: Socket) => void) | undefined;
/** A misbehaviour for the first call; later calls go to `handler` (set by usableAfter). */
function firstCall(misbehave: (call: Packet, socket: Socket) => void): (call: Packet, socket: Socket) => void {
  let calls = 0;
  return (call, socket) => (calls++ === 0 ? misbehave(call, socket) : handler?.(call, socket));
}

describe('a hostile libvirtd: every call settles with a typed error, within bounded memory', () => {
  afterEach(() => {
    handler = undefined;
  });

  it('garbage instead of a reply: PROTOCOL (VIR_ERR_RPC), connection closed', async () => {
    const outcome = await attack('garbage', (_, socket) => socket.write(Buffer.from('\x00\x00\x00\x30 this is not a libvirt packet header at all....')));
    expect([outcome.error?.code, outcome.error?.virErrorCode, outcome.open]).toEqual(['PROTOCOL', 39, false]);
  });

  it('a length of 2^32-1: TOO_LARGE as soon as the length arrives, nothing reserved', async () => {
    const outcome = await attack('length 2^32-1', (_, socket) => socket.write(Buffer.from([0xff, 0xff, 0xff, 0xff])));
    expect([outcome.error?.code, outcome.error?.virErrorCode, outcome.open]).toEqual(['TOO_LARGE', 39, false]);
    expect(outcome.error?.message).toBe('packet 4294967295 bytes received from server too large, want 33554436');
  });

  it('a lying length: 32 MiB announced, 1 MiB sent, then silence: TIMEOUT, only what was sent held', async () => {
    const outcome = await attack(
      'lying length (32 MiB announced, 1 MiB sent)',
      (call, socket) => {
        const header = hostnameReply(call);
        header.writeUInt32BE(32 * 1024 * 1024);
        socket.write(Buffer.concat([header, Buffer.alloc(1024 * 1024 - header.length)]));
      },
      { timeoutMs: 1000 },
    );
    expect(outcome.error?.code).toBe('TIMEOUT');
  });

  it('a truncated reply, then the peer closes: CLOSED', async () => {
    const outcome = await attack('truncated reply, then close', (call, socket) => socket.end(hostnameReply(call).subarray(0, 20)));
    expect([outcome.error?.code, outcome.open]).toEqual(['CLOSED', false]);
  });

  it('the peer closes mid-reply (a reset): CLOSED', async () => {
    const outcome = await attack('closed mid-reply', (call, socket) => {
      const bytes = hostnameReply(call);
      socket.write(bytes.subarray(0, bytes.length - 5), () => socket.destroy());
    });
    expect([outcome.error?.code, outcome.open]).toEqual(['CLOSED', false]);
  });

  for (const [what, change] of [
    ['program', { prog: 0x12345678 }],
    ['version', { vers: 99 }],
    ['procedure', { proc: 9999 }],
  ] as const) {
    it(`a reply with the wrong ${what}: PROTOCOL, connection closed`, async () => {
      const outcome = await attack(`wrong ${what}`, (call, socket) => socket.write(hostnameReply(call, change)));
      expect([outcome.error?.code, outcome.error?.virErrorCode, outcome.open]).toEqual(['PROTOCOL', 39, false]);
    });
  }

  it('a reply to a serial never asked: PROTOCOL for the call in flight, connection closed', async () => {
    const outcome = await attack('reply to a serial never asked', (call, socket) => socket.write(hostnameReply(call, { serial: call.header.serial + 1000 })));
    expect([outcome.error?.code, outcome.open]).toEqual(['PROTOCOL', false]);
  });

  it('an unbounded stream of events nobody listens to: dropped; the reply behind them arrives', async () => {
    const msg = { callbackID: 1, msg: { dom: { name: 'flood', uuid: new Uint8Array(16), id: 1 }, event: 0, detail: 0 } };
    const event = Buffer.from(encodePacket(
      new XdrWriter(),
      { prog: REMOTE_PROGRAM, vers: 1, proc: REMOTE_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE, type: VIR_NET_MESSAGE, serial: 0, status: VIR_NET_OK },
      xdrRemoteDomainEventCallbackLifecycleMsg,
      msg,
    ));
    // 200,000 events (about 14 MB) in 64 KiB writes, then the reply.
    const burst = Buffer.concat(Array.from({ length: Math.floor(65536 / event.length) }, () => event));
    const outcome = await attack(
      'event flood (200,000 events) before the reply',
      (call, socket) => {
        let sent = 0;
        const more = () => {
          while (sent < 200_000) {
            sent += burst.length / event.length;
            if (!socket.write(burst)) return void socket.once('drain', more);
          }
          socket.write(hostnameReply(call));
        };
        more();
      },
      { timeoutMs: 30_000 },
    );
    expect([outcome.error, outcome.open]).toEqual([undefined, true]);
  });

  it('a peer that never answers, keepalive on (100 ms x 3): KEEPALIVE, connection closed', async () => {
    const outcome = await attack('silent peer, keepalive 100 ms x 3', () => {}, { keepalive: true, timeoutMs: 30_000 });
    expect([outcome.error?.code, outcome.error?.virErrorCode, outcome.open]).toEqual(['KEEPALIVE', 1, false]);
    expect(outcome.error?.message).toMatch(/closed due to keepalive timeout/);
  });

  it('a peer that never answers one call, no keepalive: TIMEOUT; the connection stays usable', async () => {
    const outcome = await attack('silent on one call, no keepalive', firstCall(() => {}), { timeoutMs: 300 });
    expect([outcome.error?.code, outcome.open]).toEqual(['TIMEOUT', true]);
    expect(await usableAfter((call, socket) => socket.write(hostnameReply(call)))).toBe('fake');
  });

  it('a lying string length inside a reply: XDR on that call only; the connection stays usable', async () => {
    const outcome = await attack(
      'lying string length in a body',
      firstCall((call, socket) => {
        const bytes = hostnameReply(call);
        bytes.writeUInt32BE(4000, 28);
        socket.write(bytes);
      }),
    );
    expect([outcome.error?.code, outcome.open]).toEqual(['XDR', true]);
    expect(await usableAfter((call, socket) => socket.write(hostnameReply(call)))).toBe('fake');
  });
});
