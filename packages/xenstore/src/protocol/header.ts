/** Size of `struct xsd_sockmsg`: type, req_id, tx_id, len, each a little-endian uint32. */
export const HEADER_SIZE = 16;

/** `XENSTORE_PAYLOAD_MAX`: the largest payload in either direction. */
export const PAYLOAD_MAX = 4096;

/** `XENSTORE_ABS_PATH_MAX` and `XENSTORE_REL_PATH_MAX`. */
export const ABS_PATH_MAX = 3072;
export const REL_PATH_MAX = 2048;

export interface XsHeader {
  type: number;
  reqId: number;
  txId: number;
  len: number;
}

// Byte by byte rather than through a DataView: no allocation per frame.
function setUint32LE(target: Uint8Array, offset: number, value: number): void {
  target[offset] = value & 0xff;
  target[offset + 1] = (value >>> 8) & 0xff;
  target[offset + 2] = (value >>> 16) & 0xff;
  target[offset + 3] = (value >>> 24) & 0xff;
}

function getUint32LE(source: Uint8Array, offset: number): number {
  return (source[offset]! | (source[offset + 1]! << 8) | (source[offset + 2]! << 16) | (source[offset + 3]! << 24)) >>> 0;
}

export function writeHeader(target: Uint8Array, header: XsHeader, offset = 0): void {
  setUint32LE(target, offset, header.type);
  setUint32LE(target, offset + 4, header.reqId);
  setUint32LE(target, offset + 8, header.txId);
  setUint32LE(target, offset + 12, header.len);
}

export function readHeader(source: Uint8Array, offset = 0): XsHeader {
  return {
    type: getUint32LE(source, offset),
    reqId: getUint32LE(source, offset + 4),
    txId: getUint32LE(source, offset + 8),
    len: getUint32LE(source, offset + 12),
  };
}
