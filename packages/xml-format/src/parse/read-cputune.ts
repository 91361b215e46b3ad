// <cputune> -> CputuneConfig (vcpu and emulator pins) and the IOThreads' pins, as libvirt 9 reads them.
import type { CputuneConfig, IOThreadIdConfig, VcpuPinConfig } from '../model/domain.js';
import type { ElementReader } from './element-reader.js';
import { readCpuset } from './read-cpuset.js';
import { requiredId } from './read-iothreads.js';

/**
 * The pins of `<cputune>`, in libvirt's checks and order: each `<vcpupin>` (a pin of a vcpu the
 * domain does not have is dropped, as libvirt drops it), one `<emulatorpin>` at most, and each
 * `<iothreadpin>`, whose set goes onto its IOThread of `iothreads`. Undefined when nothing is pinned
 * but IOThreads.
 */
export function readCputune(domain: ElementReader, vcpus: number, iothreads: IOThreadIdConfig[]): CputuneConfig | undefined {
  const cputune = domain.child('cputune');
  if (cputune === undefined) return undefined;
  const vcpupins: VcpuPinConfig[] = [];
  for (const pin of cputune.children('vcpupin')) {
    const vcpu = requiredId(pin, 'vcpu', true);
    if (vcpu >= vcpus) {
      pin.attribute('cpuset');
      continue;
    }
    if (!pin.hasAttribute('cpuset')) pin.fail('XML_ERROR', 'MISSING_ATTRIBUTE', 'missing cpuset for vcpupin', undefined, undefined, '/@cpuset');
    if (vcpupins.some((other) => other.vcpu === vcpu)) pin.fail('XML_ERROR', 'DUPLICATE', `duplicate vcpupin for vcpu '${vcpu}'`, String(vcpu));
    vcpupins.push({ vcpu, cpuset: readCpuset(pin) });
  }
  vcpupins.sort((a, b) => a.vcpu - b.vcpu);
  const config: CputuneConfig = { vcpupins };
  const emulatorpins = cputune.children('emulatorpin');
  if (emulatorpins.length > 1) emulatorpins[1]?.fail('XML_ERROR', 'DUPLICATE', 'only one emulatorpin is supported');
  const emulatorpin = emulatorpins[0];
  if (emulatorpin !== undefined) {
    if (!emulatorpin.hasAttribute('cpuset')) emulatorpin.fail('XML_ERROR', 'MISSING_ATTRIBUTE', 'missing cpuset for emulatorpin', undefined, undefined, '/@cpuset');
    config.emulatorpin = readCpuset(emulatorpin);
  }
  for (const pin of cputune.children('iothreadpin')) {
    const id = requiredId(pin, 'iothread');
    const iothread =
      iothreads.find((candidate) => candidate.id === id) ?? pin.failAttribute('iothread', 'CONFIG_UNSUPPORTED', `Cannot find 'iothread' : ${id}`, String(id));
    if (!pin.hasAttribute('cpuset')) pin.fail('XML_ERROR', 'MISSING_ATTRIBUTE', 'missing cpuset for iothreadpin', undefined, undefined, '/@cpuset');
    const cpuset = readCpuset(pin);
    if (iothread.cpuset !== undefined) pin.fail('XML_ERROR', 'DUPLICATE', `duplicate iothreadpin for same iothread '${id}'`, String(id));
    iothread.cpuset = cpuset;
  }
  return vcpupins.length === 0 && config.emulatorpin === undefined ? undefined : config;
}
