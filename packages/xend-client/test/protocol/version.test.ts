import { describe, expect, it } from 'vitest';
import { xenExtraRelease } from '../../src/protocol/version.js';

describe('xenExtraRelease', () => {
  it.each([
    ['.2', 2],
    ['.0', 0],
    ['.4-1', 4],
    ['.2-1', 2],
    ['-unstable', 0],
    ['.12', 12],
    [undefined, 0],
    ['', 0],
  ])('xen_extra %s is release %i', (extra, expected) => {
    expect(xenExtraRelease(extra)).toBe(expected);
  });
});
