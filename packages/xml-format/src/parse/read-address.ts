// <address type='pci'|'drive' …/>: where a device sits on its bus.
import type { DeviceAddress } from '../model/devices.js';
import type { ElementReader } from './element-reader.js';

/** The device's `<address>`, or undefined when absent or of a kind this model does not describe (usb, ccid...). */
export function readAddress(device: ElementReader): DeviceAddress | undefined {
  const address = device.child('address');
  if (address === undefined) return undefined;
  const type = address.attribute('type');
  const field = (name: string, max: number): number => address.unsignedAttribute(name, { hex: true, max }) ?? 0;
  if (type === 'pci') {
    return { type, domain: field('domain', 0xffff), bus: field('bus', 0xff), slot: field('slot', 0x1f), function: field('function', 7) };
  }
  if (type === 'drive') {
    return { type, controller: field('controller', 0xffffffff), bus: field('bus', 0xffffffff), target: field('target', 0xffffffff), unit: field('unit', 0xffffffff) };
  }
  if (type === undefined) address.missingAttribute('type');
  return undefined;
}

/** `<source><address domain bus slot function/></source>` of a PCI hostdev (no type attribute there). */
export function readPciSourceAddress(address: ElementReader): { domain: number; bus: number; slot: number; function: number } {
  const field = (name: string, max: number): number => {
    const value = address.unsignedAttribute(name, { hex: true, max });
    if (value === undefined) address.missingAttribute(name);
    return value;
  };
  return { domain: field('domain', 0xffff), bus: field('bus', 0xff), slot: field('slot', 0x1f), function: field('function', 7) };
}
