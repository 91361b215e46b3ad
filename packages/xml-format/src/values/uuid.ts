/**
 * UUIDs as libvirt reads and writes them (src/util/viruuid.c): the one UUID module of the
 * project. Every package that reads a UUID (domain XML, xend's records, xm/xl configs, virt's
 * API) parses it here, so the same text is accepted or refused everywhere.
 */

/** g_ascii_isspace on a UTF-16 code: space, \t, \n, \v, \f, \r. */
const isSpace = (code: number) => code === 32 || (code >= 9 && code <= 13);

/** A hex digit's value, -1 for any other code (NaN, past the end, too). */
function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  const lower = code | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1; // a-f, A-F
}

/**
 * virUUIDParse: 16 bytes from `text`, or undefined. As libvirt: leading and trailing whitespace is
 * skipped, '-' and ' ' may stand anywhere between two-digit pairs (so `12345678-12345678-...` and
 * 32 bare digits both parse), and there must be exactly 32 hex digits, of either case. A NUL
 * ends the text, as it ends a C string. Read by char codes: every domain of a node file is parsed
 * here, and a one-character string per character cost more than the rest.
 */
export function parseUuid(text: string): Uint8Array | undefined {
  const nul = text.indexOf('\0');
  const end = nul < 0 ? text.length : nul;
  let at = 0;
  while (at < end && isSpace(text.charCodeAt(at))) at++;
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; ) {
    if (at >= end) return undefined;
    const c = text.charCodeAt(at);
    if (c === 45 || c === 32) {
      // '-' or ' '
      at++;
      continue;
    }
    const high = hexValue(c);
    const low = at + 1 < end ? hexValue(text.charCodeAt(at + 1)) : -1;
    if (high < 0 || low < 0) return undefined;
    bytes[i++] = high * 16 + low;
    at += 2;
  }
  for (; at < end; at++) if (!isSpace(text.charCodeAt(at))) return undefined;
  return bytes;
}

const HEX_PAIRS = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** virUUIDFormat: 16 bytes -> lower-case 8-4-4-4-12 (from a table of pairs: drivers format a UUID per call). */
export function formatUuid(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) text += '-';
    text += HEX_PAIRS[bytes[i] as number];
  }
  return text;
}

/** Whether two UUIDs (16 bytes each) are the same. */
export function uuidEquals(a: Uint8Array, b: Uint8Array): boolean {
  // The same array, the common case (a handle holds its driver's bytes): no loop in the interpreter.
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The canonical lower-case 8-4-4-4-12 form of what virUUIDParse accepts, or undefined. */
export function canonicalUuid(text: string): string | undefined {
  const bytes = parseUuid(text);
  return bytes && formatUuid(bytes);
}
