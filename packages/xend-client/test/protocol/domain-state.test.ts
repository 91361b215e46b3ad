import { describe, expect, it } from 'vitest';
import { DomainState, decodeDomainState } from '../../src/protocol/domain-state.js';

describe('decodeDomainState', () => {
  it.each([
    ['r-----', DomainState.RUNNING],
    ['-b----', DomainState.BLOCKED],
    ['--p---', DomainState.PAUSED],
    ['---s--', DomainState.SHUTDOWN],
    ['----c-', DomainState.CRASHED],
    ['-----d', DomainState.SHUTOFF],
    ['------', DomainState.NOSTATE],
  ])('%s is state %i', (flags, state) => {
    expect(decodeDomainState(flags)).toBe(state);
  });

  it('is NOSTATE without a state node', () => {
    expect(decodeDomainState(undefined)).toBe(DomainState.NOSTATE);
  });

  // libvirt tests the letters in the order c, s, d, p, b, r: the first found wins.
  it.each([
    ['rb-s-d', DomainState.SHUTDOWN],
    ['r-p-c-', DomainState.CRASHED],
    ['-bp--d', DomainState.SHUTOFF],
    ['rbp---', DomainState.PAUSED],
    ['rb----', DomainState.BLOCKED],
  ])('several flags %s give the most serious, %i', (flags, state) => {
    expect(decodeDomainState(flags)).toBe(state);
  });
});
