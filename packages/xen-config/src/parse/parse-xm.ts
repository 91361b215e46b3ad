// xm configs (Xen's old xend toolstack) to a DomainConfig: the common
// settings plus xm's OS, disk and USB input syntax (libvirt's xenParseXM).
import type { DiskConfig, DomainConfig } from '@libvirt-ts/xml-format';
import type { XenGuestCapabilities } from '../capabilities.js';
import type { ConfReader } from '../conf/conf-reader.js';
import { internalError } from '../xen-config-error.js';
import { applyXenDefaults } from './apply-xen-defaults.js';
import { parseBootOrder } from './parse-boot-order.js';
import { parseCommon } from './parse-common.js';
import { parseUsbInputs } from './parse-usb-inputs.js';

export function parseXm(conf: ConfReader, caps: XenGuestCapabilities): DomainConfig {
  const config = parseCommon(conf, 'xm', caps);
  const hvm = config.os.type === 'hvm';
  if (hvm) {
    config.os.loader = { path: conf.requiredString('kernel'), type: 'rom' };
    config.os.bootDevices = parseBootOrder(conf.string('boot') ?? 'c');
  } else {
    parsePvBoot(conf, config);
    const root = conf.string('root');
    const extra = conf.string('extra');
    const cmdline = root !== undefined ? (extra !== undefined ? `root=${root} ${extra}` : `root=${root}`) : extra;
    if (cmdline !== undefined) config.os.cmdline = cmdline;
  }
  // libvirt skips the disk entries it cannot read.
  config.devices.disks = (conf.stringList('disk') ?? []).flatMap((entry) => {
    const disk = parseXmDisk(entry, hvm);
    return disk === undefined ? [] : [disk];
  });
  if (hvm) {
    const usbdevice = conf.string('usbdevice');
    if (usbdevice !== undefined) config.devices.inputs.push(...parseUsbInputs([usbdevice]));
  }
  applyXenDefaults(config);
  return config;
}

/** bootloader, bootargs, kernel, ramdisk: the PV boot settings both formats share. */
export function parsePvBoot(conf: ConfReader, config: DomainConfig): void {
  const bootloader = conf.string('bootloader');
  if (bootloader !== undefined) config.bootloader = bootloader;
  const bootargs = conf.string('bootargs');
  if (bootargs !== undefined) config.bootloaderArgs = bootargs;
  const kernel = conf.string('kernel');
  if (kernel !== undefined) config.os.kernel = kernel;
  const ramdisk = conf.string('ramdisk');
  if (ramdisk !== undefined) config.os.initrd = ramdisk;
}

/**
 * "phy:/dev/vg/guest,xvda,w", "file:/img,hdc:cdrom,r", "tap:aio:/img,xvda,w",
 * ",hdc:cdrom,r" (empty cdrom): SOURCE,TARGET[:cdrom],MODE. Undefined for an
 * entry libvirt skips (no comma).
 */
function parseXmDisk(entry: string, hvm: boolean): DiskConfig | undefined {
  const firstComma = entry.indexOf(',');
  if (firstComma < 0) return undefined;
  let source: string | undefined = firstComma === 0 ? undefined : entry.slice(0, firstComma);
  let rest = entry.slice(firstComma + 1);
  if (rest.startsWith('ioemu:')) rest = rest.slice(6);
  const secondComma = rest.indexOf(',');
  if (secondComma < 0) return undefined;
  let target = rest.slice(0, secondComma);
  const mode = rest.slice(secondComma + 1);
  let driverName: string | undefined;
  let format: string | undefined;
  if (source !== undefined) {
    const colon = source.indexOf(':');
    if (colon >= 0) {
      driverName = source.slice(0, colon);
      source = source.slice(colon + 1);
    }
    if (driverName === 'tap' || driverName === 'tap2') {
      const subColon = source.indexOf(':');
      if (subColon < 0) return undefined;
      const subtype = source.slice(0, subColon);
      format = subtype === 'aio' ? 'raw' : subtype;
      if (!['raw', 'qcow', 'qcow2', 'vhd', 'vmdk', 'qed', 'cow', 'bochs', 'cloop', 'dmg', 'iso', 'vpc', 'vdi', 'fat', 'ploop'].includes(format)) {
        throw internalError(`Unknown driver type ${source}`, 'disk');
      }
      source = source.slice(subColon + 1);
    }
  }
  driverName ??= 'phy';
  const block = driverName === 'phy';
  let device: DiskConfig['device'] = 'disk';
  const targetColon = target.indexOf(':');
  if (targetColon >= 0) {
    if (target.slice(targetColon) === ':cdrom') device = 'cdrom';
    target = target.slice(0, targetColon);
  }
  const disk: DiskConfig = {
    type: block ? 'block' : 'file',
    device,
    driver: format === undefined ? { name: driverName } : { name: driverName, type: format },
    target: { dev: target, bus: target.startsWith('xvd') || !hvm ? 'xen' : target.startsWith('sd') ? 'scsi' : 'ide' },
  };
  if (source !== undefined) disk.source = block ? { dev: source } : { file: source };
  if (mode === 'r' || mode === 'ro') disk.readonly = true;
  else if (mode === 'w!' || mode === '!') disk.shareable = true;
  return disk;
}
