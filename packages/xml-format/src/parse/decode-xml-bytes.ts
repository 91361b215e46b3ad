// Bytes of an XML document -> the string the parser reads, keeping what libxml2 would refuse.
// libvirt hands libxml2 bytes; our API takes strings. A byte that is not part of a UTF-8 sequence
// becomes the lone surrogate U+DC00+byte (Python's "surrogateescape"), so the parser can refuse it
// with libxml2's words and name the byte. UTF-8-encoded surrogates (ED A0..BF xx) decode to the
// lone surrogate they encode, as libxml2 decodes them before refusing the character. Pure.

const strict = new TextDecoder('utf-8', { fatal: true });

/** First code unit of the escapes for bytes that are not UTF-8: U+DC80..U+DCFF stand for 0x80..0xFF. */
export const BYTE_ESCAPE_BASE = 0xdc00;

/** `bytes` as UTF-8, with each byte that is not part of a valid sequence kept as U+DC00+byte. */
export function decodeXmlBytes(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    return decodeWithEscapes(bytes);
  }
}

function decodeWithEscapes(bytes: Uint8Array): string {
  const parts: string[] = [];
  let runStart = 0;
  let at = 0;
  while (at < bytes.length) {
    const length = sequenceLength(bytes, at);
    if (length > 0) {
      at += length;
      continue;
    }
    if (runStart < at) parts.push(strict.decode(bytes.subarray(runStart, at)));
    const lead = bytes[at]!;
    // An encoded surrogate is decoded (to the lone surrogate); any other bad byte is escaped.
    if (lead === 0xed && isContinuation(bytes[at + 1]) && bytes[at + 1]! >= 0xa0 && isContinuation(bytes[at + 2])) {
      parts.push(String.fromCharCode(0xd000 | ((bytes[at + 1]! & 0x3f) << 6) | (bytes[at + 2]! & 0x3f)));
      at += 3;
    } else {
      parts.push(String.fromCharCode(BYTE_ESCAPE_BASE + lead));
      at += 1;
    }
    runStart = at;
  }
  if (runStart < at) parts.push(strict.decode(bytes.subarray(runStart, at)));
  return parts.join('');
}

function isContinuation(byte: number | undefined): boolean {
  return byte !== undefined && (byte & 0xc0) === 0x80;
}

/** Length of the valid UTF-8 sequence at `at` (1-4), or 0 when the bytes there are not one. */
function sequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at]!;
  if (lead < 0x80) return 1;
  const second = bytes[at + 1];
  if (!isContinuation(second)) return 0;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) {
    if ((lead === 0xe0 && second! < 0xa0) || (lead === 0xed && second! >= 0xa0)) return 0;
    return isContinuation(bytes[at + 2]) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    if ((lead === 0xf0 && second! < 0x90) || (lead === 0xf4 && second! >= 0x90)) return 0;
    return isContinuation(bytes[at + 2]) && isContinuation(bytes[at + 3]) ? 4 : 0;
  }
  return 0;
}

/** The bytes the first `count` bytes' worth of `text` from `offset` stand for (escapes as their byte). */
export function bytesAt(text: string, offset: number, count: number): number[] {
  const bytes: number[] = [];
  for (let at = offset; at < text.length && bytes.length < count; at += 1) {
    const unit = text.charCodeAt(at);
    if (unit >= BYTE_ESCAPE_BASE + 0x80 && unit <= BYTE_ESCAPE_BASE + 0xff) {
      bytes.push(unit - BYTE_ESCAPE_BASE);
      continue;
    }
    const code = text.codePointAt(at)!;
    if (code > 0xffff) at += 1;
    bytes.push(...new TextEncoder().encode(String.fromCodePoint(code)));
  }
  return bytes.slice(0, count);
}
