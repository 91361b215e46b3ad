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

export function writeHeader(target: Uint8Array, header: XsHeader, offset = 0): void {
  const view = new DataView(target.buffer, target.byteOffset + offset, HEADER_SIZE);
  view.setUint32(0, header.type, true);
  view.setUint32(4, header.reqId, true);
  view.setUint32(8, header.txId, true);
  view.setUint32(12, header.len, true);
}

export function readHeader(source: Uint8Array, offset = 0): XsHeader {
  const view = new DataView(source.buffer, source.byteOffset + offset, HEADER_SIZE);
  return {
    type: view.getUint32(0, true),
    reqId: view.getUint32(4, true),
    txId: view.getUint32(8, true),
    len: view.getUint32(12, true),
  };
}
