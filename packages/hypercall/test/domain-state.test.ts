import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDomainFlags, decodeShutdownReason } from '../src/index.js';

const SHUTDOWN = 4;
const reason = (code: number) => SHUTDOWN | (code << 16);

describe('domain flags', () => {
  it('names shutdown reasons, keeps unknown codes as numbers, none without the shutdown bit', () => {
    expect(decodeShutdownReason(reason(2))).toBe('suspend');
    expect(decodeShutdownReason(reason(5))).toBe('soft_reset');
    expect(decodeShutdownReason(reason(77))).toBe(77);
    expect(decodeShutdownReason(3 << 16)).toBeUndefined();
  });

  it('decodes each flag bit on its own', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), (bit) => {
        const flags = decodeDomainFlags(1 << bit);
        expect(Object.values(flags).filter(Boolean)).toHaveLength(1);
      }),
    );
  });
});
