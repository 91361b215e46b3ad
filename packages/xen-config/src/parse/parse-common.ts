// What xm and xl configs share (libvirt's xenParseConfigCommon): name, UUID,
// memory, lifecycle, vcpus, features, clock, emulator, NICs, PCI devices,
// sound, the framebuffer and the character devices.
import type { CharDeviceConfig, ClockConfig, ClockTimer, DomainConfig, DomainFeatures, GraphicsConfig, LifecycleAction, OsType, SoundModel, XenFeatures } from '@libvirt-ts/xml-format';
import { canonicalUuid, emptyDevices, LIFECYCLE_ACTIONS, SOUND_MODELS } from '@libvirt-ts/xml-format';
import type { XenGuestCapabilities } from '../capabilities.js';
import type { ConfReader } from '../conf/conf-reader.js';
import { internalError, unsupported, XenConfigError } from '../xen-config-error.js';
import { formatCpuBitmap, parseCpuBitmap } from './cpu-bitmap.js';
import { splitKeyValues } from './key-values.js';
import { parseCharDevice } from './parse-char-device.js';
import { parsePci } from './parse-pci.js';
import { parseVif } from './parse-vif.js';

export type XenFormat = 'xl' | 'xm';

/** libvirt's MIN_XEN_GUEST_SIZE * 2: the memory of a config without `memory`, MiB. */
const DEFAULT_MEMORY_MIB = 128;

export function parseCommon(conf: ConfReader, format: XenFormat, caps: XenGuestCapabilities): DomainConfig {
  const osType = guestKind(conf);
  const hvm = osType === 'hvm';
  const config: DomainConfig = {
    type: 'xen',
    name: conf.requiredString('name'),
    uuid: readUuid(conf),
    ...parseMemory(conf),
    vcpu: parseVcpus(conf),
    os: {
      type: osType,
      arch: caps.arch,
      machine: hvm ? caps.machines.hvm : osType === 'xenpvh' ? caps.machines.pvh : caps.machines.pv,
      bootDevices: [],
    },
    clock: parseClock(conf, hvm),
    onPoweroff: lifecycle(conf, 'on_poweroff', 'destroy'),
    onReboot: lifecycle(conf, 'on_reboot', 'restart'),
    onCrash: lifecycle(conf, 'on_crash', 'restart'),
    devices: emptyDevices(),
  };
  parseFeatures(conf, config, hvm);
  const emulator = conf.string('device_model_override');
  if (emulator !== undefined) config.devices.emulator = emulator;
  config.devices.interfaces = conf.lenientStrings('vif').map((entry) => parseVif(entry, format === 'xl' ? 'vif' : 'netfront'));
  config.devices.hostdevs = (conf.stringList('pci') ?? []).map(parsePci);
  if (hvm) {
    const soundhw = conf.string('soundhw');
    if (soundhw !== undefined) config.devices.sounds = parseSounds(soundhw);
  }
  const graphics = parseGraphics(conf, hvm);
  if (graphics !== undefined) config.devices.graphics = [graphics];
  parseCharDevices(conf, config, format, hvm);
  return config;
}

function guestKind(conf: ConfReader): OsType {
  const type = conf.string('type');
  if (type !== undefined) {
    if (type === 'pv') return 'linux';
    if (type === 'pvh') return 'xenpvh';
    if (type === 'hvm') return 'hvm';
    throw unsupported(`type ${type} is not supported`, 'type');
  }
  return conf.string('builder') === 'hvm' ? 'hvm' : 'linux';
}

/** The `uuid` setting as libvirt's xenParseConfigCommon reads it (virUUIDParse); a fresh one when absent. */
function readUuid(conf: ConfReader): string {
  const text = conf.string('uuid');
  if (text === undefined) return globalThis.crypto.randomUUID();
  return canonicalUuid(text) ?? failUuid(text);
}

function failUuid(text: string): never {
  throw new XenConfigError({ code: 'CONF_SYNTAX', reason: `${text} not parseable`, setting: 'uuid' });
}

function parseMemory(conf: ConfReader): { memory: number; currentMemory: number } {
  const current = conf.unsigned('memory', DEFAULT_MEMORY_MIB);
  const maximum = conf.unsigned('maxmem', current);
  const memory = maximum * 1024;
  // libvirt's post-parse: a balloon above the maximum (or zero) becomes the maximum.
  const currentMemory = current * 1024;
  return { memory, currentMemory: currentMemory === 0 || currentMemory > memory ? memory : currentMemory };
}

function parseVcpus(conf: ConfReader): DomainConfig['vcpu'] {
  const current = conf.unsigned('vcpus', 1);
  const maximum = conf.has('maxvcpus') ? conf.unsigned('maxvcpus', 0) : current;
  if (maximum < 1) throw new XenConfigError({ code: 'INVALID_ARG', reason: 'domain config must have at least 1 vcpu', setting: 'maxvcpus' });
  const vcpu: DomainConfig['vcpu'] = { count: maximum, placement: 'static' };
  if (current < maximum) vcpu.current = current;
  const cpus = conf.string('cpus');
  if (cpus !== undefined) vcpu.cpuset = formatCpuBitmap(parseCpuBitmap(cpus, 'cpus'));
  return vcpu;
}

function lifecycle(conf: ConfReader, name: string, fallback: LifecycleAction): LifecycleAction {
  const value = conf.string(name) ?? fallback;
  if (!(LIFECYCLE_ACTIONS as readonly string[]).includes(value)) throw internalError(`unexpected value ${value} for ${name}`, name);
  return value as LifecycleAction;
}

function parseFeatures(conf: ConfReader, config: DomainConfig, hvm: boolean): void {
  const timers: ClockConfig['timers'] = [];
  const tscMode = conf.string('tsc_mode');
  if (tscMode !== undefined) timers.push({ name: 'tsc', present: true, mode: TSC_MODES[tscMode] ?? 'auto' });
  const xen = parsePassthrough(conf);
  if (hvm) {
    const features: DomainFeatures = {};
    if (conf.bool('pae', 1)) features.pae = true;
    if (conf.bool('acpi', 1)) features.acpi = true;
    if (conf.bool('apic', 1)) features.apic = true;
    if (!conf.bool('hap', 1)) features.hap = false;
    if (conf.bool('viridian', 0)) features.viridian = true;
    // libvirt's post-parse always turns PAE on for x86_64 HVM guests.
    features.pae = true;
    if (xen !== undefined) features.xen = xen;
    config.features = features;
    const hpet = conf.bool('hpet', -1);
    if (hpet !== -1) timers.push({ name: 'hpet', present: hpet === 1 });
  } else if (conf.bool('e820_host', 0)) {
    config.features = { xen: { e820Host: true, ...xen } };
  } else if (xen !== undefined) {
    config.features = { xen };
  }
  config.clock.timers.push(...timers);
}

/** xl's tsc_mode values as `<timer name='tsc' mode>`; anything else ("default") is auto. */
const TSC_MODES: Record<string, ClockTimer['mode']> = { always_emulate: 'emulate', native: 'native', native_paravirt: 'paravirt' };

/** `passthrough = "enabled" | "disabled" | "sync_pt" | "share_pt"` (PCI passthrough IOMMU mode). */
function parsePassthrough(conf: ConfReader): XenFeatures | undefined {
  const value = conf.string('passthrough');
  if (value === undefined) return undefined;
  if (value === 'disabled') return { passthrough: false };
  if (value === 'enabled') return { passthrough: true };
  if (value === 'sync_pt' || value === 'share_pt') return { passthrough: true, passthroughMode: value };
  throw new XenConfigError({ code: 'CONF_SYNTAX', reason: `Invalid passthrough mode ${value}`, setting: 'passthrough' });
}

function parseClock(conf: ConfReader, hvm: boolean): ClockConfig {
  const localtime = conf.bool('localtime', 0) === 1;
  if (hvm) {
    // libvirt keeps rtc_timeoffset as a C int.
    const offset = conf.unsigned('rtc_timeoffset', 0) | 0;
    return { offset: 'variable', adjustment: offset, basis: localtime ? 'localtime' : 'utc', timers: [] };
  }
  // PV guests have no emulated RTC: the offset is fixed.
  return { offset: localtime ? 'localtime' : 'utc', adjustment: 'reset', timers: [] };
}

function parseSounds(text: string): DomainConfig['devices']['sounds'] {
  // "all" stands for the two models Xen's old QEMU had.
  if (text === 'all') return [{ model: 'sb16' }, { model: 'es1370' }];
  return text.split(',').map((model) => {
    if (model.length >= 10 || !(SOUND_MODELS as readonly string[]).includes(model)) throw internalError(`unknown sound model '${model}'`, 'soundhw');
    return { model: model as SoundModel };
  });
}

function parseGraphics(conf: ConfReader, hvm: boolean): GraphicsConfig | undefined {
  if (hvm) {
    if (conf.bool('vnc', 0)) {
      const graphics: GraphicsConfig = { type: 'vnc', port: -1, autoport: conf.bool('vncunused', 1) === 1, listens: [] };
      if (!graphics.autoport) graphics.port = conf.unsigned('vncdisplay', 0) + 5900;
      graphics.listens.push(addressListen(conf.string('vnclisten')));
      const passwd = conf.string('vncpasswd');
      if (passwd !== undefined) graphics.passwd = passwd;
      const keymap = conf.string('keymap');
      if (keymap !== undefined) graphics.keymap = keymap;
      return graphics;
    }
    if (conf.bool('sdl', 0)) {
      const graphics: GraphicsConfig = { type: 'sdl', listens: [] };
      const display = conf.string('display');
      if (display !== undefined) graphics.display = display;
      const xauth = conf.string('xauthority');
      if (xauth !== undefined) graphics.xauth = xauth;
      return graphics;
    }
    return undefined;
  }
  const vfbs = conf.stringList('vfb');
  return vfbs === undefined || vfbs.length === 0 ? undefined : parseVfb(vfbs[0]!);
}

/** PV guests: `vfb = [ "type=vnc,vncunused=1,vnclisten=…" ]` (the first entry only, as libvirt). */
function parseVfb(vfb: string): GraphicsConfig {
  const vnc = !vfb.includes('type=sdl');
  const graphics: GraphicsConfig = vnc ? { type: 'vnc', port: -1, autoport: false, listens: [] } : { type: 'sdl', listens: [] };
  let listen: string | undefined;
  for (const pair of splitKeyValues(vfb)) {
    if (pair === undefined) break;
    const { key, value } = pair;
    if (vnc) {
      if (key === 'vncunused') {
        if (value === '1') graphics.autoport = true;
      } else if (key === 'vnclisten') listen = value;
      else if (key === 'vncpasswd') graphics.passwd = value;
      else if (key === 'keymap') graphics.keymap = value;
      else if (key === 'vncdisplay') {
        if (!/^-?\d+$/.test(value)) throw internalError(`invalid vncdisplay value '${value}'`, 'vfb');
        graphics.port = Number(value) + 5900;
      }
    } else if (key === 'display') graphics.display = value;
    else if (key === 'xauthority') graphics.xauth = value;
  }
  if (vnc) {
    // libvirt leaves a display's port at 0 until vncdisplay or autoport says otherwise.
    if (graphics.autoport) graphics.port = -1;
    else if (graphics.port === -1) graphics.port = 0;
    graphics.listens.push(addressListen(listen));
  }
  return graphics;
}

function addressListen(address: string | undefined): GraphicsConfig['listens'][number] {
  return address === undefined ? { type: 'address' } : { type: 'address', address };
}

function parseCharDevices(conf: ConfReader, config: DomainConfig, format: XenFormat, hvm: boolean): void {
  if (!hvm) {
    config.devices.consoles = [{ type: 'pty', sources: [], target: { type: 'xen', port: 0 } }];
    return;
  }
  const parallel = conf.string('parallel');
  if (parallel !== undefined && parallel !== 'none') config.devices.parallels = [withPort(parseCharDevice(parallel), 0)];
  const serialValue = conf.value('serial');
  if (serialValue?.type === 'list') {
    if (format === 'xm') throw unsupported('Multiple serial devices are not supported by xen-xm', 'serial');
    const serials: CharDeviceConfig[] = [];
    (conf.stringList('serial') ?? []).forEach((entry, port) => {
      if (entry !== 'none') serials.push(withPort(parseCharDevice(entry), port));
    });
    config.devices.serials = serials;
  } else {
    const serial = conf.string('serial');
    if (serial !== undefined && serial !== 'none') config.devices.serials = [withPort(parseCharDevice(serial), 0)];
  }
}

function withPort(device: CharDeviceConfig, port: number): CharDeviceConfig {
  return { ...device, target: { port } };
}
