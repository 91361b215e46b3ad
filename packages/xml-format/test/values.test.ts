import { describe, expect, it } from 'vitest';
import { canonicalMac } from '../src/values/mac.js';
import { memorySizeToKib } from '../src/values/memory-size.js';
import { formatCpuBitmap, parseCpuBitmap } from '../src/values/cpu-bitmap.js';

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

describe('parseCpuBitmap / formatCpuBitmap (virBitmapParse, virBitmapFormat)', () => {
  const canonical = (text: string) => {
    const cpus = parseCpuBitmap(text);
    return cpus && formatCpuBitmap(cpus);
  };

  it('reads numbers, ranges and removals, blanks around them, and writes ranges back', () => {
    expect(canonical('0-3,^2')).toBe('0-1,3');
    expect(canonical(' 1 , 2 ')).toBe('1-2');
    expect(canonical('1 - 3')).toBe('1-3');
    expect(canonical('^5,1,1')).toBe('1');
    expect(canonical('2-2')).toBe('2');
    expect(canonical('16383')).toBe('16383');
    expect(canonical('^1')).toBe('');
  });

  it('refuses what is not a bitmap, and CPUs past the mask', () => {
    for (const bad of ['', ' ', 'aaa', '1,,2', '3-1', '1-', '-1', '0x1', '1;2', '1 2', '1-3,^1-2', '16384', '^99999,1']) {
      expect(parseCpuBitmap(bad), bad).toBeUndefined();
    }
    expect(parseCpuBitmap('4096', 4096)).toBeUndefined();
  });
});
