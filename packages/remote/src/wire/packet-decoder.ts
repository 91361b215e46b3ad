import { RemoteError } from '../remote-error.js';
import { decodeHeader, PACKET_MAX, PACKET_MIN, type Packet } from './packet.js';

/**
 * Splits a byte stream into packets: push each chunk as it arrives, split anywhere; each whole
 * packet is handed to `onPacket`. A length under the header's size or over libvirt's limit is an
 * error (the stream cannot be resynchronised after it): `push` throws and every later push too.
 * At most one packet's bytes (at most PACKET_MAX) are held.
 */
export class PacketDecoder {
  /** The packet being assembled, once its length is known. */
  private partial: Uint8Array | undefined;
  private filled = 0;
  /** Bytes of a length word split across chunks. */
  private readonly lengthBytes = new Uint8Array(4);
  private lengthFilled = 0;
  private failure: RemoteError | undefined;

  constructor(private readonly onPacket: (packet: Packet) => void) {}

  /** Bytes received but not yet handed out as a packet. */
  get buffered(): number {
    return this.partial === undefined ? this.lengthFilled : this.filled;
  }

  push(chunk: Uint8Array): void {
    if (this.failure) throw this.failure;
    let offset = 0;
    while (offset < chunk.length) {
      if (this.partial === undefined) {
        // Fast path: a whole packet inside the chunk is handed out without a copy.
        if (this.lengthFilled === 0 && chunk.length - offset >= 4) {
          const length = readLength(chunk, offset);
          this.check(length);
          if (chunk.length - offset >= length) {
            this.emit(chunk.subarray(offset, offset + length));
            offset += length;
            continue;
          }
          this.start(length);
          continue;
        }
        const take = Math.min(4 - this.lengthFilled, chunk.length - offset);
        this.lengthBytes.set(chunk.subarray(offset, offset + take), this.lengthFilled);
        this.lengthFilled += take;
        offset += take;
        if (this.lengthFilled < 4) return;
        const length = readLength(this.lengthBytes, 0);
        this.check(length);
        this.start(length);
        this.partial!.set(this.lengthBytes, 0);
        this.filled = 4;
        this.lengthFilled = 0;
        continue;
      }
      const take = Math.min(this.partial.length - this.filled, chunk.length - offset);
      this.partial.set(chunk.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === this.partial.length) {
        const whole = this.partial;
        this.partial = undefined;
        this.filled = 0;
        this.emit(whole);
      }
    }
  }

  private start(length: number): void {
    this.partial = new Uint8Array(length);
    this.filled = 0;
  }

  private check(length: number): void {
    if (length < PACKET_MIN) {
      this.failure = new RemoteError('PROTOCOL', `packet ${length} bytes received from server too small, want ${PACKET_MIN}`);
    } else if (length > PACKET_MAX) {
      this.failure = new RemoteError('TOO_LARGE', `packet ${length} bytes received from server too large, want ${PACKET_MAX}`);
    }
    if (this.failure) throw this.failure;
  }

  private emit(bytes: Uint8Array): void {
    let header: Packet['header'];
    try {
      header = decodeHeader(bytes);
    } catch (error) {
      this.failure = new RemoteError('PROTOCOL', `bad packet header: ${(error as Error).message}`, { cause: error });
      throw this.failure;
    }
    this.onPacket({ header, bytes });
  }
}

function readLength(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!) >>> 0;
}
