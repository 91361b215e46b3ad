import { RemoteError } from '../remote-error.js';
import type { XdrCodec } from './xdr-codec.js';
import type { XdrReader } from './xdr-reader.js';
import type { XdrWriter } from './xdr-writer.js';

/** The error for a value an enum or union does not have. */
export function invalidValue(what: string, value: unknown): RemoteError {
  return new RemoteError({ code: 'XDR', message: `cannot encode ${String(value)} as ${what}` });
}

/** rpcgen's `T *x`: a bool, then the value when it is there. */
export function writeOptional<T>(w: XdrWriter, value: T | null, codec: XdrCodec<T>): void {
  if (value === null || value === undefined) {
    w.bool(false);
  } else {
    w.bool(true);
    codec.encode(w, value);
  }
}

export function readOptional<T>(r: XdrReader, codec: XdrCodec<T>): T | null {
  return r.bool() ? codec.decode(r) : null;
}

/** `T x<max>`: the count, then each item. */
export function writeArray<T>(w: XdrWriter, items: readonly T[], max: number, codec: XdrCodec<T>): void {
  if (!Array.isArray(items)) throw invalidValue('an array', items);
  w.count(items.length, max);
  for (const item of items) codec.encode(w, item);
}

export function readArray<T>(r: XdrReader, max: number, codec: XdrCodec<T>): T[] {
  const count = r.count(max);
  const items = new Array<T>(count);
  for (let i = 0; i < count; i++) items[i] = codec.decode(r);
  return items;
}

/** `T x[size]`: exactly `size` items, no count on the wire. */
export function writeFixedArray<T>(w: XdrWriter, items: readonly T[], size: number, codec: XdrCodec<T>): void {
  if (!Array.isArray(items) || items.length !== size) {
    throw new RemoteError({ code: 'XDR', message: `cannot encode ${Array.isArray(items) ? items.length : String(items)} items as an array of ${size}` });
  }
  for (const item of items) codec.encode(w, item);
}

export function readFixedArray<T>(r: XdrReader, size: number, codec: XdrCodec<T>): T[] {
  if (size * 4 > r.remaining) throw r.fail(`an array of ${size} needs at least ${size * 4} bytes`);
  const items = new Array<T>(size);
  for (let i = 0; i < size; i++) items[i] = codec.decode(r);
  return items;
}
