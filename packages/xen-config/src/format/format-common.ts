// What xm and xl configs share, written in libvirt's order
// (xenFormatConfigCommon): identity, memory, vcpus, features, clock,
// lifecycle, emulator, framebuffer, NICs, PCI, character devices, sound.
import type { DomainConfig } from '@libvirt-ts/xml-format';
import type { ConfBuilder } from '../conf/conf-builder.js';
import type { XenFormat } from '../parse/parse-common.js';
import { unsupported } from '../xen-config-error.js';
import { formatCharDevice } from './format-char-device.js';
import { formatVif } from './format-vif.js';

export function formatCommon(out: ConfBuilder, config: DomainConfig, format: XenFormat): void {
  const hvm = config.os.type === 'hvm';
  out.setString('name', config.name);
  out.setString('uuid', config.uuid ?? '00000000-0000-0000-0000-000000000000');
  out.setInt('maxmem', Math.ceil(config.memory / 1024));
  out.setInt('memory', Math.ceil(config.currentMemory / 1024));
  const current = config.vcpu.current ?? config.vcpu.count;
  if (current < config.vcpu.count) out.setInt('maxvcpus', config.vcpu.count);
  out.setInt('vcpus', current);
  if (config.vcpu.cpuset !== undefined) out.setString('cpus', config.vcpu.cpuset);
  formatFeatures(out, config, hvm);
  formatClock(out, config, hvm);
  out.setString('on_poweroff', config.onPoweroff);
  out.setString('on_reboot', config.onReboot);
  out.setString('on_crash', config.onCrash);
  if (config.devices.emulator !== undefined) out.setString('device_model_override', config.devices.emulator);
  formatGraphics(out, config, hvm);
  out.setStringList(
    'vif',
    config.devices.interfaces.map((nic) => formatVif(nic, hvm, format === 'xl' ? 'vif' : 'netfront')),
  );
  out.setStringList(
    'pci',
    config.devices.hostdevs.map(
      ({ source, writeFiltering }) =>
        `${hex(source.domain, 4)}:${hex(source.bus, 2)}:${hex(source.slot, 2)}.${source.function.toString(16)}${writeFiltering === undefined ? '' : writeFiltering ? ',permissive=0' : ',permissive=1'}`,
    ),
  );
  if (hvm) formatCharDevices(out, config, format);
  if (hvm && config.devices.sounds.length > 0) out.setString('soundhw', config.devices.sounds.map((sound) => sound.model).join(','));
}

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, '0');
}

function formatFeatures(out: ConfBuilder, config: DomainConfig, hvm: boolean): void {
  const features = config.features ?? {};
  if (hvm) {
    out.setInt('pae', features.pae === true ? 1 : 0);
    out.setInt('acpi', features.acpi === true ? 1 : 0);
    out.setInt('apic', features.apic === true ? 1 : 0);
    if (features.hap === false) out.setInt('hap', 0);
    out.setInt('viridian', features.viridian === true ? 1 : 0);
  } else if (features.xen?.e820Host === true) {
    out.setInt('e820_host', 1);
  }
  if (features.xen?.passthrough === true) out.setString('passthrough', features.xen.passthroughMode ?? 'enabled');
  for (const timer of config.clock.timers) {
    if (timer.name === 'tsc') out.setString('tsc_mode', TSC_MODE_SETTINGS[timer.mode ?? 'auto'] ?? 'default');
    else if (timer.name === 'hpet' && hvm) out.setInt('hpet', timer.present === false ? 0 : 1);
    else throw unsupported(`unsupported timer type (name) '${timer.name}'`);
  }
}

const TSC_MODE_SETTINGS: Record<string, string> = { native: 'native', paravirt: 'native_paravirt', emulate: 'always_emulate' };

function formatClock(out: ConfBuilder, config: DomainConfig, hvm: boolean): void {
  const clock = config.clock;
  let localtime: number;
  if (hvm) {
    let offset = 0;
    if (clock.offset === 'variable') {
      localtime = clock.basis === 'localtime' ? 1 : 0;
      offset = typeof clock.adjustment === 'number' ? clock.adjustment : 0;
    } else if (clock.offset === 'utc' || clock.offset === 'localtime') {
      if (clock.adjustment === 'reset') throw unsupported("unsupported clock adjustment='reset'");
      localtime = clock.offset === 'localtime' ? 1 : 0;
    } else {
      throw unsupported(`unsupported clock offset='${clock.offset}'`);
    }
    out.setInt('rtc_timeoffset', offset);
  } else if (clock.offset === 'utc' || clock.offset === 'localtime') {
    localtime = clock.offset === 'localtime' ? 1 : 0;
  } else {
    throw unsupported(`unsupported clock offset='${clock.offset}'`);
  }
  out.setInt('localtime', localtime);
}

function formatGraphics(out: ConfBuilder, config: DomainConfig, hvm: boolean): void {
  const all = config.devices.graphics;
  const graphics = all[0];
  if (all.length !== 1 || graphics === undefined || graphics.type === 'spice') return;
  const listen = graphics.listens[0]?.address;
  const port = graphics.port ?? 0;
  if (hvm) {
    if (graphics.type === 'sdl') {
      out.setInt('sdl', 1);
      out.setInt('vnc', 0);
      if (graphics.display !== undefined) out.setString('display', graphics.display);
      if (graphics.xauth !== undefined) out.setString('xauthority', graphics.xauth);
      return;
    }
    out.setInt('sdl', 0);
    out.setInt('vnc', 1);
    out.setInt('vncunused', graphics.autoport === true ? 1 : 0);
    if (graphics.autoport !== true) out.setInt('vncdisplay', port - 5900);
    if (listen !== undefined) out.setString('vnclisten', listen);
    if (graphics.passwd !== undefined) out.setString('vncpasswd', graphics.passwd);
    if (graphics.keymap !== undefined) out.setString('keymap', graphics.keymap);
    return;
  }
  let vfb: string;
  if (graphics.type === 'sdl') {
    vfb = 'type=sdl';
    if (graphics.display !== undefined) vfb += `,display=${graphics.display}`;
    if (graphics.xauth !== undefined) vfb += `,xauthority=${graphics.xauth}`;
  } else {
    vfb = `type=vnc,vncunused=${graphics.autoport === true ? 1 : 0}`;
    if (graphics.autoport !== true) vfb += `,vncdisplay=${port - 5900}`;
    if (listen !== undefined) vfb += `,vnclisten=${listen}`;
    if (graphics.passwd !== undefined) vfb += `,vncpasswd=${graphics.passwd}`;
    if (graphics.keymap !== undefined) vfb += `,keymap=${graphics.keymap}`;
  }
  out.setStringList('vfb', [vfb]);
}

function formatCharDevices(out: ConfBuilder, config: DomainConfig, format: XenFormat): void {
  const parallel = config.devices.parallels[0];
  out.setString('parallel', parallel === undefined ? 'none' : formatCharDevice(parallel));
  const serials = config.devices.serials;
  const first = serials[0];
  if (first === undefined) {
    out.setString('serial', 'none');
  } else if (serials.length === 1 && (first.target?.port ?? 0) === 0) {
    out.setString('serial', formatCharDevice(first));
  } else {
    if (format === 'xm') throw unsupported('Multiple serial devices are not supported by xen-xm');
    const maxPort = Math.max(...serials.map((serial) => serial.target?.port ?? 0));
    const entries: string[] = [];
    for (let port = 0; port <= maxPort; port++) {
      const serial = serials.find((candidate) => (candidate.target?.port ?? 0) === port);
      entries.push(serial === undefined ? 'none' : formatCharDevice(serial));
    }
    out.setStringList('serial', entries);
  }
}
