// UUIDs as libvirt reads them (virUUIDParse): 32 hex digits, dashes allowed
// between byte pairs, surrounding blanks ignored; written lower-case 8-4-4-4-12.

const CANONICAL = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The canonical dashed lower-case form of `text`, or undefined when it is not a UUID. */
export function canonicalUuid(text: string): string | undefined {
  if (CANONICAL.test(text)) return text;
  const compact = text.trim();
  if (!/^(?:[0-9a-fA-F]{2}-?){15}[0-9a-fA-F]{2}$/.test(compact)) return undefined;
  const hex = compact.replaceAll('-', '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
