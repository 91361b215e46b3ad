import { randomUUID } from 'node:crypto';
import { type DomainConfig, emptyDevices, formatDomainXml, parseDomainXml } from '@libvirt-ts/xml-format';
import { checkXmlDocument, readCheckedDomain } from '../test/xml-parse-error.js';
import { asVirtErrors, xenDriverError } from '../xen/to-virt-error.js';

/**
 * A domain XML as libvirt 9's libxl driver keeps it once parsed: the defaults its post-parse
 * step adds to a PV guest (x86_64/xenpv, a xenbus controller, a Xen console, mouse and keyboard,
 * a Xen balloon) and a fresh UUID when the document has none.
 */
export async function parseXenlightDefinition(xml: string): Promise<DomainConfig> {
  const config = await asVirtErrors('LIBXL', async () => parseDomainXml(xml));
  return withXenlightDefaults(config);
}

/** A user's document (create, define): libvirt 9's XML errors (libxml2's wording for a malformed one), then the defaults. */
export function parseUserDefinition(xml: string): DomainConfig {
  const config = readCheckedDomain(checkXmlDocument(xml, '(domain_definition)', 'domain', 'memory'), xml);
  delete config.id;
  return withXenlightDefaults(config);
}

function withXenlightDefaults(config: DomainConfig): DomainConfig {
  if (config.type !== 'xen') {
    throw xenDriverError('LIBXL', 'CONFIG_UNSUPPORTED', `hypervisor type '${config.type}' is not supported by this driver, only 'xen'`);
  }
  config.uuid ??= randomUUID();
  if (config.os.type !== 'hvm') addPvDefaults(config);
  return config;
}

function addPvDefaults(config: DomainConfig): void {
  config.os.arch ??= 'x86_64';
  config.os.machine ??= 'xenpv';
  const devices = config.devices;
  if (!devices.controllers.some((c) => c.type === 'xenbus')) devices.controllers.push({ type: 'xenbus', index: 0 });
  if (devices.consoles.length === 0) devices.consoles.push({ type: 'pty', sources: [], target: { type: 'xen', port: 0 } });
  for (const type of ['mouse', 'keyboard'] as const) {
    if (!devices.inputs.some((input) => input.type === type && input.bus === 'xen')) devices.inputs.push({ type, bus: 'xen' });
  }
  devices.memballoon ??= { model: 'xen' };
}

/** The persistent (inactive) form: no id, no console pty. */
export function inactiveXml(config: DomainConfig): string {
  return formatDomainXml(withoutLiveState(config));
}

/** What is live about a running domain beside its definition. */
export interface LiveState {
  id: number;
  /** The pty xenconsoled gave the console (xenstore `console/tty`). */
  consoleTty?: string;
  /** Balloon target, KiB. */
  currentMemory?: number;
  /** vcpus online. */
  vcpus?: number;
}

/** dumpxml of a running domain: its definition with the id, console pty, balloon and vcpus of now. */
export function liveXml(config: DomainConfig, live: LiveState): string {
  const copy = withoutLiveState(config);
  copy.id = live.id;
  if (live.currentMemory !== undefined) copy.currentMemory = live.currentMemory;
  if (live.vcpus !== undefined) {
    if (live.vcpus === copy.vcpu.count) delete copy.vcpu.current;
    else copy.vcpu.current = live.vcpus;
  }
  const console = copy.devices.consoles[0];
  if (console && console.type === 'pty' && live.consoleTty) {
    console.tty = live.consoleTty;
    console.sources = [{ path: live.consoleTty }];
  }
  return formatDomainXml(copy);
}

function withoutLiveState(config: DomainConfig): DomainConfig {
  const copy = structuredClone(config);
  delete copy.id;
  for (const console of copy.devices.consoles) {
    if (console.type !== 'pty') continue;
    delete console.tty;
    console.sources = [];
  }
  return copy;
}

/** A domain this driver did not start (Domain-0, or one `xl` started): the little Xen tells, as libvirt 9 shows dom0. */
export interface ForeignDomain {
  id: number;
  name: string;
  uuid: string;
  maxMemoryKib: number;
  memoryKib: number;
  vcpus: number;
}

export function foreignDomainConfig(domain: ForeignDomain): DomainConfig {
  return {
    type: 'xen',
    id: domain.id,
    name: domain.name,
    uuid: domain.uuid,
    memory: domain.maxMemoryKib,
    currentMemory: domain.memoryKib,
    vcpu: { count: domain.vcpus, placement: 'static' },
    os: { type: 'linux', bootDevices: [] },
    clock: { offset: 'utc', timers: [] },
    onPoweroff: 'destroy',
    onReboot: 'destroy',
    onCrash: 'destroy',
    devices: emptyDevices(),
  } as DomainConfig;
}
