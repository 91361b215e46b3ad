// xl configs (Xen's own toolstack since 4.5) to a DomainConfig: the common
// settings plus xl's OS, disk, USB input syntax (libvirt's xenParseXL).
import type { DomainConfig } from '@libvirt-ts/xml-format';
import type { XenGuestCapabilities } from '../capabilities.js';
import type { ConfReader } from '../conf/conf-reader.js';
import { internalError, unsupported } from '../xen-config-error.js';
import { applyXenDefaults } from './apply-xen-defaults.js';
import { parseBootOrder } from './parse-boot-order.js';
import { parseCommon } from './parse-common.js';
import { parseUsbInputs } from './parse-usb-inputs.js';
import { parsePvBoot } from './parse-xm.js';
import { parseXlDisk } from './parse-xl-disk.js';

/** xl settings libvirt converts into model parts this package does not have yet. */
const NOT_YET_SUPPORTED = ['nestedhvm', 'cpuid', 'vnuma', 'spice', 'usbdev', 'usbctrl', 'channel', 'device_model_args'];

export function parseXl(conf: ConfReader, caps: XenGuestCapabilities): DomainConfig {
  for (const setting of NOT_YET_SUPPORTED) {
    if (setting === 'spice' ? conf.has(setting) && conf.bool(setting, 0) === 1 : conf.has(setting)) {
      throw unsupported(`xl setting '${setting}' is not supported yet`, setting);
    }
  }
  const config = parseCommon(conf, 'xl', caps);
  const hvm = config.os.type === 'hvm';
  if (hvm) {
    config.os.loader = conf.string('bios') === 'ovmf' ? { path: caps.ovmfLoader, type: 'pflash', readonly: true } : { path: caps.hvmLoader, type: 'rom' };
    const slic = conf.string('acpi_firmware');
    if (slic !== undefined) config.os.acpiTables = [{ type: 'slic', path: slic }];
    const kernel = conf.string('kernel');
    if (kernel !== undefined) config.os.kernel = kernel;
    const ramdisk = conf.string('ramdisk');
    if (ramdisk !== undefined) config.os.initrd = ramdisk;
    setCmdline(conf, config);
    config.os.bootDevices = parseBootOrder(conf.string('boot') ?? 'c');
  } else {
    parsePvBoot(conf, config);
    setCmdline(conf, config);
  }
  parseXenbusLimits(conf, config);
  config.devices.disks = conf.lenientStrings('disk').map((entry) => parseXlDisk(entry, hvm));
  if (hvm) config.devices.inputs.push(...parseUsbInputs(usbDeviceNames(conf)));
  applyXenDefaults(config);
  return config;
}

/** `cmdline`, or else `root=` and `extra` joined as libvirt does. */
function setCmdline(conf: ConfReader, config: DomainConfig): void {
  const cmdline = conf.string('cmdline');
  const root = conf.string('root');
  const extra = conf.string('extra');
  const value = cmdline ?? (root !== undefined ? (extra !== undefined ? `root=${root} ${extra}` : `root=${root}`) : extra);
  if (value !== undefined) config.os.cmdline = value;
}

/** `usbdevice` is a string or, since Xen 4.3, a list. */
function usbDeviceNames(conf: ConfReader): string[] {
  const value = conf.value('usbdevice');
  if (value === undefined) return [];
  const items = value.type === 'list' ? value.items : [value];
  return items.map((item) => {
    if (item.type !== 'string') throw internalError('config value usbdevice was malformed', 'usbdevice');
    return item.value;
  });
}

/** max_event_channels / max_grant_frames: limits of the xenbus controller, which then comes first. */
function parseXenbusLimits(conf: ConfReader, config: DomainConfig): void {
  const controllers = config.devices.controllers;
  let xenbus = controllers.find((controller) => controller.type === 'xenbus');
  if (xenbus === undefined) {
    xenbus = { type: 'xenbus', index: 0 };
    controllers.push(xenbus);
  }
  const eventChannels = conf.unsigned('max_event_channels', 0);
  if (eventChannels > 0) xenbus.maxEventChannels = eventChannels;
  const grantFrames = conf.unsigned('max_grant_frames', 0);
  if (grantFrames > 0) xenbus.maxGrantFrames = grantFrames;
}
