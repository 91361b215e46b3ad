// MAC addresses as libvirt reads them (virMacAddrParse): six colon-separated
// groups of one or two hex digits; written as two lower-case digits each.

const CANONICAL = /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/;
const MAC = /^\s*([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})\s*$/;

/** The canonical `aa:bb:cc:dd:ee:ff` form of `text`, or undefined when it is not a MAC address. */
export function canonicalMac(text: string): string | undefined {
  if (CANONICAL.test(text)) return text;
  const groups = MAC.exec(text);
  if (groups === null) return undefined;
  return groups
    .slice(1)
    .map((group) => group.toLowerCase().padStart(2, '0'))
    .join(':');
}
