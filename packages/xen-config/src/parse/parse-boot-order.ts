// HVM `boot = "dc"`: one letter per boot device, as libvirt reads and writes it.
import type { BootDevice } from '@libvirt-ts/xml-format';

/** libvirt keeps at most this many boot devices (VIR_DOMAIN_BOOT_LAST). */
const MAX_BOOT_DEVICES = 4;

export function parseBootOrder(text: string): BootDevice[] {
  return [...text.slice(0, MAX_BOOT_DEVICES)].map((letter) => (letter === 'a' ? 'fd' : letter === 'd' ? 'cdrom' : letter === 'n' ? 'network' : 'hd'));
}

export function formatBootOrder(devices: readonly BootDevice[]): string {
  if (devices.length === 0) return 'c';
  return devices.map((device) => (device === 'fd' ? 'a' : device === 'cdrom' ? 'd' : device === 'network' ? 'n' : 'c')).join('');
}
