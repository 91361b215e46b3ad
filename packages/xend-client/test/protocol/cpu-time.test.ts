import { describe, expect, it } from 'vitest';
import { secondsToNanoseconds } from '../../src/protocol/cpu-time.js';

describe('secondsToNanoseconds', () => {
  it.each([
    ['0.0', 0n],
    ['1.23', 1_230_000_000n],
    ['137.189121425', 137_189_121_425n],
    ['1090.79869479', 1_090_798_694_790n],
    ['12', 12_000_000_000n],
    ['.5', 500_000_000n],
    ['1e-05', 10_000n],
    ['2.5e+3', 2_500_000_000_000n],
    ['0.0000000009', 0n],
    ['1.9999999999', 1_999_999_999n],
    ['  7.5 ', 7_500_000_000n],
    // Beyond 2^53 ns (104 days): exact, where a double would round.
    ['31536000.123456789', 31_536_000_123_456_789n],
  ])('%s s is %s ns', (text, expected) => {
    expect(secondsToNanoseconds(text)).toBe(expected);
  });

  it.each(['', 'abc', '1.2.3', '--1', 'e5', '.'])('rejects %j', (text) => {
    expect(secondsToNanoseconds(text)).toBeUndefined();
  });
});
