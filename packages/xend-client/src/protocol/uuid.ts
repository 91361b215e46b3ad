/** The 16 bytes of a canonical `8-4-4-4-12` UUID (as the sexpr package's lookupUuid gives). */
export function uuidToBytes(canonical: string): Uint8Array {
  const hex = canonical.replaceAll('-', '');
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
