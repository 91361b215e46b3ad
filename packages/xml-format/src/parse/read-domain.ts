// <domain> -> DomainConfig: the top-level elements, with libvirt's defaults.
import type { DomainConfig, DomainType, LifecycleAction, MaxMemoryConfig, VcpuConfig } from '../model/domain.js';
import { DOMAIN_TYPES, LIFECYCLE_ACTIONS, VCPU_PLACEMENTS } from '../model/domain.js';
import { canonicalUuid } from '../values/uuid.js';
import type { ElementReader } from './element-reader.js';
import { readBlkiotune } from './read-blkiotune.js';
import { readClock } from './read-clock.js';
import { readCpuset } from './read-cpuset.js';
import { readCputune } from './read-cputune.js';
import { readDevices } from './read-devices.js';
import { readFeatures } from './read-features.js';
import { readIOThreads } from './read-iothreads.js';
import { readMemorySize } from './read-memory-size.js';
import { readOs } from './read-os.js';

export function readDomain(domain: ElementReader): DomainConfig {
  if (domain.name !== 'domain') {
    domain.fail('XML_ERROR', 'WRONG_ROOT', `root element is <${domain.name}>, expected <domain>`);
  }
  const name = domain.child('name');
  if (name === undefined) return domain.missingElement('NO_NAME', 'missing <name> element');
  if (name.text().trim() === '') name.failText('NO_NAME', 'empty domain name');
  // libvirt names files after domains; its words for a name that would not make one.
  if (name.text().includes('/')) name.failText('XML_ERROR', `name ${name.text()} cannot contain '/'`);
  const memory = readMaxMemoryElement(domain);
  const bootloader = domain.childText('bootloader');
  const bootloaderArgs = domain.childText('bootloader_args');
  const type = readDomainType(domain);
  const config: DomainConfig = {
    type,
    name: name.text(),
    memory,
    currentMemory: readCurrentMemory(domain, memory),
    vcpu: readVcpu(domain),
    os: readOs(domain, type, bootloader !== undefined),
    clock: readClock(domain.child('clock')),
    onPoweroff: readLifecycle(domain, 'on_poweroff', 'destroy'),
    onReboot: readLifecycle(domain, 'on_reboot', 'restart'),
    onCrash: readLifecycle(domain, 'on_crash', 'destroy'),
    devices: readDevices(domain.child('devices')),
  };
  const id = readId(domain);
  if (id !== undefined) config.id = id;
  const uuid = domain.child('uuid');
  if (uuid !== undefined) {
    config.uuid = canonicalUuid(uuid.text()) ?? uuid.failText('INVALID_ARG', 'malformed uuid element');
  }
  const title = domain.childText('title');
  if (title !== undefined) config.title = title;
  const description = domain.childText('description');
  if (description !== undefined) config.description = description;
  const maxMemory = readMaxMemory(domain);
  if (maxMemory !== undefined) config.maxMemory = maxMemory;
  if (bootloader !== undefined) config.bootloader = bootloader;
  if (bootloaderArgs !== undefined) config.bootloaderArgs = bootloaderArgs;
  const features = domain.child('features');
  if (features !== undefined) config.features = readFeatures(features);
  const blkiotune = readBlkiotune(domain);
  if (blkiotune !== undefined) config.blkiotune = blkiotune;
  const iothreadIds = readIOThreads(domain);
  if (iothreadIds !== undefined) config.iothreadIds = iothreadIds;
  const cputune = readCputune(domain, config.vcpu.count, iothreadIds ?? []);
  if (cputune !== undefined) config.cputune = cputune;
  return config;
}

// 0.1.x documents have no type; they were Xen's.
function readDomainType(domain: ElementReader): DomainType {
  return domain.enumAttribute('type', DOMAIN_TYPES) ?? 'xen';
}

// id='-1' is how libvirt marks an inactive domain: no id.
function readId(domain: ElementReader): number | undefined {
  const id = domain.integerAttribute('id');
  if (id === undefined || id === -1) return undefined;
  if (id < 0) domain.failAttribute('id', 'INVALID_ARG', 'domain id must be -1 or a non-negative integer', String(id));
  return id;
}

function readMaxMemoryElement(domain: ElementReader): number {
  const memory = domain.child('memory');
  if (memory === undefined) domain.missingElement('XML_ERROR', 'missing <memory> element');
  return readMemorySize(memory);
}

// libvirt starts the balloon at the maximum when unset, and never above it.
function readCurrentMemory(domain: ElementReader, memory: number): number {
  const current = domain.child('currentMemory');
  if (current === undefined) return memory;
  return Math.min(readMemorySize(current), memory);
}

function readMaxMemory(domain: ElementReader): MaxMemoryConfig | undefined {
  const maxMemory = domain.child('maxMemory');
  // Without slots it is the 0.2.x test-driver leftover nothing ever read.
  if (maxMemory === undefined || !maxMemory.hasAttribute('slots')) return undefined;
  return { size: readMemorySize(maxMemory), slots: maxMemory.unsignedAttribute('slots') ?? 0 };
}

function readVcpu(domain: ElementReader): VcpuConfig {
  const vcpu = domain.child('vcpu');
  if (vcpu === undefined) return { count: 1, placement: 'static' };
  const count = vcpu.unsignedText();
  if (count < 1) vcpu.failText('INVALID_ARG', 'a domain needs at least one vcpu');
  const config: VcpuConfig = { count, placement: vcpu.enumAttribute('placement', VCPU_PLACEMENTS) ?? 'static' };
  const current = vcpu.unsignedAttribute('current');
  if (current !== undefined) {
    if (current < 1 || current > count) {
      vcpu.failAttribute('current', 'INVALID_ARG', `current vcpus must be between 1 and ${count}`, String(current));
    }
    config.current = current;
  }
  if (vcpu.hasAttribute('cpuset')) config.cpuset = readCpuset(vcpu);
  return config;
}

function readLifecycle(domain: ElementReader, element: string, fallback: LifecycleAction): LifecycleAction {
  const action = domain.child(element);
  return action === undefined ? fallback : action.enumText(LIFECYCLE_ACTIONS);
}
