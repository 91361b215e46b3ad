// MAC addresses as libvirt reads them (virMacAddrParse): six colon-separated
// groups of one or two hex digits; written as two lower-case digits each.

/** The canonical `aa:bb:cc:dd:ee:ff` form of `text`, or undefined when it is not a MAC address. */
export function canonicalMac(text: string): string | undefined {
  const groups = text.trim().split(':');
  if (groups.length !== 6 || !groups.every((group) => /^[0-9a-fA-F]{1,2}$/.test(group))) return undefined;
  return groups.map((group) => group.toLowerCase().padStart(2, '0')).join(':');
}
