// IOThreads and <cputune> in libvirt's layout (virDomainDefIOThreadsFormat, virDomainCputuneDefFormat).
import type { DomainConfig } from '../model/domain.js';
import type { XmlWriter } from './xml-writer.js';

/** `<iothreads>N</iothreads>`, then `<iothreadids>` when some id was not filled in by the parser. */
export function formatIOThreads(out: XmlWriter, config: DomainConfig): void {
  const iothreads = config.iothreadIds ?? [];
  if (iothreads.length === 0) return;
  out.text('iothreads', iothreads.length);
  if (iothreads.every((iothread) => iothread.autofill)) return;
  out.element('iothreadids', [], () => {
    for (const iothread of iothreads) out.empty('iothread', [['id', out.require('iothreadIds.id', iothread.id)]]);
  });
}

/** `<cputune>`: the vcpus' pins, the emulator's, then the IOThreads' in their order; nothing when nothing is pinned. */
export function formatCputune(out: XmlWriter, config: DomainConfig): void {
  const pinnedIOThreads = (config.iothreadIds ?? []).filter((iothread) => iothread.cpuset !== undefined);
  const cputune = config.cputune;
  if ((cputune?.vcpupins.length ?? 0) === 0 && cputune?.emulatorpin === undefined && pinnedIOThreads.length === 0) return;
  out.element('cputune', [], () => {
    // An empty vcpu pin (virDomainPinVcpu takes one) is written as libvirt does: cpuset=''.
    for (const pin of cputune?.vcpupins ?? []) out.empty('vcpupin', [['vcpu', pin.vcpu], ['cpuset', pin.cpuset === '' ? '' : out.require('cputune.vcpupins.cpuset', pin.cpuset)]]);
    if (cputune?.emulatorpin !== undefined) out.empty('emulatorpin', [['cpuset', out.require('cputune.emulatorpin', cputune.emulatorpin)]]);
    for (const iothread of pinnedIOThreads) out.empty('iothreadpin', [['iothread', iothread.id], ['cpuset', iothread.cpuset]]);
  });
}
