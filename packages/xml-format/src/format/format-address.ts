import type { DeviceAddress } from '../model/devices.js';
import { hex } from './values.js';
import type { XmlWriter } from './xml-writer.js';

/** `<address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>` or a drive address, as libvirt prints them. */
export function formatAddress(out: XmlWriter, address: DeviceAddress | undefined): void {
  if (address === undefined) return;
  if (address.type === 'pci') {
    out.empty('address', [['type', 'pci'], ...pciFields(address)]);
  } else {
    out.empty('address', [
      ['type', 'drive'],
      ['controller', address.controller],
      ['bus', address.bus],
      ['target', address.target],
      ['unit', address.unit],
    ]);
  }
}

export function pciFields(address: { domain: number; bus: number; slot: number; function: number }): [string, string][] {
  return [
    ['domain', hex(address.domain, 4)],
    ['bus', hex(address.bus, 2)],
    ['slot', hex(address.slot, 2)],
    ['function', hex(address.function, 1)],
  ];
}
