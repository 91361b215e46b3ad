// A DomainConfig to an xm config (libvirt's xenFormatXM).
import type { DiskConfig, DomainConfig } from '@libvirt-ts/xml-format';
import { ConfBuilder } from '../conf/conf-builder.js';
import type { XenConfFile } from '../conf/conf-value.js';
import { formatBootOrder } from '../parse/parse-boot-order.js';
import { unsupported } from '../xen-config-error.js';
import { formatCommon } from './format-common.js';
import { formatPvBoot, formatUsbInputs } from './format-os.js';

export function formatXm(config: DomainConfig): XenConfFile {
  const out = new ConfBuilder();
  formatCommon(out, config, 'xm');
  if (config.os.type === 'hvm') {
    out.setString('builder', 'hvm');
    if (config.os.loader?.path !== undefined) out.setString('kernel', config.os.loader.path);
    out.setString('boot', formatBootOrder(config.os.bootDevices));
  } else {
    formatPvBoot(out, config, 'extra');
  }
  out.setStringList(
    'disk',
    config.devices.disks.filter((disk) => disk.device !== 'floppy').map(formatXmDisk),
  );
  if (config.os.type === 'hvm') {
    const usbdevices = formatUsbInputs(out, config);
    if (usbdevices[0] !== undefined) out.setString('usbdevice', usbdevices[0]);
  }
  return out.build();
}

function formatXmDisk(disk: DiskConfig): string {
  let out = '';
  const path = disk.source?.file ?? disk.source?.dev;
  if (path !== undefined) {
    const format = disk.driver?.type;
    const driver = disk.driver?.name;
    if (format !== undefined) {
      if (driver !== undefined) {
        out += `${driver}:`;
        if (driver === 'tap' || driver === 'tap2') out += `${format === 'raw' ? 'aio' : format}:`;
      }
    } else if (disk.type === 'file') {
      out += 'file:';
    } else if (disk.type === 'block') {
      out += 'phy:';
    } else {
      throw unsupported(`unsupported disk type ${disk.type}`);
    }
    out += path;
  }
  out += `,${disk.target.dev}`;
  if (disk.device === 'cdrom') out += ':cdrom';
  out += disk.readonly === true ? ',r' : disk.shareable === true ? ',!' : ',w';
  return out;
}
