import { fromArray, type SExpr, type SexprArray } from '@libvirt-ts/sexpr';
import type { BootDevice, CharDeviceConfig, DiskConfig, DomainConfig } from '@libvirt-ts/xml-format';
import { formatXendCharDevice } from './char-device-string.js';
import { invalidDomainConfig, unsupportedByXend } from './config-errors.js';
import { normalizeCpuset } from './cpuset.js';
import { sortDisksLikeLibvirt } from './disk-order.js';
import {
  diskTargetName,
  formatDisk,
  formatGraphicsSettings,
  formatInterface,
  formatPciDevices,
} from './format-devices.js';
import {
  DEFAULT_XEND_CONFIG_VERSION,
  type ToXendConfigOptions,
  type XendConfigVersion,
  XEND_CONFIG_VERSION_3_0_2,
  XEND_CONFIG_VERSION_3_0_4,
  XEND_CONFIG_VERSION_3_1_0,
} from './xend-config-options.js';

// DomainConfig -> the `(vm ...)` sexpr xend takes with `op=create` (libvirt's xenFormatSxpr).

const BOOT_LETTERS: Record<BootDevice, string> = { fd: 'a', hd: 'c', cdrom: 'd', network: 'n' };

const HVM_FEATURES = ['acpi', 'apic', 'pae', 'hap', 'viridian'] as const;

/** MiB, rounded up, of a size in KiB. */
function mebibytes(kibibytes: number): number {
  return Math.ceil(kibibytes / 1024);
}

/** The `(vcpu_avail N)` bitmask of the first `current` vcpus, when fewer than all are online. */
function vcpuAvail(domain: DomainConfig): SexprArray[] {
  const { count, current } = domain.vcpu;
  if (current === undefined || current >= count) return [];
  return [['vcpu_avail', ((1n << BigInt(current)) - 1n).toString()]];
}

/** The console a HVM guest's first serial port is (libvirt copies one into the other). */
function hvmSerials(domain: DomainConfig): readonly CharDeviceConfig[] {
  if (domain.devices.serials.length > 0) return domain.devices.serials;
  const console = domain.devices.consoles[0];
  const isSerialConsole = console !== undefined && (console.target?.type ?? 'serial') === 'serial';
  return isSerialConsole ? [{ ...console, target: { port: console.target?.port ?? 0 } }] : [];
}

function formatSerials(serials: readonly CharDeviceConfig[]): SexprArray {
  const first = serials[0];
  if (first === undefined) return ['serial', 'none'];
  if (serials.length === 1 && (first.target?.port ?? 0) === 0) return ['serial', formatXendCharDevice(first)];
  // Several ports: one string per port number up to the highest, `none` for the gaps.
  const ports = serials.map((serial, index) => serial.target?.port ?? index);
  const highest = Math.max(...ports);
  const perPort: string[] = [];
  for (let port = 0; port <= highest; port++) {
    const serial = serials[ports.indexOf(port)];
    perPort.push(serial === undefined ? 'none' : formatXendCharDevice(serial));
  }
  return ['serial', perPort];
}

function hvmOnlyEntries(domain: DomainConfig, version: XendConfigVersion): SexprArray[] {
  const entries: SexprArray[] = [];
  const loader = domain.os.loader?.path;
  if (loader === undefined) throw invalidDomainConfig('an HVM domain needs <os><loader>');
  entries.push(domain.os.kernel !== undefined ? ['loader', loader] : ['kernel', loader]);
  entries.push(['vcpus', domain.vcpu.count], ...vcpuAvail(domain));
  const boot = domain.os.bootDevices.map((device) => BOOT_LETTERS[device]).join('') || 'c';
  entries.push(['boot', boot]);
  const features = domain.features ?? {};
  for (const feature of HVM_FEATURES) {
    // PAE is on unless switched off: libvirt's Xen capabilities default it for HVM guests.
    const on = feature === 'pae' ? features.pae !== false : features[feature] === true;
    if (on) entries.push([feature, 1]);
  }
  if (version < XEND_CONFIG_VERSION_3_1_0) return entries;
  entries.push(['usb', 1]);
  for (const input of domain.devices.inputs) {
    if (input.bus !== 'usb') continue;
    if (input.type === 'passthrough') throw unsupportedByXend('a passthrough USB input');
    entries.push(['usbdevice', input.type]);
  }
  const parallel = domain.devices.parallels[0];
  entries.push(['parallel', parallel === undefined ? 'none' : formatXendCharDevice(parallel)]);
  entries.push(formatSerials(hvmSerials(domain)));
  if (domain.devices.sounds.length > 0) {
    entries.push(['soundhw', domain.devices.sounds.map((sound) => sound.model).join(',')]);
  }
  return entries;
}

/** 0 or 1 for `(localtime N)`, plus `(rtc_timeoffset N)` for HVM. */
function clockEntries(domain: DomainConfig, hvm: boolean): { localtime: 0 | 1; hvmEntries: SexprArray[] } {
  const { clock } = domain;
  if (hvm) {
    if (clock.offset === 'variable') {
      const adjustment = typeof clock.adjustment === 'number' ? clock.adjustment : 0;
      const localtime = clock.basis === 'localtime' ? 1 : 0;
      return { localtime, hvmEntries: [['rtc_timeoffset', adjustment]] };
    }
    if (clock.offset === 'utc' || clock.offset === 'localtime') {
      if (clock.adjustment === 'reset') throw unsupportedByXend("<clock adjustment='reset'> for an HVM guest");
      return { localtime: clock.offset === 'localtime' ? 1 : 0, hvmEntries: [['rtc_timeoffset', 0]] };
    }
  } else if (clock.offset === 'utc' || clock.offset === 'localtime') {
    return { localtime: clock.offset === 'localtime' ? 1 : 0, hvmEntries: [] };
  }
  throw unsupportedByXend(`<clock offset='${clock.offset}'> for a ${hvm ? 'HVM' : 'paravirtualized'} guest`);
}

/**
 * Xen 3.0.2 could not take an HVM cdrom as a vbd: the `hdc` cdrom goes in the image as
 * `(cdrom path)` instead of in the devices.
 */
function xen302Cdrom(domain: DomainConfig, version: XendConfigVersion): DiskConfig | undefined {
  if (version !== XEND_CONFIG_VERSION_3_0_2) return undefined;
  return domain.devices.disks.find((disk) => disk.device === 'cdrom' && diskTargetName(disk) === 'hdc');
}

/** The `(image (linux|hvm ...))` entry; `tail` ends the inner list (the clock settings). */
function imageEntry(
  domain: DomainConfig,
  hvm: boolean,
  version: XendConfigVersion,
  tail: SexprArray[],
): SexprArray | undefined {
  const { os, devices } = domain;
  const entries: SexprArray[] = [];
  if (domain.bootloader === undefined) {
    if (os.kernel !== undefined) entries.push(['kernel', os.kernel]);
    if (os.initrd !== undefined) entries.push(['ramdisk', os.initrd]);
    if (os.root !== undefined) entries.push(['root', os.root]);
    if (os.cmdline !== undefined) entries.push(['args', os.cmdline]);
    if (hvm) entries.push(...hvmOnlyEntries(domain, version));
    const imageCdrom = hvm ? xen302Cdrom(domain, version) : undefined;
    if (imageCdrom?.source?.file !== undefined || imageCdrom?.source?.dev !== undefined) {
      entries.push(['cdrom', imageCdrom.source.file ?? imageCdrom.source.dev!]);
    }
    if (hvm && devices.emulator !== undefined) entries.push(['device_model', devices.emulator]);
    const hpet = domain.clock.timers.find((timer) => timer.name === 'hpet' && timer.present !== undefined);
    if (hpet !== undefined) entries.push(['hpet', hpet.present ? 1 : 0]);
    const graphics = devices.graphics;
    if (graphics.length === 1 && (hvm || version < XEND_CONFIG_VERSION_3_0_4)) {
      entries.push([graphics[0]!.type === 'sdl' ? 'sdl' : 'vnc', 1], ...formatGraphicsSettings(graphics[0]!, version));
    }
  } else if (os.cmdline !== undefined) {
    // With a bootloader, only the kernel command line is passed on.
    entries.push(['args', os.cmdline]);
  }
  const settings = [...entries, ...tail];
  // Before Xen 3.1 nothing needed an image for a bootloader guest without arguments.
  if (settings.length === 0 && version < XEND_CONFIG_VERSION_3_1_0) return undefined;
  return ['image', [hvm ? 'hvm' : 'linux', ...settings]];
}

/**
 * The `(vm ...)` sexpr that asks xend to create `domain` (libvirt's xenFormatSxpr). Throws
 * XendError INVALID_ARG for a config xend cannot take as it is (an HVM guest without a
 * loader...) and NO_SUPPORT for what xend has no setting for (spice graphics, networks...).
 */
export function toXendConfig(domain: DomainConfig, options: ToXendConfigOptions = {}): SExpr {
  const version = options.xendConfigVersion ?? DEFAULT_XEND_CONFIG_VERSION;
  const hvm = domain.os.type === 'hvm';
  const vm: SexprArray[] = [
    'vm',
    ['name', domain.name],
    ['memory', mebibytes(domain.currentMemory)],
    ['maxmem', mebibytes(domain.memory)],
    ['vcpus', domain.vcpu.count],
    ...vcpuAvail(domain),
  ];
  if (domain.vcpu.cpuset !== undefined) vm.push(['cpus', normalizeCpuset(domain.vcpu.cpuset)]);
  vm.push(['uuid', domain.uuid ?? crypto.randomUUID()]);
  if (domain.description !== undefined) vm.push(['description', domain.description]);
  if (domain.bootloader !== undefined) {
    vm.push(domain.bootloader === '' ? ['bootloader'] : ['bootloader', domain.bootloader]);
    if (domain.bootloaderArgs !== undefined) vm.push(['bootloader_args', domain.bootloaderArgs]);
  }
  vm.push(['on_poweroff', domain.onPoweroff], ['on_reboot', domain.onReboot], ['on_crash', domain.onCrash]);

  if (version >= XEND_CONFIG_VERSION_3_1_0) {
    const { localtime, hvmEntries } = clockEntries(domain, hvm);
    // Xen 3.1 reads `localtime` in the image, older xend at the top: libvirt writes both.
    vm.push(imageEntry(domain, hvm, version, [...hvmEntries, ['localtime', localtime]])!, ['localtime', localtime]);
  } else {
    const image = imageEntry(domain, hvm, version, []);
    if (image !== undefined) vm.push(image);
  }

  const imageCdrom = hvm ? xen302Cdrom(domain, version) : undefined;
  for (const disk of sortDisksLikeLibvirt(domain.devices.disks)) {
    // xend puts floppies of HVM guests in the image; libvirt never passed them on.
    if ((hvm && disk.device === 'floppy') || disk === imageCdrom) continue;
    vm.push(['device', formatDisk(disk, hvm, version)]);
  }
  for (const net of domain.devices.interfaces) vm.push(['device', formatInterface(net, hvm, version)]);
  const pci = formatPciDevices(domain.devices.hostdevs);
  if (pci !== undefined) vm.push(['device', pci]);
  const graphics = domain.devices.graphics;
  if (!hvm && graphics.length === 1 && version >= XEND_CONFIG_VERSION_3_0_4) {
    const type = graphics[0]!.type === 'sdl' ? 'sdl' : 'vnc';
    vm.push(['device', ['vkbd']], ['device', ['vfb', ['type', type], ...formatGraphicsSettings(graphics[0]!, version)]]);
  }
  return fromArray(vm);
}
