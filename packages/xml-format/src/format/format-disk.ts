import type { DiskConfig } from '../model/devices.js';
import { formatAddress } from './format-address.js';
import type { XmlWriter } from './xml-writer.js';
import { DISK_BUSES, DISK_DEVICES, DISK_TYPES } from '../model/devices.js';

export function formatDisk(out: XmlWriter, disk: DiskConfig): void {
  out.element(
    'disk',
    [
      ['type', out.oneOf('type', disk.type, DISK_TYPES)],
      ['device', out.oneOf('device', disk.device, DISK_DEVICES)],
    ],
    () => {
      if (disk.driver !== undefined) {
        out.empty('driver', [
          ['name', disk.driver.name],
          ['type', disk.driver.type],
          ['cache', disk.driver.cache],
        ]);
      }
      const source = disk.source;
      if (source !== undefined) {
        out.element(
          'source',
          [
            ['file', source.file],
            ['dev', source.dev],
            ['dir', source.dir],
            ['protocol', source.protocol],
            ['name', source.name],
          ],
          () => {
            for (const host of source.hosts ?? []) {
              out.empty('host', [
                ['name', host.name],
                ['port', host.port],
              ]);
            }
          },
        );
      }
      if (disk.backingStore === 'none') out.empty('backingStore');
      out.empty('target', [
        ['dev', out.require('target.dev', disk.target?.dev)],
        ['bus', out.oneOf('target.bus', disk.target.bus, DISK_BUSES)],
      ]);
      if (disk.readonly === true) out.empty('readonly');
      if (disk.shareable === true) out.empty('shareable');
      formatAddress(out, disk.address);
    },
  );
}
