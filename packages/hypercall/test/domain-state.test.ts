import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDomainFlags, decodeShutdownReason, domainStateFromFlags, formatUuid } from '../src/index.js';

const DYING = 1;
const SHUTDOWN = 4;
const PAUSED = 8;
const BLOCKED = 16;
const RUNNING = 32;
const reason = (code: number) => SHUTDOWN | (code << 16);

describe('domain flags to state', () => {
  const cases: [string, number, string][] = [
    ['nothing set', 0, 'nostate'],
    ['running', RUNNING, 'running'],
    ['blocked', BLOCKED, 'blocked'],
    ['paused', PAUSED, 'paused'],
    ['paused and blocked (0.1.3 gave no state)', PAUSED | BLOCKED, 'paused'],
    ['running with the HVM bit', RUNNING | 2, 'running'],
    ['running xenstore domain with HAP', RUNNING | (1 << 7) | (1 << 8), 'running'],
    ['dying', DYING | BLOCKED, 'shutdown'],
    ['shut down, poweroff', reason(0), 'shutoff'],
    ['shut down, reboot', reason(1), 'shutoff'],
    ['shut down, crash', reason(3), 'crashed'],
  ];
  for (const [name, flags, state] of cases) {
    it(`${name} -> ${state}`, () => expect(domainStateFromFlags(flags)).toBe(state));
  }

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

  it('formats a handle as a UUID', () => {
    const handle = Uint8Array.from({ length: 16 }, (_, i) => i * 17);
    expect(formatUuid(handle)).toBe('00112233-4455-6677-8899-aabbccddeeff');
  });
});
