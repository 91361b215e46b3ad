// <blkiotune> in libvirt's layout (virDomainDefBlkiotuneFormat): only what is set, nothing when nothing is.
import type { BlkioDeviceConfig, DomainConfig } from '../model/domain.js';
import type { XmlWriter } from './xml-writer.js';

const isSet = (value: number | bigint): boolean => value !== 0 && value !== 0n;

/** A device with no limit left (all 0) is kept in the model but not written, as libvirt keeps it. */
const hasLimit = (device: BlkioDeviceConfig): boolean =>
  [device.weight, device.readIopsSec, device.writeIopsSec, device.readBytesSec, device.writeBytesSec].some(isSet);

export function formatBlkiotune(out: XmlWriter, config: DomainConfig): void {
  const blkiotune = config.blkiotune;
  const devices = blkiotune?.devices.filter(hasLimit) ?? [];
  if (blkiotune === undefined || (!isSet(blkiotune.weight) && devices.length === 0)) return;
  const optional = (name: string, value: number | bigint) => {
    if (isSet(value)) out.text(name, String(value));
  };
  out.element('blkiotune', [], () => {
    optional('weight', blkiotune.weight);
    for (const device of devices) {
      out.element('device', [], () => {
        out.text('path', device.path);
        optional('weight', device.weight);
        optional('read_iops_sec', device.readIopsSec);
        optional('write_iops_sec', device.writeIopsSec);
        optional('read_bytes_sec', device.readBytesSec);
        optional('write_bytes_sec', device.writeBytesSec);
      });
    }
  });
}
