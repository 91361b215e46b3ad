import { describe, expect, it } from 'vitest';
import { canonicalMac } from '../src/values/mac.js';
import { memorySizeToKib } from '../src/values/memory-size.js';
import { canonicalUuid } from '../src/values/uuid.js';

describe('canonicalUuid', () => {
  it('accepts dashed and 32-hex forms, any case, and writes lower-case 8-4-4-4-12', () => {
    expect(canonicalUuid('4dea22b31d52d8f32516782e98ab3fa0')).toBe('4dea22b3-1d52-d8f3-2516-782e98ab3fa0');
    expect(canonicalUuid(' EF86180145B911CB88E3AFBFE5370493 ')).toBe('ef861801-45b9-11cb-88e3-afbfe5370493');
    expect(canonicalUuid('6695eb01-f6a4-8304-79aa-97f2502e193f')).toBe('6695eb01-f6a4-8304-79aa-97f2502e193f');
  });

  it('rejects wrong lengths, stray characters and dashes inside a byte', () => {
    for (const bad of ['', '4dea22b31d52d8f32516782e98ab3fa', '4dea22b31d52d8f32516782e98ab3fa0a', 'g'.repeat(32), '4-dea22b31d52d8f32516782e98ab3fa0']) {
      expect(canonicalUuid(bad)).toBeUndefined();
    }
  });
});

describe('canonicalMac', () => {
  it('pads one-digit groups and lower-cases', () => {
    expect(canonicalMac('AA:0:86:E2:35:72')).toBe('aa:00:86:e2:35:72');
  });

  it('rejects anything but six hex groups', () => {
    for (const bad of ['00:16:3e:1b:b1', '00:16:3e:1b:b1:47:00', '00:16:3e:1b:b1:4g', '00-16-3e-1b-b1-47', '000:16:3e:1b:b1:47']) {
      expect(canonicalMac(bad)).toBeUndefined();
    }
  });
});

describe('memorySizeToKib', () => {
  it('defaults to KiB and scales binary and decimal units, rounding up to whole KiB', () => {
    expect(memorySizeToKib('131072', undefined)).toEqual({ kib: 131072 });
    expect(memorySizeToKib('512', 'MiB')).toEqual({ kib: 524288 });
    expect(memorySizeToKib('2', 'G')).toEqual({ kib: 2097152 });
    expect(memorySizeToKib('1', 'MB')).toEqual({ kib: 977 });
    expect(memorySizeToKib('1', 'bytes')).toEqual({ kib: 1 });
  });

  it('names what is wrong', () => {
    expect(memorySizeToKib('12', 'parsecs')).toEqual({ error: 'unit' });
    expect(memorySizeToKib('-5', 'KiB')).toEqual({ error: 'number' });
    expect(memorySizeToKib('1.5', 'KiB')).toEqual({ error: 'number' });
    expect(memorySizeToKib('9'.repeat(25), 'EiB')).toEqual({ error: 'range' });
  });
});
