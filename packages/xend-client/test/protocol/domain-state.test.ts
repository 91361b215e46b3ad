import { describe, expect, it } from 'vitest';
import { mostSeriousStateFlag } from '../../src/protocol/domain-state.js';

describe('mostSeriousStateFlag', () => {
  it.each([
    ['r-----', 'running'],
    ['-b----', 'blocked'],
    ['--p---', 'paused'],
    ['---s--', 'shutdown'],
    ['----c-', 'crashed'],
    ['-----d', 'dying'],
    ['------', undefined],
  ])('%s is %s', (flags, flag) => {
    expect(mostSeriousStateFlag(flags)).toBe(flag);
  });

  it('is undefined without a state string', () => {
    expect(mostSeriousStateFlag(undefined)).toBeUndefined();
  });

  it.each([
    ['rb-s-d', 'shutdown'],
    ['r-p-c-', 'crashed'],
    ['-bp--d', 'dying'],
    ['rbp---', 'paused'],
    ['rb----', 'blocked'],
  ])('with several flags set, %s is the most serious: %s', (flags, flag) => {
    expect(mostSeriousStateFlag(flags)).toBe(flag);
  });
});
