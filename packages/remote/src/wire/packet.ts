import {
  VIR_NET_MESSAGE_HEADER_MAX,
  VIR_NET_MESSAGE_LEN_MAX,
  VIR_NET_MESSAGE_MAX,
  type VirNetMessageHeader,
  xdrVirNetMessageHeader,
} from '../generated/virnetprotocol.js';
import { RemoteError } from '../remote-error.js';
import type { XdrCodec } from '../xdr/xdr-codec.js';
import { XdrReader } from '../xdr/xdr-reader.js';
import type { XdrWriter } from '../xdr/xdr-writer.js';

/** The most bytes one packet may take on the wire, its 4-byte length included (libvirt's limit). */
export const PACKET_MAX = VIR_NET_MESSAGE_MAX + VIR_NET_MESSAGE_LEN_MAX;
/** The fewest: a length and a header with no body. */
export const PACKET_MIN = VIR_NET_MESSAGE_LEN_MAX + VIR_NET_MESSAGE_HEADER_MAX;
/** Where a packet's body starts. */
export const BODY_OFFSET = PACKET_MIN;

export type PacketHeader = VirNetMessageHeader;

/** One whole packet as received: its header and its bytes (length word included). */
export interface Packet {
  header: PacketHeader;
  bytes: Uint8Array;
}

/**
 * Writes one packet (length, header, body) into `writer`, which is reset first, and returns a copy
 * of its bytes. Throws `TOO_LARGE` if it would be over libvirt's limit.
 */
export function encodePacket<T>(writer: XdrWriter, header: PacketHeader, codec: XdrCodec<T>, body: T): Uint8Array {
  writer.reset();
  writer.uint(0);
  xdrVirNetMessageHeader.encode(writer, header);
  codec.encode(writer, body);
  if (writer.length > PACKET_MAX) {
    throw new RemoteError({ code: 'TOO_LARGE', message: `packet of ${writer.length} bytes is over the limit of ${PACKET_MAX}`, procedure: header.proc });
  }
  writer.patchUint32(0, writer.length);
  return writer.toBytes();
}

/** Reads a packet's header (its bytes start with the length word, already checked). */
export function decodeHeader(bytes: Uint8Array): PacketHeader {
  return xdrVirNetMessageHeader.decode(new XdrReader(bytes, VIR_NET_MESSAGE_LEN_MAX, PACKET_MIN));
}

/** Decodes a packet's body with `codec`; every byte must be used. */
export function decodeBody<T>(packet: Packet, codec: XdrCodec<T>): T {
  const reader = new XdrReader(packet.bytes, BODY_OFFSET);
  const value = codec.decode(reader);
  reader.done();
  return value;
}
