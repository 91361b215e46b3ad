import { RemoteError } from '../remote-error.js';
import { decodeHeader, PACKET_MAX, PACKET_MIN, type Packet } from './packet.js';

/**
 * Splits a byte stream into packets: push each chunk as it arrives, split anywhere; each whole
 * packet is handed to `onPacket`. A length under the header's size or over libvirt's limit is an
 * error (the stream cannot be resynchronised after it): `push` throws and every later push too.
 * Memory follows the bytes actually received: an announced length reserves nothing, so a peer
 * that lies about a length holds at most what it sent, never more than one packet (PACKET_MAX).
 */
export class PacketDecoder {
  /** The chunks of the packet being assembled and its announced length (0: not known yet). */
  private parts: Uint8Array[] = [];
  private partsLength = 0;
  private expected = 0;
  private failure: RemoteError | undefined;

  constructor(private readonly onPacket: (packet: Packet) => void) {}

  /** Bytes received but not yet handed out as a packet. */
  get buffered(): number {
    return this.partsLength;
  }

  push(chunk: Uint8Array): void {
    if (this.failure) throw this.failure;
    let offset = 0;
    while (offset < chunk.length) {
      if (this.partsLength === 0 && chunk.length - offset >= 4) {
        // Fast path: a whole packet inside the chunk is handed out without a copy.
        const length = readLength(chunk, offset);
        this.check(length);
        if (chunk.length - offset >= length) {
          this.emit(chunk.subarray(offset, offset + length));
          offset += length;
          continue;
        }
        this.expected = length;
      }
      const wanted = this.expected === 0 ? 4 - this.partsLength : this.expected - this.partsLength;
      const take = Math.min(wanted, chunk.length - offset);
      this.parts.push(chunk.slice(offset, offset + take));
      this.partsLength += take;
      offset += take;
      if (this.expected === 0) {
        if (this.partsLength < 4) return;
        const length = readLength(concat(this.parts, 4), 0);
        this.check(length);
        this.expected = length;
        continue;
      }
      if (this.partsLength === this.expected) {
        const whole = concat(this.parts, this.expected);
        this.parts = [];
        this.partsLength = 0;
        this.expected = 0;
        this.emit(whole);
      }
    }
  }

  private check(length: number): void {
    if (length < PACKET_MIN) {
      this.failure = new RemoteError({ code: 'PROTOCOL', message: `packet ${length} bytes received from server too small, want ${PACKET_MIN}` });
    } else if (length > PACKET_MAX) {
      this.failure = new RemoteError({ code: 'TOO_LARGE', message: `packet ${length} bytes received from server too large, want ${PACKET_MAX}` });
    }
    if (this.failure) throw this.failure;
  }

  private emit(bytes: Uint8Array): void {
    let header: Packet['header'];
    try {
      header = decodeHeader(bytes);
    } catch (error) {
      this.failure = new RemoteError({ code: 'PROTOCOL', message: `bad packet header: ${(error as Error).message}`, cause: error });
      throw this.failure;
    }
    this.onPacket({ header, bytes });
  }
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const whole = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  return whole;
}

function readLength(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!) >>> 0;
}
