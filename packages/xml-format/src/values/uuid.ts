/**
 * UUIDs as libvirt reads and writes them (src/util/viruuid.c): the one UUID module of the
 * project. Every package that reads a UUID (domain XML, xend's records, xm/xl configs, virt's
 * API) parses it here, so the same text is accepted or refused everywhere.
 */

/** g_ascii_isspace: space, \t, \n, \v, \f, \r. */
const isSpace = (c: string | undefined) => c === ' ' || (c !== undefined && c >= '\t' && c <= '\r');

function hexValue(c: string | undefined): number {
  if (c === undefined) return -1;
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  const lower = code | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1; // a-f, A-F
}

/**
 * virUUIDParse: 16 bytes from `text`, or undefined. As libvirt: leading and trailing whitespace is
 * skipped, '-' and ' ' may stand anywhere between two-digit pairs (so `12345678-12345678-...` and
 * 32 bare digits both parse), and there must be exactly 32 hex digits, of either case. A NUL
 * ends the text, as it ends a C string.
 */
export function parseUuid(text: string): Uint8Array | undefined {
  const end = text.includes('\0') ? text.indexOf('\0') : text.length;
  let at = 0;
  while (at < end && isSpace(text[at])) at++;
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; ) {
    if (at >= end) return undefined;
    const c = text[at];
    if (c === '-' || c === ' ') {
      at++;
      continue;
    }
    const high = hexValue(c);
    const low = at + 1 < end ? hexValue(text[at + 1]) : -1;
    if (high < 0 || low < 0) return undefined;
    bytes[i++] = high * 16 + low;
    at += 2;
  }
  for (; at < end; at++) if (!isSpace(text[at])) return undefined;
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
