import { HEADER_SIZE, PAYLOAD_MAX, writeHeader } from './header.js';

/** One frame: the header fields and the payload (at most PAYLOAD_MAX bytes). */
export interface XsMessage {
  type: number;
  reqId: number;
  txId: number;
  payload: Uint8Array;
}

/**
 * Encodes a frame. Refuses (RangeError) a payload over PAYLOAD_MAX unless `allowOversize` is set,
 * which exists only so tests can build the frames a broken peer would send.
 */
export function encodeMessage(message: XsMessage, options: { allowOversize?: boolean } = {}): Uint8Array {
  if (message.payload.length > PAYLOAD_MAX && !options.allowOversize) {
    throw new RangeError(`xenstore payload of ${message.payload.length} bytes exceeds ${PAYLOAD_MAX}`);
  }
  const frame = new Uint8Array(HEADER_SIZE + message.payload.length);
  writeHeader(frame, {
    type: message.type,
    reqId: message.reqId >>> 0,
    txId: message.txId >>> 0,
    len: message.payload.length,
  });
  frame.set(message.payload, HEADER_SIZE);
  return frame;
}
