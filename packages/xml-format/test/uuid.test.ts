import { describe, expect, it } from 'vitest';
import { canonicalUuid, formatUuid, parseUuid } from '../src/values/uuid.js';

const CANONICAL = '6695eb01-f6a4-8304-79aa-97f2502e193f';
const parsed = (text: string) => {
  const bytes = parseUuid(text);
  return bytes && formatUuid(bytes);
};

describe("parseUuid follows libvirt's virUUIDParse", () => {
  it.each([
    ['the canonical form', CANONICAL],
    ['32 bare digits', '6695eb01f6a4830479aa97f2502e193f'],
    ['upper case', CANONICAL.toUpperCase()],
    ['dashes between any pairs', '6695eb01-f6a48304-79aa97f2-502e193f'],
    ['runs of dashes and spaces, leading too', '--6695eb01 f6a4 8304 79aa 97f2 502e 193f'],
    ['surrounding whitespace', ` \t\n${CANONICAL}\r\n `],
    ['text after a NUL, as C never sees it', `${CANONICAL}\0garbage`],
  ])('accepts %s', (_, text) => {
    expect(parsed(text)).toBe(CANONICAL);
  });

  it.each([
    ['31 digits', CANONICAL.slice(0, -1)],
    ['33 digits', `${CANONICAL}0`],
    ['a dash inside a pair', '6-695eb01-f6a4-8304-79aa-97f2502e193f'],
    ['a trailing dash', `${CANONICAL}-`],
    ['a non-hex digit', CANONICAL.replace('e', 'g')],
    ['the empty string', ''],
    ['whitespace only', '   '],
    ['a tab between pairs (only - and space are)', CANONICAL.replace('-', '\t')],
    ['braces', `{${CANONICAL}}`],
  ])('refuses %s', (_, text) => {
    expect(parseUuid(text)).toBeUndefined();
  });

  it('formats what it parses, byte for byte', () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => i * 17);
    expect(formatUuid(bytes)).toBe('00112233-4455-6677-8899-aabbccddeeff');
    expect(parseUuid(formatUuid(bytes))).toEqual(bytes);
  });

  it('gives the canonical text of what it accepts, undefined for what it refuses', () => {
    expect(canonicalUuid(' EF86180145B911CB88E3AFBFE5370493 ')).toBe('ef861801-45b9-11cb-88e3-afbfe5370493');
    expect(canonicalUuid('4-dea22b31d52d8f32516782e98ab3fa0')).toBeUndefined();
  });
});
