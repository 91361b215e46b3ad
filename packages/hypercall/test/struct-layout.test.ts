import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytes, defineStruct, HypercallError, u8, u16, u32, u64 } from '../src/index.js';

const sample = defineStruct('sample', 40, {
  a: u8(0),
  b: u16(2),
  c: u32(4),
  d: u64(8),
  e: bytes(16, 16),
  f: u32(32),
});

describe('defineStruct', () => {
  it('decode(encode(x)) is x, little-endian at the written offsets', () => {
    fc.assert(
      fc.property(
        fc.record({
          a: fc.integer({ min: 0, max: 0xff }),
          b: fc.integer({ min: 0, max: 0xffff }),
          c: fc.integer({ min: 0, max: 0xffff_ffff }),
          d: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
          e: fc.uint8Array({ minLength: 16, maxLength: 16 }),
          f: fc.integer({ min: 0, max: 0xffff_ffff }),
        }),
        fc.integer({ min: 0, max: 24 }),
        (values, at) => {
          const buffer = sample.encode(values, new Uint8Array(64), at);
          expect(sample.decode(buffer, at)).toEqual(values);
          expect(new DataView(buffer.buffer).getUint16(at + 2, true)).toBe(values.b);
        },
      ),
    );
  });

  it('rejects out-of-range values naming struct.field', () => {
    expect(() => sample.encode({ b: 0x10000 })).toThrow(/sample\.b: expected an integer from 0 to 65535/);
    expect(() => sample.encode({ d: -1n })).toThrow(/sample\.d/);
    expect(() => sample.encode({ c: 1.5 })).toThrow(HypercallError);
    expect(() => sample.encode({ e: new Uint8Array(17) })).toThrow(/at most 16 bytes/);
  });

  it('reports a short reply as BAD_REPLY', () => {
    const error = (() => {
      try {
        sample.decode(new Uint8Array(39));
      } catch (e) {
        return e;
      }
    })();
    expect(HypercallError.isInstance(error) && error.code).toBe('BAD_REPLY');
  });

  it('refuses a field past the end of the struct', () => {
    expect(() => defineStruct('broken', 4, { x: u64(0) })).toThrow(/broken\.x ends at 8/);
  });
});
