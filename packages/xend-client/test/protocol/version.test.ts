import { describe, expect, it } from 'vitest';
import { encodeXenVersion } from '../../src/protocol/version.js';

describe('encodeXenVersion', () => {
  it.each([
    [3, 0, '.2', 3_000_002],
    [3, 0, '.0', 3_000_000],
    [3, 1, '.4-1', 3_001_004],
    [3, 0, '.2-1', 3_000_002],
    [3, 2, '-unstable', 3_002_000],
    [4, 17, '.12', 4_017_012],
    [3, 0, undefined, 3_000_000],
    [3, 0, '', 3_000_000],
  ])('%i.%i%s is %i', (major, minor, extra, expected) => {
    expect(encodeXenVersion(major, minor, extra)).toBe(expected);
  });
});
