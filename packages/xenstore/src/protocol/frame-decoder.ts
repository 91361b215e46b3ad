import { XenstoreError } from '../errors.js';
import { HEADER_SIZE, PAYLOAD_MAX, readHeader, type XsHeader } from './header.js';
import type { XsMessage } from './message.js';

/**
 * Streaming frame decoder: feed it chunks as they arrive, split anywhere, and it returns the
 * complete frames. It never holds more than one header plus `maxPayload` bytes of a frame
 * (default PAYLOAD_MAX); a header announcing a longer payload throws `E2BIG` (the stream cannot
 * be resynced), after which the decoder refuses further input.
 */
export class FrameDecoder {
  constructor(private readonly maxPayload: number = PAYLOAD_MAX) {}

  private pending: Uint8Array = new Uint8Array(0);
  private header: XsHeader | undefined;
  private failed: XenstoreError | undefined;

  /** Bytes received but not yet part of a returned frame. */
  get bufferedBytes(): number {
    return this.pending.length;
  }

  push(chunk: Uint8Array): XsMessage[] {
    if (this.failed) throw this.failed;
    let data = this.pending.length === 0 ? chunk : concat(this.pending, chunk);
    const messages: XsMessage[] = [];
    for (;;) {
      if (!this.header) {
        if (data.length < HEADER_SIZE) break;
        const header = readHeader(data);
        if (header.len > this.maxPayload) {
          this.failed = new XenstoreError({ code: 'E2BIG', message: `frame announces ${header.len} payload bytes, more than ${this.maxPayload}`, type: header.type });
          this.pending = new Uint8Array(0);
          throw this.failed;
        }
        this.header = header;
        data = data.subarray(HEADER_SIZE);
      }
      const { len } = this.header;
      if (data.length < len) break;
      // Copy so a returned payload never pins a large chunk nor changes under the caller.
      messages.push({ type: this.header.type, reqId: this.header.reqId, txId: this.header.txId, payload: new Uint8Array(data.subarray(0, len)) });
      data = data.subarray(len);
      this.header = undefined;
    }
    this.pending = new Uint8Array(data);
    return messages;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
