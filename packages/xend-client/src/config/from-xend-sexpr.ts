import { all, find, lookup, type SExpr } from '@libvirt-ts/sexpr';
import type {
  BootDevice,
  CharDeviceConfig,
  ClockConfig,
  DomainConfig,
  DomainDevices,
  DomainFeatures,
  LifecycleAction,
  OsConfig,
} from '@libvirt-ts/xml-format';
import { parseXendCharDevice } from './char-device-string.js';
import { badXendSexpr } from './config-errors.js';
import {
  countAvailableVcpus,
  parseDisks,
  parseGraphics,
  parseInterfaces,
  parsePciDevices,
  parseSounds,
} from './parse-devices.js';
import { intAt, requiredTextAt, textAt, uuidAt } from './sexpr-reader.js';
import { type FromXendSexprOptions, XEND_CONFIG_VERSION_3_0_2 } from './xend-config-options.js';

// A `(domain ...)` sexpr from xend's `GET /xend/domain/<name>?detail=1` -> DomainConfig, with
// the defaults libvirt's Xen driver fills in after parsing (libvirt's xenParseSxpr + post-parse),
// so that formatDomainXml writes what `virsh dumpxml` printed.

const LIFECYCLE_ACTIONS: readonly LifecycleAction[] = [
  'destroy',
  'restart',
  'preserve',
  'rename-restart',
  'coredump-destroy',
  'coredump-restart',
];

function lifecycle(domain: SExpr, key: string, fallback: LifecycleAction): LifecycleAction {
  const value = textAt(domain, `domain/${key}`);
  if (value === undefined) return fallback;
  const action = LIFECYCLE_ACTIONS.find((known) => known === value);
  if (action === undefined) throw badXendSexpr(`unknown lifecycle type '${value}' in (${key})`);
  return action;
}

const BOOT_DEVICES: Record<string, BootDevice> = { a: 'fd', c: 'hd', d: 'cdrom', n: 'network' };

function parseOs(domain: SExpr, hvm: boolean, id: number | undefined, bootloader: string | undefined): OsConfig {
  const os: OsConfig = { type: hvm ? 'hvm' : 'linux', bootDevices: [] };
  // Domain-0's image describes the host's kernel, not a guest's.
  if (id === 0 || find(domain, 'domain/image') === undefined) return os;
  const image = `domain/image/${hvm ? 'hvm' : 'linux'}`;
  const copy = (key: string, field: 'kernel' | 'initrd' | 'cmdline' | 'root') => {
    const value = textAt(domain, `${image}/${key}`);
    if (value !== undefined) os[field] = value;
  };
  if (hvm) {
    const loader = textAt(domain, `${image}/loader`);
    if (loader === undefined) {
      // Older xend: the HVM loader is in `kernel`.
      const kernel = textAt(domain, `${image}/kernel`);
      if (kernel === undefined) throw badXendSexpr('domain information incomplete, missing HVM loader');
      os.loader = { path: kernel };
    } else {
      os.loader = { path: loader };
      copy('kernel', 'kernel');
      copy('ramdisk', 'initrd');
      copy('args', 'cmdline');
      copy('root', 'root');
    }
    if (os.kernel === os.loader.path || os.kernel === '') delete os.kernel;
    if (os.kernel === undefined) {
      for (const letter of textAt(domain, `${image}/boot`) ?? '') {
        const device = BOOT_DEVICES[letter];
        if (device !== undefined && os.bootDevices.length < 4) os.bootDevices.push(device);
      }
    }
  } else {
    copy('kernel', 'kernel');
    copy('ramdisk', 'initrd');
    copy('args', 'cmdline');
    copy('root', 'root');
    if (os.kernel === undefined && bootloader === undefined) {
      throw badXendSexpr('domain information incomplete, missing kernel & bootloader');
    }
  }
  return os;
}

function parseClock(domain: SExpr, hvm: boolean): ClockConfig {
  const image = `domain/image/${hvm ? 'hvm' : 'linux'}`;
  // Xen 3.0.3 added a top-level `localtime`; the image's own setting wins.
  let localtime = intAt(domain, 'domain/localtime');
  if (textAt(domain, `${image}/localtime`) !== undefined) localtime = intAt(domain, `${image}/localtime`);
  if (!hvm) return { offset: localtime ? 'localtime' : 'utc', adjustment: 'reset', timers: [] };
  const clock: ClockConfig = {
    offset: 'variable',
    adjustment: intAt(domain, `${image}/rtc_timeoffset`),
    basis: localtime ? 'localtime' : 'utc',
    timers: [],
  };
  if (lookup(domain, `${image}/hpet`) !== undefined) {
    clock.timers.push({ name: 'hpet', present: intAt(domain, `${image}/hpet`) !== 0 });
  }
  return clock;
}

function parseFeatures(domain: SExpr, hvm: boolean): DomainFeatures | undefined {
  if (!hvm) return undefined;
  const features: DomainFeatures = {};
  for (const name of ['acpi', 'apic', 'pae', 'hap', 'viridian'] as const) {
    if (intAt(domain, `domain/image/hvm/${name}`) !== 0) features[name] = true;
  }
  return Object.keys(features).length > 0 ? features : undefined;
}

/** HVM serial ports: `(serial pty)` is port 0; `(serial (none /dev/ttyS1))` one per port. */
function parseSerials(domain: SExpr, tty: string | undefined): CharDeviceConfig[] {
  const value = lookup(domain, 'domain/image/hvm/serial');
  if (value === undefined) return [];
  const perPort = value.type === 'list' ? value.items : [value];
  const serials: CharDeviceConfig[] = [];
  perPort.forEach((port, index) => {
    if (port.type !== 'atom') throw badXendSexpr('(serial ...) holds a list where a device string was expected');
    if (port.value === 'none') return;
    serials.push({ ...parseXendCharDevice(port.value, tty), target: { port: index } });
  });
  return serials;
}

function parseCharDevices(domain: SExpr, hvm: boolean, id: number | undefined, tty: string | undefined) {
  const serials: CharDeviceConfig[] = [];
  const parallels: CharDeviceConfig[] = [];
  const consoles: CharDeviceConfig[] = [];
  if (hvm) {
    serials.push(...parseSerials(domain, tty));
    const parallel = textAt(domain, 'domain/image/hvm/parallel');
    if (parallel !== undefined && parallel !== 'none') {
      parallels.push({ ...parseXendCharDevice(parallel, undefined), target: { port: 0 } });
    }
    // libvirt shows an HVM guest's first serial port as its console too.
    const first = serials[0];
    if (first !== undefined) consoles.push({ ...first, target: { type: 'serial', port: first.target?.port ?? 0 } });
  } else if (id !== 0) {
    // A paravirtualized guest always has its xen console; the sexpr does not list it.
    consoles.push({ ...parseXendCharDevice('pty', tty), target: { type: 'xen', port: 0 } });
  }
  return { serials, parallels, consoles };
}

function parseDevices(domain: SExpr, hvm: boolean, id: number | undefined, options: FromXendSexprOptions): DomainDevices {
  const image = `domain/image/${hvm ? 'hvm' : 'linux'}`;
  const disks = parseDisks(domain, hvm, options.xendConfigVersion === XEND_CONFIG_VERSION_3_0_2);
  const graphics = parseGraphics(domain, hvm, options.vncPort ?? -1);
  const devices: DomainDevices = {
    disks,
    controllers: [{ type: 'xenbus', index: 0 }],
    interfaces: parseInterfaces(domain, id),
    ...parseCharDevices(domain, hvm, id, options.tty),
    inputs: [],
    graphics,
    sounds: [],
    videos: [],
    hostdevs: parsePciDevices(domain),
    memballoon: { model: 'xen' },
  };
  const emulator = textAt(domain, `${image}/device_model`);
  if (emulator !== undefined) devices.emulator = emulator;
  if (disks.some((disk) => disk.target.bus === 'ide')) devices.controllers.push({ type: 'ide', index: 0 });
  if (hvm) {
    // Each `(usbdevice ...)` of the image; other USB devices than input ones are not modelled.
    for (const entry of all(domain, 'domain/image/hvm/usbdevice')) {
      const usbdevice = entry.items[1]?.type === 'atom' ? entry.items[1].value : undefined;
      if (usbdevice === 'tablet' || usbdevice === 'mouse' || usbdevice === 'keyboard') {
        devices.inputs.push({ type: usbdevice, bus: 'usb' });
      }
    }
    const soundhw = textAt(domain, 'domain/image/hvm/soundhw');
    if (soundhw) devices.sounds.push(...parseSounds(soundhw));
  }
  // The implicit mouse and keyboard, and a video card for the graphics, as libvirt adds them.
  const inputBus = hvm ? 'ps2' : 'xen';
  devices.inputs.push({ type: 'mouse', bus: inputBus }, { type: 'keyboard', bus: inputBus });
  if (graphics.length > 0) {
    devices.videos.push(
      hvm
        ? { model: { type: 'cirrus', vram: 8192, heads: 1, primary: true } }
        : { model: { type: 'xen', vram: 4096, heads: 1, primary: true } },
    );
  }
  return devices;
}

/**
 * The DomainConfig of a `(domain ...)` sexpr as xend reports it, both paravirtualized and
 * HVM, with every device libvirt knew. `options.tty` and `options.vncPort` are what xenstore
 * says about a running domain. Throws XendError PARSE_ERROR for a sexpr missing what a
 * domain needs (name, uuid, a kernel or bootloader...).
 */
export function fromXendSexpr(sexpr: SExpr, options: FromXendSexprOptions = {}): DomainConfig {
  const domain = sexpr;
  if (find(domain, 'domain') === undefined) throw badXendSexpr('expected a (domain ...) list');
  const id = textAt(domain, 'domain/domid') === undefined ? undefined : intAt(domain, 'domain/domid');
  const name = requiredTextAt(domain, 'domain/name', 'name');
  const uuid = uuidAt(domain, 'domain/uuid');
  const hvm = find(domain, 'domain/image/hvm') !== undefined;

  let bootloader: string | undefined;
  let bootloaderArgs: string | undefined;
  if (!hvm) {
    bootloader = textAt(domain, 'domain/bootloader') ?? (find(domain, 'domain/bootloader') ? '' : undefined);
    if (bootloader !== undefined) bootloaderArgs = textAt(domain, 'domain/bootloader_args');
  }

  const memory = intAt(domain, 'domain/maxmem', intAt(domain, 'domain/memory')) * 1024;
  const currentMemory = Math.min(intAt(domain, 'domain/memory') * 1024, memory);
  const count = intAt(domain, 'domain/vcpus');
  if (count < 1) throw badXendSexpr(`a domain needs at least one vcpu, (vcpus) is ${count}`);
  const online = countAvailableVcpus(domain);

  const os = parseOs(domain, hvm, id, bootloader);
  if (hvm) {
    if (os.bootDevices.length === 0) os.bootDevices.push('hd');
    if (os.loader !== undefined) os.loader.type = 'rom';
  }

  const config: DomainConfig = {
    type: 'xen',
    name,
    uuid,
    memory,
    currentMemory,
    vcpu: { count, placement: 'static', ...(online > 0 && online < count ? { current: online } : {}) },
    os,
    clock: parseClock(domain, hvm),
    onPoweroff: lifecycle(domain, 'on_poweroff', 'destroy'),
    onReboot: lifecycle(domain, 'on_reboot', 'restart'),
    onCrash: lifecycle(domain, 'on_crash', 'destroy'),
    devices: parseDevices(domain, hvm, id, options),
  };
  if (id !== undefined) config.id = id;
  const description = textAt(domain, 'domain/description');
  if (description !== undefined) config.description = description;
  if (bootloader !== undefined) config.bootloader = bootloader;
  if (bootloaderArgs !== undefined) config.bootloaderArgs = bootloaderArgs;
  const features = parseFeatures(domain, hvm);
  if (features !== undefined) config.features = features;
  return config;
}
