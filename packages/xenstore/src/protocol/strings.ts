// The payload conventions: strings separated (and usually terminated) by NUL bytes.

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** Concatenates byte strings and text, each followed by a NUL (`a\0b\0`). */
export function nulTerminated(parts: readonly (string | Uint8Array)[]): Uint8Array {
  const encoded = parts.map((part) => (typeof part === 'string' ? utf8(part) : part));
  const out = new Uint8Array(encoded.reduce((sum, part) => sum + part.length + 1, 0));
  let offset = 0;
  for (const part of encoded) {
    out.set(part, offset);
    offset += part.length + 1;
  }
  return out;
}

/** Concatenates byte arrays without separators. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Splits a payload of NUL-terminated strings (`a\0b\0`) into `['a', 'b']`. Bytes after the last
 * NUL are returned as a final element when `trailing` is 'keep' (WRITE's unterminated value),
 * dropped otherwise. An empty payload is an empty list.
 */
export function splitNulTerminated(payload: Uint8Array, trailing: 'keep' | 'drop' = 'drop'): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < payload.length; i++) {
    if (payload[i] === 0) {
      parts.push(payload.subarray(start, i));
      start = i + 1;
    }
  }
  if (trailing === 'keep' && start < payload.length) parts.push(payload.subarray(start));
  return parts;
}

/** The index of the first NUL byte at or after `from`, or -1. */
export function indexOfNul(payload: Uint8Array, from = 0): number {
  return payload.indexOf(0, from);
}

/** Whether two byte strings are equal. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
