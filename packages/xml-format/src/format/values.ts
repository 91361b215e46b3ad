// How model values print in attributes, as libvirt prints them.

export function yesNo(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : value ? 'yes' : 'no';
}

/** `0x` plus at least `digits` lower-case hex digits (PCI address fields). */
export function hex(value: number, digits: number): string {
  return `0x${value.toString(16).padStart(digits, '0')}`;
}
