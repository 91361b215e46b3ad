import { atom, list, type SExpr } from '@libvirt-ts/sexpr';
import { mostSeriousStateFlag } from '../protocol/domain-state.js';

/**
 * What a fake domain is doing; each maps to one of xend's six state flags. `halted` is a managed
 * domain that is not running (xend 3.0.4+): no flag set, and no domain id.
 */
export type RunState = 'running' | 'blocked' | 'paused' | 'shutdown' | 'crashed' | 'dying' | 'halted';

const STATE_FLAGS: Record<RunState, string> = {
  running: 'r-----',
  blocked: '-b----',
  paused: '--p---',
  shutdown: '---s--',
  crashed: '----c-',
  dying: '-----d',
  halted: '------',
};

/** The xend state string of a run state. */
export function stateFlags(state: RunState): string {
  return STATE_FLAGS[state];
}

/** The run state of a xend state string, read as the client reads it (libvirt's priority order). */
export function runStateOfFlags(flags: string): RunState | undefined {
  return mostSeriousStateFlag(flags);
}

/** A domain the fake xend holds. Memory in MiB, as xend counts it. */
export interface FakeDomain {
  id: number;
  name: string;
  /** Canonical 8-4-4-4-12 lower case. */
  uuid: string;
  memory: number;
  maxmem: number;
  vcpus: number;
  /** vcpus can be raised up to this (xend's limit is the count at creation). */
  maxVcpus: number;
  state: RunState;
  /** CPU seconds used up to `runningSince` (or in total when not running). */
  cpuSeconds: number;
  /** Clock time (ms) since when cpu time accrues; undefined unless running or blocked. */
  runningSince: number | undefined;
  /** When the guest entered the shutdown state, and why. */
  shutdownAt: number | undefined;
  shutdownReason: 'halt' | 'poweroff' | 'reboot' | undefined;
  /** Asked to shut down while paused: happens once unpaused. */
  pendingShutdown: 'halt' | 'poweroff' | 'reboot' | undefined;
  /** Every other item of the record (image, devices, on_poweroff...), printed as given. */
  extras: SExpr[];
  /** SysRq keys received, oldest first. */
  sysrqKeys: string[];
  /** Defined with `op=new` (or seeded halted): xend keeps it, halted, once it stops running. */
  managed: boolean;
}

/** CPU seconds used at `now` (ms): running and blocked domains accrue one second per second. */
export function cpuSecondsAt(domain: FakeDomain, now: number): number {
  if (domain.runningSince === undefined) return domain.cpuSeconds;
  return domain.cpuSeconds + Math.max(0, now - domain.runningSince) / 1000;
}

/** Seconds as Python's str(float) writes them: always with a fraction (`0.0`, `12.5`). */
export function pythonFloat(value: number): string {
  const text = String(Math.round(value * 1e9) / 1e9);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

const entry = (key: string, value: string | number) => list(atom(key), atom(value));

/**
 * The `(domain ...)` record xend 3.x answers for `GET /xend/domain/<name>?detail=1`. A halted
 * managed domain has no domid and no state flags, but `(status 0)`, as xend 3.0.4+ prints it.
 */
export function domainRecord(domain: FakeDomain, now: number): SExpr {
  const halted = domain.state === 'halted';
  const items: SExpr[] = [
    atom('domain'),
    ...(halted ? [] : [entry('domid', domain.id)]),
    entry('uuid', domain.uuid),
    entry('vcpus', domain.vcpus),
    entry('vcpu_avail', 2 ** domain.vcpus - 1),
    entry('cpu_weight', '1.0'),
    entry('memory', domain.memory),
    entry('shadow_memory', 0),
    entry('maxmem', domain.maxmem),
    entry('name', domain.name),
    ...domain.extras,
    halted ? entry('status', 0) : entry('state', stateFlags(domain.state)),
  ];
  if (domain.shutdownReason !== undefined) items.push(entry('shutdown_reason', domain.shutdownReason));
  items.push(entry('cpu_time', pythonFloat(cpuSecondsAt(domain, now))), entry('online_vcpus', domain.vcpus));
  return list(...items);
}

/** The `(vm ...)` config of a domain, as `xm save` keeps it in the save image. */
export function domainConfig(domain: FakeDomain, now: number): SExpr {
  return list(
    atom('vm'),
    entry('name', domain.name),
    entry('uuid', domain.uuid),
    entry('memory', domain.memory),
    entry('maxmem', domain.maxmem),
    entry('vcpus', domain.vcpus),
    entry('cpu_time', pythonFloat(cpuSecondsAt(domain, now))),
    ...domain.extras,
  );
}

/** A new domain with the fields every domain starts from. */
export function newDomain(fields: Pick<FakeDomain, 'id' | 'name' | 'uuid' | 'memory' | 'maxmem' | 'vcpus'> & Partial<FakeDomain>): FakeDomain {
  return {
    maxVcpus: fields.vcpus,
    state: 'paused',
    cpuSeconds: 0,
    runningSince: undefined,
    shutdownAt: undefined,
    shutdownReason: undefined,
    pendingShutdown: undefined,
    extras: [],
    sysrqKeys: [],
    managed: false,
    ...fields,
  };
}
