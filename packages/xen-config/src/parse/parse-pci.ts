// One `pci = [ "0000:00:1b.0,permissive=1" ]` entry (domain optional) to a
// PCI hostdev, as libvirt's xenParsePCI reads it.
import type { HostdevConfig } from '@libvirt-ts/xml-format';
import { internalError } from '../xen-config-error.js';

export function parsePci(entry: string): HostdevConfig {
  const match = /^(?:([0-9a-fA-F]+):)?([0-9a-fA-F]+):([0-9a-fA-F]+)\.([0-9a-fA-F]+)(?:,(.*))?$/.exec(entry);
  if (match === null) throw internalError(`Malformed PCI address ${entry}`, 'pci');
  const options = match[5];
  let writeFiltering: boolean | undefined;
  if (options !== undefined) {
    for (const option of options.split(',')) {
      if (!option.includes('=')) throw internalError(`Malformed PCI options ${options}`, 'pci');
      // xl.cfg: permissive is 0 for false and any other number for true; permissive means no write filtering.
      if (option.startsWith('permissive=')) {
        const value = option.slice('permissive='.length);
        if (!/^[-+]?\d+$/.test(value)) throw internalError(`Malformed PCI options ${options}`, 'pci');
        writeFiltering = Number(value) === 0;
      }
    }
  }
  const hostdev: HostdevConfig = {
    mode: 'subsystem',
    type: 'pci',
    managed: false,
    driver: 'xen',
    source: {
      domain: Number.parseInt(match[1] ?? '0', 16),
      bus: Number.parseInt(match[2]!, 16),
      slot: Number.parseInt(match[3]!, 16),
      function: Number.parseInt(match[4]!, 16),
    },
  };
  if (writeFiltering !== undefined) hostdev.writeFiltering = writeFiltering;
  return hostdev;
}
