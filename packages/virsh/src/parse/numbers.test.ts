import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInt32, parseScaledInteger, parseUnsignedInt } from './numbers.js';

describe('parseUnsignedInt', () => {
  it('accepts what virStrToLong_uip accepts', () => {
    expect(['1', '+1', '01', ' 2', '4294967295', '-0'].map(parseUnsignedInt)).toEqual([1, 1, 1, 2, 4294967295, 0]);
  });

  it('rejects negatives, junk and overflow', () => {
    expect(['-1', '1x', '', 'abc', '4294967296', '0x10', '1 '].map(parseUnsignedInt)).toEqual(Array(7).fill(undefined));
  });

  it('reads back every unsigned int', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => parseUnsignedInt(String(n)) === n));
  });
});

describe('parseInt32', () => {
  it('reads signed ints within range', () => {
    expect(['-5', '2147483647', '-2147483648', '2147483648'].map(parseInt32)).toEqual([-5, 2147483647, -2147483648, undefined]);
  });
});

describe('parseScaledInteger', () => {
  const max = 0xffffffffffffffffn;
  const bytes = (text: string) => {
    const r = parseScaledInteger(text, 1024n, max);
    return r.ok ? r.value : r.libvirtError ?? 'malformed';
  };

  it('scales by the unit suffix, KiB by default', () => {
    expect(['10', '10b', '10k', '10KiB', '10kb', '1M', '1G', '1t', '1e', '1EiB'].map(bytes)).toEqual([
      10240n,
      10n,
      10240n,
      10240n,
      10000n,
      1048576n,
      1073741824n,
      1099511627776n,
      1152921504606846976n,
      1152921504606846976n,
    ]);
  });

  it("words errors as libvirt's virScaleInteger", () => {
    expect(bytes('1.5')).toBe("invalid argument: unknown suffix '.5'");
    expect(bytes('0x10')).toBe("invalid argument: unknown suffix 'x10'");
    expect(bytes('1q')).toBe("invalid argument: unknown suffix 'q'");
    expect(bytes('-5')).toBe('malformed');
    expect(bytes('abc')).toBe('malformed');
    expect(bytes('20000000000000000000')).toBe('malformed');
    expect(bytes('99999999999999999')).toBe('numerical overflow: value too large: 99999999999999999');
  });
});
