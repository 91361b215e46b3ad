// A DomainConfig to an xl config (libvirt's xenFormatXL).
import type { DiskConfig, DomainConfig } from '@libvirt-ts/xml-format';
import { ConfBuilder } from '../conf/conf-builder.js';
import type { XenConfFile } from '../conf/conf-value.js';
import { formatBootOrder } from '../parse/parse-boot-order.js';
import { XenConfigError, unsupported } from '../xen-config-error.js';
import { formatCommon } from './format-common.js';
import { formatPvBoot, formatUsbInputs } from './format-os.js';

export function formatXl(config: DomainConfig): XenConfFile {
  const out = new ConfBuilder();
  formatCommon(out, config, 'xl');
  const os = config.os;
  if (os.type === 'hvm') {
    out.setString('builder', 'hvm');
    if (os.loader?.type === 'pflash' && os.loader.readonly === true) out.setString('bios', 'ovmf');
    const slic = os.acpiTables?.find((table) => table.type === 'slic');
    if (slic !== undefined) out.setString('acpi_firmware', slic.path);
    if (os.kernel !== undefined) out.setString('kernel', os.kernel);
    if (os.initrd !== undefined) out.setString('ramdisk', os.initrd);
    if (os.cmdline !== undefined) out.setString('cmdline', os.cmdline);
    out.setString('boot', formatBootOrder(os.bootDevices));
  } else {
    if (os.type === 'xenpvh') out.setString('type', 'pvh');
    formatPvBoot(out, config, 'cmdline');
  }
  for (const controller of config.devices.controllers) {
    if (controller.type !== 'xenbus') continue;
    if (controller.maxEventChannels !== undefined && controller.maxEventChannels > 0) out.setInt('max_event_channels', controller.maxEventChannels);
    if (controller.maxGrantFrames !== undefined && controller.maxGrantFrames > 0) out.setInt('max_grant_frames', controller.maxGrantFrames);
  }
  out.setStringList(
    'disk',
    config.devices.disks.filter((disk) => disk.device !== 'floppy').map(formatXlDisk),
  );
  if (os.type === 'hvm') {
    const usbdevices = formatUsbInputs(out, config);
    // One device keeps Xen <= 4.2's string form.
    if (usbdevices.length === 1) out.setString('usbdevice', usbdevices[0]!);
    else out.setStringList('usbdevice', usbdevices);
  }
  return out.build();
}

const XL_FORMATS: Record<string, string> = { raw: 'raw', vhd: 'xvhd', qcow: 'qcow', qcow2: 'qcow2', qed: 'qed' };

function formatXlDisk(disk: DiskConfig): string {
  let out = `format=${XL_FORMATS[disk.driver?.type ?? 'raw'] ?? 'raw'}`;
  out += `,vdev=${disk.target.dev}`;
  out += `,access=${disk.readonly === true ? 'ro' : disk.shareable === true ? '!' : 'rw'}`;
  const driver = disk.driver?.name;
  if (driver !== undefined) {
    out += ',backendtype=';
    if (driver === 'qemu' || driver === 'file') out += 'qdisk';
    else if (driver === 'tap' || driver === 'phy') out += driver;
  }
  if (disk.device === 'cdrom') out += ',devtype=cdrom';
  // target= takes the rest of the spec, so it goes last.
  const target = diskTarget(disk);
  if (target !== undefined) out += `,target=${target}`;
  return out;
}

function diskTarget(disk: DiskConfig): string | undefined {
  const source = disk.source;
  if (source === undefined) return undefined;
  if (disk.type !== 'network') return source.file ?? source.dev ?? source.dir;
  if (source.protocol !== 'rbd') {
    throw new XenConfigError({ code: 'NO_SUPPORT', reason: `Unsupported network block protocol '${source.protocol ?? ''}'`, setting: 'disk' });
  }
  const name = source.name ?? '';
  const slash = name.indexOf('/');
  const image = slash < 0 ? name : name.slice(slash + 1);
  if (image.includes(':')) throw unsupported(`':' not allowed in RBD source volume name '${image}'`, 'disk');
  let out = `rbd:${name}:auth_supported=none`;
  const hosts = source.hosts ?? [];
  if (hosts.length > 0) {
    out += `:mon_host=${hosts
      .map((host) => {
        const hostName = host.name.includes(':') ? `[${host.name.replaceAll(':', '\\:')}]` : host.name;
        return host.port === undefined ? hostName : `${hostName}\\\\:${host.port}`;
      })
      .join('\\\\;')}`;
  }
  return out;
}
