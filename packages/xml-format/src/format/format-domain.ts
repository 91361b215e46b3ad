// DomainConfig -> <domain>: the top-level elements in libvirt's order.
import type { DomainConfig, DomainFeatures } from '../model/domain.js';
import { CLOCK_BASES, CLOCK_OFFSETS, DOMAIN_FEATURE_NAMES, DOMAIN_TYPES, LIFECYCLE_ACTIONS, TIMER_MODES, TIMER_NAMES, TIMER_TICK_POLICIES, TIMER_TRACKS, VCPU_PLACEMENTS, XEN_PASSTHROUGH_MODES } from '../model/domain.js';
import { formatBlkiotune } from './format-blkiotune.js';
import { formatCputune, formatIOThreads } from './format-cputune.js';
import { formatDevices } from './format-devices.js';
import { formatOs } from './format-os.js';
import { yesNo } from './values.js';
import type { XmlWriter } from './xml-writer.js';

export function formatDomain(out: XmlWriter, config: DomainConfig): void {
  for (const field of ['type', 'name', 'memory', 'currentMemory', 'vcpu', 'os', 'clock', 'onPoweroff', 'onReboot', 'onCrash', 'devices'] as const) {
    out.require(field, config[field]);
  }
  out.element(
    'domain',
    [
      ['type', out.oneOf('type', config.type, DOMAIN_TYPES)],
      ['id', config.id],
    ],
    () => {
      out.text('name', config.name);
      out.text('uuid', config.uuid);
      out.text('title', config.title);
      out.text('description', config.description);
      if (config.maxMemory !== undefined) {
        out.text('maxMemory', config.maxMemory.size, [
          ['slots', config.maxMemory.slots],
          ['unit', 'KiB'],
        ]);
      }
      out.text('memory', config.memory, [['unit', 'KiB']]);
      out.text('currentMemory', config.currentMemory, [['unit', 'KiB']]);
      formatBlkiotune(out, config);
      out.text('vcpu', config.vcpu.count, [
        ['placement', out.oneOf('vcpu.placement', config.vcpu.placement, VCPU_PLACEMENTS)],
        ['cpuset', config.vcpu.cpuset],
        ['current', config.vcpu.current],
      ]);
      formatIOThreads(out, config);
      formatCputune(out, config);
      out.text('bootloader', config.bootloader);
      out.text('bootloader_args', config.bootloaderArgs);
      out.at('os', () => formatOs(out, config.os));
      if (config.features !== undefined) formatFeatures(out, config.features);
      formatClock(out, config);
      out.text('on_poweroff', out.oneOf('onPoweroff', config.onPoweroff, LIFECYCLE_ACTIONS));
      out.text('on_reboot', out.oneOf('onReboot', config.onReboot, LIFECYCLE_ACTIONS));
      out.text('on_crash', out.oneOf('onCrash', config.onCrash, LIFECYCLE_ACTIONS));
      out.at('devices', () => formatDevices(out, config.devices));
    },
  );
}

// Features the schema allows only as on (`<acpi/>`): false is written as absent.
const ON_ONLY_FEATURES: ReadonlySet<string> = new Set(['acpi', 'apic', 'pae', 'viridian', 'privnet']);

function formatFeatures(out: XmlWriter, features: DomainFeatures): void {
  out.element('features', [], () => {
    for (const name of DOMAIN_FEATURE_NAMES) {
      const on = features[name];
      if (on === undefined || (on === false && ON_ONLY_FEATURES.has(name))) continue;
      out.empty(name, on ? [] : [['state', 'off']]);
    }
    const xen = features.xen;
    if (xen !== undefined) {
      out.element('xen', [], () => {
        if (xen.e820Host !== undefined) out.empty('e820_host', [['state', xen.e820Host ? 'on' : 'off']]);
        if (xen.passthrough !== undefined) {
          out.empty('passthrough', [
            ['state', xen.passthrough ? 'on' : 'off'],
            ['mode', out.oneOf('features.xen.passthroughMode', xen.passthroughMode, XEN_PASSTHROUGH_MODES)],
          ]);
        }
      });
    }
  });
}

function formatClock(out: XmlWriter, config: DomainConfig): void {
  const clock = config.clock;
  out.element(
    'clock',
    [
      ['offset', out.oneOf('clock.offset', clock.offset, CLOCK_OFFSETS)],
      ['adjustment', clock.adjustment],
      ['basis', out.oneOf('clock.basis', clock.basis, CLOCK_BASES)],
      ['timezone', clock.timezone],
    ],
    () => {
      for (const timer of clock.timers) {
        out.empty('timer', [
          ['name', out.oneOf('clock.timers.name', timer.name, TIMER_NAMES)],
          ['present', yesNo(timer.present)],
          ['tickpolicy', out.oneOf('clock.timers.tickpolicy', timer.tickpolicy, TIMER_TICK_POLICIES)],
          ['track', out.oneOf('clock.timers.track', timer.track, TIMER_TRACKS)],
          ['mode', out.oneOf('clock.timers.mode', timer.mode, TIMER_MODES)],
        ]);
      }
    },
  );
}
