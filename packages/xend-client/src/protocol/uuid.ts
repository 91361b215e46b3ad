/** The 16 bytes of a canonical `8-4-4-4-12` UUID (as the sexpr package's lookupUuid gives). */
export function uuidToBytes(canonical: string): Uint8Array {
  return new Uint8Array(Buffer.from(canonical.replaceAll('-', ''), 'hex'));
}
