import { parseSexpr, type SExpr } from '@libvirt-ts/sexpr';
import { canonicalUuid } from '@libvirt-ts/xml-format';
import { parseDomainXml } from '@libvirt-ts/xml-format';
import { toXendConfig } from '../config/index.js';
import { XendError } from '../errors/xend-error.js';
import { type FakeDomain, newDomain, type RunState } from './fake-domain.js';
import { domainFromSexpr } from './domain-from-sexpr.js';

/**
 * How to set up a fake xend: the node, Domain-0's size, and any other domains, as JSON.
 * Every field is optional; `{}` is a two-CPU Xen 3.0.2 host with only Domain-0.
 */
export interface FakeXendSeed {
  /** Fields of the `(node ...)` record to override (`nr_cpus`, `total_memory` in MiB, `xen_extra`...). */
  node?: Record<string, string | number>;
  domain0?: { memory?: number; maxmem?: number; vcpus?: number; cpu_time?: number };
  domains?: FakeDomainSeed[];
  /** The hypervisor console text `GET /xend/node/dmesg` answers. */
  dmesg?: string;
}

/**
 * A domain given field by field, as a whole `(domain ...)` record (a libvirt corpus file), or
 * as libvirt domain XML (converted as `virsh create` would send it to xend).
 */
export type FakeDomainSeed =
  | {
      name: string;
      id?: number;
      uuid?: string;
      /** MiB */
      memory?: number;
      maxmem?: number;
      vcpus?: number;
      state?: RunState;
      /** Seconds of CPU already used. */
      cpu_time?: number;
      /** Further record items as sexpr text: `(image (linux (kernel '/boot/vmlinuz')))`, `(device (vbd ...))`. */
      extras?: string[];
      /** A managed domain (xend 3.0.4+) that stays defined when it stops; `state: 'halted'` implies it. */
      managed?: boolean;
    }
  | { sexpr: string }
  | { xml: string; id?: number; state?: RunState; cpu_time?: number; managed?: boolean };

/** The fields of a `(node ...)` record, in xend's order, with a plausible Xen 3.0.2 host. */
export const DEFAULT_NODE: ReadonlyArray<readonly [string, string | number]> = [
  ['host', 'fake-xen'],
  ['release', '2.6.16-xen'],
  ['version', '#1 SMP Tue Jul 11 12:00:00 UTC 2006'],
  ['machine', 'i686'],
  ['nr_cpus', 2],
  ['nr_nodes', 1],
  ['sockets_per_node', 1],
  ['cores_per_socket', 2],
  ['threads_per_core', 1],
  ['cpu_mhz', 2000],
  ['hw_caps', 'bfebfbff:00000000:00000000:00000180:0000e59d:00000000:00000001'],
  ['total_memory', 2047],
  ['free_memory', 0],
  ['xen_major', 3],
  ['xen_minor', 0],
  ['xen_extra', '.2'],
  ['xen_caps', 'xen-3.0-x86_32'],
  ['platform_params', 'virt_start=0xfc000000'],
  ['xen_changeset', 'Tue Jul 11 12:00:00 2006 +0100 9762:fake'],
  ['cc_compiler', 'gcc version 4.1.1'],
  ['cc_compile_by', 'fake'],
  ['cc_compile_domain', 'localdomain'],
  ['cc_compile_date', 'Tue Jul 11 12:00:00 UTC 2006'],
];

export const DEFAULT_DMESG = [
  ' __  __            _____  ___   ____  ',
  ' \\ \\/ /___ _ __   |___ / / _ \\ |___ \\ ',
  '  \\  // _ \\ \'_ \\    |_ \\| | | |  __) |',
  '  /  \\  __/ | | |  ___) | |_| | / __/ ',
  ' /_/\\_\\___|_| |_| |____(_)___(_)_____|',
  '(XEN) Xen version 3.0.2 (fake@localdomain) (gcc version 4.1.1)',
  '(XEN) Latest ChangeSet: fake',
  '(XEN) Physical RAM map: 2047 MiB',
  '(XEN) Brought up 2 CPUs',
  '',
].join('\n');

const RUN_STATES: readonly RunState[] = ['running', 'blocked', 'paused', 'shutdown', 'crashed', 'dying', 'halted'];

/** The seed with defaults applied and every value checked. */
export interface NormalizedSeed {
  node: Map<string, string | number>;
  domain0: FakeDomain;
  domains: FakeDomain[];
  dmesg: string;
}

function seedError(where: string, message: string, cause?: unknown): XendError {
  return new XendError({ code: 'INVALID_ARG', message: `fake xend seed ${where}: ${message}`, cause });
}

function expectCount(value: unknown, where: string, minimum: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum) {
    throw seedError(where, `expected an integer >= ${minimum}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function expectSeconds(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw seedError(where, `expected a non-negative number of seconds, got ${JSON.stringify(value)}`);
  }
  return value;
}

function expectRunState(value: unknown, where: string): RunState {
  if (value === undefined) return 'running';
  if (!RUN_STATES.includes(value as RunState)) throw seedError(where, `expected one of ${RUN_STATES.join(', ')}`);
  return value as RunState;
}

function parseSeedSexpr(text: unknown, where: string): SExpr {
  if (typeof text !== 'string') throw seedError(where, 'expected sexpr text');
  try {
    // libvirt's corpus files continue long lines with a backslash before the newline.
    return parseSexpr(text.replaceAll('\\\n', ''));
  } catch (cause) {
    throw seedError(where, `not an S-expression: ${(cause as Error).message}`, cause);
  }
}

export const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

/** Checks a seed and fills in the defaults. `now` starts the clocks of running domains. */
export function normalizeSeed(seed: FakeXendSeed, now: number, randomUuid: () => string): NormalizedSeed {
  if (typeof seed !== 'object' || seed === null) throw seedError('', 'expected a JSON object');
  const node = new Map<string, string | number>(DEFAULT_NODE);
  for (const [key, value] of Object.entries(seed.node ?? {})) {
    if (typeof value !== 'string' && typeof value !== 'number') throw seedError(`node.${key}`, 'expected a string or a number');
    node.set(key, value);
  }
  const d0 = seed.domain0 ?? {};
  const memory = expectCount(d0.memory ?? 512, 'domain0.memory', 1);
  const vcpus = expectCount(d0.vcpus ?? node.get('nr_cpus') ?? 1, 'domain0.vcpus', 1);
  const domain0 = newDomain({
    id: 0,
    name: 'Domain-0',
    uuid: ZERO_UUID,
    memory,
    maxmem: expectCount(d0.maxmem ?? memory, 'domain0.maxmem', memory),
    vcpus,
    state: 'running',
    cpuSeconds: expectSeconds(d0.cpu_time ?? 0, 'domain0.cpu_time'),
    runningSince: now,
  });
  if (!Array.isArray(seed.domains ?? [])) throw seedError('domains', 'expected an array');
  const domains = (seed.domains ?? []).map((domainSeed, index) =>
    seedDomain(domainSeed, `domains[${index}]`, now, randomUuid),
  );
  const dmesg = seed.dmesg ?? DEFAULT_DMESG;
  if (typeof dmesg !== 'string') throw seedError('dmesg', 'expected a string');
  return { node, domain0, domains, dmesg };
}

function seedDomain(seed: FakeDomainSeed, where: string, now: number, randomUuid: () => string): FakeDomain {
  if (typeof seed !== 'object' || seed === null) throw seedError(where, 'expected an object');
  if ('xml' in seed) return domainFromXml(seed, where, now, randomUuid);
  if ('sexpr' in seed) {
    const record = parseSeedSexpr(seed.sexpr, `${where}.sexpr`);
    try {
      return domainFromSexpr(record, 'domain', { now, randomUuid, defaultState: 'running' });
    } catch (cause) {
      throw seedError(`${where}.sexpr`, (cause as Error).message, cause);
    }
  }
  if (typeof seed.name !== 'string' || seed.name === '') throw seedError(`${where}.name`, 'expected a non-empty string');
  const memory = expectCount(seed.memory ?? 128, `${where}.memory`, 1);
  const state = expectRunState(seed.state, `${where}.state`);
  const uuid = seed.uuid ?? randomUuid();
  const canonical = typeof uuid === 'string' ? canonicalUuid(uuid) : undefined;
  if (canonical === undefined) throw seedError(`${where}.uuid`, `not a UUID: ${JSON.stringify(uuid)}`);
  return newDomain({
    id: seedId(seed.id, state, where),
    name: seed.name,
    uuid: canonical,
    memory,
    maxmem: expectCount(seed.maxmem ?? memory, `${where}.maxmem`, memory),
    vcpus: expectCount(seed.vcpus ?? 1, `${where}.vcpus`, 1),
    state,
    cpuSeconds: expectSeconds(seed.cpu_time ?? 0, `${where}.cpu_time`),
    runningSince: state === 'running' || state === 'blocked' ? now : undefined,
    extras: (seed.extras ?? []).map((text, index) => parseSeedSexpr(text, `${where}.extras[${index}]`)),
    managed: expectManaged(seed.managed, state, where),
  });
}

/** A seeded id: none (the next free one) by default, and never one for a halted domain. */
function seedId(id: unknown, state: RunState, where: string): number {
  if (id === undefined) return -1;
  if (state === 'halted') throw seedError(`${where}.id`, 'a halted domain has no id');
  return expectCount(id, `${where}.id`, 1);
}

function expectManaged(value: unknown, state: RunState, where: string): boolean {
  if (value === undefined) return state === 'halted';
  if (typeof value !== 'boolean') throw seedError(`${where}.managed`, 'expected true or false');
  if (!value && state === 'halted') throw seedError(`${where}.managed`, 'a halted domain is managed');
  return value;
}

function domainFromXml(
  seed: { xml: string; id?: number; state?: RunState; cpu_time?: number; managed?: boolean },
  where: string,
  now: number,
  randomUuid: () => string,
): FakeDomain {
  if (typeof seed.xml !== 'string') throw seedError(`${where}.xml`, 'expected domain XML text');
  const state = expectRunState(seed.state, `${where}.state`);
  let domain: FakeDomain;
  try {
    domain = domainFromSexpr(toXendConfig(parseDomainXml(seed.xml)), 'vm', { now, randomUuid, defaultState: state });
  } catch (cause) {
    throw seedError(`${where}.xml`, (cause as Error).message, cause);
  }
  return Object.assign(domain, {
    id: seedId(seed.id, state, where),
    managed: expectManaged(seed.managed, state, where),
    state,
    cpuSeconds: expectSeconds(seed.cpu_time ?? 0, `${where}.cpu_time`),
    runningSince: state === 'running' || state === 'blocked' ? now : undefined,
  });
}
