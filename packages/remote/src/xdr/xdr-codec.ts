import type { XdrReader } from './xdr-reader.js';
import type { XdrWriter } from './xdr-writer.js';

/** How one XDR type is written and read; the generated code has one per type of the .x files. */
export interface XdrCodec<T> {
  encode(writer: XdrWriter, value: T): void;
  decode(reader: XdrReader): T;
}

/** XDR's `void`: no bytes. */
export const xdrVoid: XdrCodec<void> = {
  encode() {},
  decode() {},
};

/** The most a variable-length item with no bound in the .x file (`<>`) can hold. */
export const XDR_UNBOUNDED = 0xffffffff;
