// HVM `usbdevice = "tablet"` (or a list, xl): USB input devices.
import type { InputConfig } from '@libvirt-ts/xml-format';

export function parseUsbInputs(names: readonly string[]): InputConfig[] {
  return names.flatMap((name): InputConfig[] => {
    if (name === 'mouse' || name === 'tablet' || name === 'keyboard') return [{ type: name, bus: 'usb' }];
    return [];
  });
}
