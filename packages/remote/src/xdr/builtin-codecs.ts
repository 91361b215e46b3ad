import type { XdrCodec } from './xdr-codec.js';

/** Codecs of XDR's builtin types, for arrays and optionals of them. */
export const xdrInt: XdrCodec<number> = { encode: (w, v) => w.int(v), decode: (r) => r.int() };
export const xdrUnsignedInt: XdrCodec<number> = { encode: (w, v) => w.uint(v), decode: (r) => r.uint() };
export const xdrHyper: XdrCodec<bigint> = { encode: (w, v) => w.hyper(v), decode: (r) => r.hyper() };
export const xdrUnsignedHyper: XdrCodec<bigint> = { encode: (w, v) => w.uhyper(v), decode: (r) => r.uhyper() };
export const xdrFloat: XdrCodec<number> = { encode: (w, v) => w.float(v), decode: (r) => r.float() };
export const xdrDouble: XdrCodec<number> = { encode: (w, v) => w.double(v), decode: (r) => r.double() };
export const xdrBool: XdrCodec<boolean> = { encode: (w, v) => w.bool(v), decode: (r) => r.bool() };
export const xdrChar: XdrCodec<number> = {
  encode: (w, v) => w.ranged(v, -128, 127, 'char'),
  decode: (r) => r.ranged(-128, 127, 'char'),
};
export const xdrUnsignedChar: XdrCodec<number> = {
  encode: (w, v) => w.ranged(v, 0, 255, 'unsigned char'),
  decode: (r) => r.ranged(0, 255, 'unsigned char'),
};
export const xdrShort: XdrCodec<number> = {
  encode: (w, v) => w.ranged(v, -32768, 32767, 'short'),
  decode: (r) => r.ranged(-32768, 32767, 'short'),
};
export const xdrUnsignedShort: XdrCodec<number> = {
  encode: (w, v) => w.ranged(v, 0, 65535, 'unsigned short'),
  decode: (r) => r.ranged(0, 65535, 'unsigned short'),
};
