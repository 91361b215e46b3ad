// The devices and settings libvirt 9's libxl driver and its generic domain
// post-parse add to a converted config (libxlDomainDefPostParse,
// libxlDomainDeviceDefPostParse, virDomainDefAddImplicitDevices), in the
// order they add them, so the XML comes out as libvirt's does.
import type { CharDeviceConfig, DiskConfig, DomainConfig, InputBus, VideoModelType } from '@libvirt-ts/xml-format';

export function applyXenDefaults(config: DomainConfig): void {
  const devices = config.devices;
  const hvm = config.os.type === 'hvm';
  for (const disk of devices.disks) {
    // xl.cfg's default image format is raw.
    if (disk.driver?.type === undefined) disk.driver = { ...disk.driver, type: 'raw' };
  }
  // The driver's own post-parse: PV console, implicit inputs, balloon, xenbus.
  if (!hvm && devices.consoles.length === 0) devices.consoles.push({ type: 'pty', sources: [], target: { type: 'xen', port: 0 } });
  const inputBus: InputBus = hvm ? 'ps2' : 'xen';
  for (const type of ['mouse', 'keyboard'] as const) {
    if (!devices.inputs.some((input) => input.type === type && input.bus === inputBus)) devices.inputs.push({ type, bus: inputBus });
  }
  devices.memballoon ??= { model: 'xen' };
  if (!devices.controllers.some((controller) => controller.type === 'xenbus')) devices.controllers.push({ type: 'xenbus', index: 0 });
  // Then the generic ones: the console alias of the first serial port, disk
  // controllers and drive addresses, a video card for the graphics.
  const firstSerial = devices.serials[0];
  if (hvm && devices.consoles.length === 0 && firstSerial !== undefined) devices.consoles.push(serialConsole(firstSerial));
  addDriveAddresses(config);
  if (devices.graphics.length > 0 && devices.videos.length === 0) {
    const type = videoType(config);
    devices.videos.push({ model: { type, vram: defaultVram(type, hvm), heads: 1, primary: true } });
  }
}

function serialConsole(serial: CharDeviceConfig): CharDeviceConfig {
  const console: CharDeviceConfig = { type: serial.type, sources: serial.sources.map((source) => ({ ...source })), target: { type: 'serial', port: serial.target?.port ?? 0 } };
  if (serial.protocol !== undefined) console.protocol = serial.protocol;
  return console;
}

function videoType(config: DomainConfig): VideoModelType {
  return config.os.type === 'hvm' ? 'cirrus' : 'xen';
}

/** KiB; libvirt's values for the upstream QEMU device model. */
function defaultVram(type: VideoModelType, hvm: boolean): number {
  if (type === 'xen' && !hvm) return 4096;
  if (type === 'vga' || type === 'xen') return 16384;
  if (type === 'qxl') return 65536;
  return 8192;
}

// virDomainDiskDefAssignAddress: IDE disks sit two to a bus, two buses to a
// controller; SCSI seven units to a controller; each controller used is added.
function addDriveAddresses(config: DomainConfig): void {
  const controllers = config.devices.controllers;
  for (const disk of config.devices.disks) {
    const bus = disk.target.bus;
    if ((bus !== 'ide' && bus !== 'scsi' && bus !== 'sata') || disk.address !== undefined) continue;
    const index = diskIndex(disk);
    if (index === undefined) continue;
    if (bus === 'ide') disk.address = { type: 'drive', controller: Math.floor(index / 4), bus: Math.floor((index % 4) / 2), target: 0, unit: index % 2 };
    else if (bus === 'scsi') disk.address = { type: 'drive', controller: Math.floor(index / 7), bus: 0, target: 0, unit: index % 7 };
    else disk.address = { type: 'drive', controller: Math.floor(index / 6), bus: 0, target: 0, unit: index % 6 };
  }
  for (const bus of ['ide', 'scsi', 'sata'] as const) {
    let highest = -1;
    for (const disk of config.devices.disks) {
      if (disk.target.bus === bus && disk.address?.type === 'drive') highest = Math.max(highest, disk.address.controller);
    }
    for (let index = 0; index <= highest; index++) {
      if (!controllers.some((controller) => controller.type === bus && controller.index === index)) controllers.push({ type: bus, index });
    }
  }
}

/** hda -> 0, hdc -> 2, sdb -> 1, xvdaa -> 26: libvirt's virDiskNameToIndex. */
export function diskIndex(disk: DiskConfig): number | undefined {
  const match = /^(?:fd|hd|vd|sd|xvd|ubd)([a-z]+)\d*$/.exec(disk.target.dev);
  if (match === null) return undefined;
  let index = 0;
  for (const letter of match[1]!) index = index * 26 + (letter.charCodeAt(0) - 96);
  return index - 1;
}
