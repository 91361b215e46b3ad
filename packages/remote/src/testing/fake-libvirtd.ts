// A fake libvirtd for hostile-peer tests: it completes the handshake libvirt's remote driver makes
// (auth list without authentication, the keepalive feature, CONNECT_OPEN, CONNECT_CLOSE) as
// libvirtd 9 does, never answers a keepalive PING, and hands every other call to the test.
import type { Socket } from 'node:net';
import {
  REMOTE_PROC_AUTH_LIST,
  REMOTE_PROC_CONNECT_CLOSE,
  REMOTE_PROC_CONNECT_OPEN,
  REMOTE_PROC_CONNECT_SUPPORTS_FEATURE,
  REMOTE_PROGRAM,
  xdrRemoteAuthListRet,
  xdrRemoteConnectSupportsFeatureRet,
} from '../generated/remote-protocol.js';
import { KEEPALIVE_PROGRAM } from '../generated/virkeepaliveprotocol.js';
import { VIR_NET_OK, VIR_NET_REPLY } from '../generated/virnetprotocol.js';
import { encodePacket, type Packet, type PacketHeader } from '../wire/packet.js';
import { type XdrCodec, xdrVoid } from '../xdr/xdr-codec.js';
import { XdrWriter } from '../xdr/xdr-writer.js';
import { type FakeServer, startFakeServer } from './fake-server.js';

export interface FakeLibvirtd extends FakeServer {
  /** A URI that reaches it: `test+unix:///default?socket=PATH`. */
  uri: string;
}

/** The bytes of a successful reply to `call` carrying `body` (`change` alters its header). */
export function replyBytes<T>(call: Packet, codec: XdrCodec<T>, body: T, change: Partial<PacketHeader> = {}): Buffer {
  return Buffer.from(encodePacket(new XdrWriter(), { ...call.header, type: VIR_NET_REPLY, status: VIR_NET_OK, ...change }, codec, body));
}

/**
 * Starts a fake libvirtd on a unix socket. `onCall` gets every call after the handshake and may
 * answer, break the protocol, or stay silent. With `keepalive`, it says it has the keepalive
 * program (so the client starts pinging), and still never answers.
 */
export function startFakeLibvirtd(onCall: (call: Packet, socket: Socket) => void, options: { keepalive?: boolean } = {}): Promise<FakeLibvirtd> {
  const handshake: Record<number, (call: Packet) => Buffer> = {
    [REMOTE_PROC_AUTH_LIST]: (call) => replyBytes(call, xdrRemoteAuthListRet, { types: [] }),
    [REMOTE_PROC_CONNECT_SUPPORTS_FEATURE]: (call) => replyBytes(call, xdrRemoteConnectSupportsFeatureRet, { supported: options.keepalive ? 1 : 0 }),
    [REMOTE_PROC_CONNECT_OPEN]: (call) => replyBytes(call, xdrVoid, undefined),
    [REMOTE_PROC_CONNECT_CLOSE]: (call) => replyBytes(call, xdrVoid, undefined),
  };
  return startFakeServer((packet, socket) => {
    if (packet.header.prog === KEEPALIVE_PROGRAM) return;
    const answer = packet.header.prog === REMOTE_PROGRAM ? handshake[packet.header.proc] : undefined;
    if (answer) socket.write(answer(packet));
    else onCall(packet, socket);
  }).then((server) => ({ ...server, uri: `test+unix:///default?socket=${server.path}` }));
}
