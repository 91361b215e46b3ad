import { randomUUID } from 'node:crypto';
import { atom, headOf, list, lookupString, type SExpr } from '@libvirt-ts/sexpr';
import type { XendConfigVersion } from '../config/xend-config-options.js';
import { XendError } from '../errors/xend-error.js';
import { hasManagedDomains, xendConfigVersionOf } from '../protocol/xend-config-version.js';
import { domainFromSexpr } from './domain-from-sexpr.js';
import { cpuSecondsAt, domainConfig, domainRecord, type FakeDomain, type RunState } from './fake-domain.js';
import { type FakeXendSeed, normalizeSeed } from './fake-xend-seed.js';

export interface FakeXendStateOptions {
  /** Milliseconds; cpu_time and shutdowns follow it. Default Date.now. */
  clock?: () => number;
  /** How long a domain shows the shutdown state before it is gone (or restarts). Default 100 ms. */
  shutdownDelayMs?: number;
}

export type ShutdownReason = 'halt' | 'poweroff' | 'reboot';

/** A failure the fake answers with an HTTP status: 404 for an unknown domain, 500 otherwise. */
export function xendFailure(status: 404 | 500, message: string): XendError {
  return new XendError({ code: status === 404 ? 'NO_DOMAIN' : 'POST_FAILED', status, message, xendMessage: message });
}

const DOMAIN0_ID = 0;
/** The states of a domain that exists in the hypervisor (all but halted). */
const LIVE_STATES: RunState[] = ['running', 'blocked', 'paused', 'shutdown', 'crashed', 'dying'];

/**
 * The domains and node of a fake xend 3.x, and what each operation does to them. Time is
 * read from the clock when asked, so state moves on (cpu_time, shutdowns completing) without
 * timers.
 */
export class FakeXendState {
  private readonly clock: () => number;
  private readonly shutdownDelayMs: number;
  private readonly node: Map<string, string | number>;
  /** By id, Domain-0 first: the domains that exist in the hypervisor. */
  private readonly domains = new Map<number, FakeDomain>();
  /** Managed domains that are not running (halted, no id), by uuid (xend 3.0.4+). */
  private readonly defined = new Map<string, FakeDomain>();
  private nextId: number;
  private dmesgText: string;
  private readonly logLines: string[] = [];
  /** Requests served, by `METHOD path` (without query): what a test or benchmark can count. */
  readonly requestCounts = new Map<string, number>();

  constructor(seed: FakeXendSeed = {}, options: FakeXendStateOptions = {}) {
    this.clock = options.clock ?? Date.now;
    this.shutdownDelayMs = options.shutdownDelayMs ?? 100;
    const now = this.clock();
    const normalized = normalizeSeed(seed, now, randomUUID);
    this.node = normalized.node;
    this.dmesgText = normalized.dmesg;
    this.domains.set(DOMAIN0_ID, normalized.domain0);
    let highest = DOMAIN0_ID;
    for (const domain of normalized.domains) if (domain.id > highest) highest = domain.id;
    this.nextId = highest + 1;
    for (const domain of normalized.domains) {
      if (domain.state !== 'halted' && domain.id <= 0) domain.id = this.nextId++;
      this.checkUnique(domain);
      if (domain.state === 'halted') this.defined.set(domain.uuid, domain);
      else this.domains.set(domain.id, domain);
    }
    this.log(`xend started with ${this.domains.size} domains`);
  }

  /** Total number of requests served. */
  get requestCount(): number {
    let total = 0;
    for (const count of this.requestCounts.values()) total += count;
    return total;
  }

  countRequest(method: string, path: string): void {
    const key = `${method} ${path}`;
    this.requestCounts.set(key, (this.requestCounts.get(key) ?? 0) + 1);
  }

  /** Every domain that exists in the hypervisor, by id (what `GET /xend/domain?detail=1` lists). */
  list(): FakeDomain[] {
    this.settle();
    return [...this.domains.values()].sort((a, b) => a.id - b.id);
  }

  /** The managed domains that are not running, by name. */
  listDefined(): FakeDomain[] {
    this.settle();
    return [...this.defined.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /**
   * The config-format generation of this xend, from the node's Xen version (libvirt's rule):
   * 3 and later (Xen 3.0.4+) know managed domains.
   */
  get configVersion(): XendConfigVersion {
    const major = Number(this.node.get('xen_major') ?? 0);
    const minor = Number(this.node.get('xen_minor') ?? 0);
    const extra = String(this.node.get('xen_extra') ?? '');
    return xendConfigVersionOf({ xenMajor: major, xenMinor: minor, xenExtra: extra });
  }

  /** Whether this xend has `op=new`, `op=start`, `op=delete` and `?state=halted`. */
  get managesDomains(): boolean {
    return hasManagedDomains(this.configVersion);
  }

  /** A domain by name (running or defined), or by id when the text is a number (xend's lookup order). */
  find(nameOrId: string): FakeDomain {
    this.settle();
    for (const domain of this.domains.values()) if (domain.name === nameOrId) return domain;
    for (const domain of this.defined.values()) if (domain.name === nameOrId) return domain;
    if (/^\d+$/.test(nameOrId)) {
      const byId = this.domains.get(Number(nameOrId));
      if (byId !== undefined) return byId;
    }
    throw xendFailure(404, `No such domain ${nameOrId}`);
  }

  /** A domain by name or id, or undefined: for tests. */
  lookup(nameOrId: string): FakeDomain | undefined {
    try {
      return this.find(nameOrId);
    } catch {
      return undefined;
    }
  }

  nodeRecord(): SExpr {
    this.settle();
    const fields = new Map(this.node);
    fields.set('free_memory', this.freeMemory());
    return list(atom('node'), ...[...fields].map(([key, value]) => list(atom(key), atom(value))));
  }

  domainRecord(domain: FakeDomain): SExpr {
    return domainRecord(domain, this.clock());
  }

  domainNames(): SExpr {
    return list(...this.list().map((domain) => atom(domain.name)));
  }

  /**
   * `GET /xend/domain?state=...`: `halted` names the defined domains that are not running, `all`
   * every domain, anything else the live ones. xend before 3.0.4 ignored `state`.
   */
  domainNamesInState(state: string | null): SExpr {
    if (!this.managesDomains || (state !== 'halted' && state !== 'all')) return this.domainNames();
    const domains = state === 'halted' ? this.listDefined() : [...this.list(), ...this.listDefined()];
    return list(...domains.map((domain) => atom(domain.name)));
  }

  domainRecords(): SExpr {
    return list(...this.list().map((domain) => this.domainRecord(domain)));
  }

  get dmesg(): string {
    return this.dmesgText;
  }

  clearDmesg(): void {
    this.dmesgText = '';
  }

  get xendLog(): string {
    return this.logLines.map((line) => `${line}\n`).join('');
  }

  /** `op=create`: a new domain from a `(vm ...)` config, paused, with the next id. */
  create(config: SExpr): FakeDomain {
    const domain = this.admit(config, 'Error creating domain', (created) => {
      created.state = 'paused';
      created.runningSince = undefined;
      created.cpuSeconds = 0;
    });
    this.log(`Created domain ${domain.name} (id ${domain.id})`);
    return domain;
  }

  /** `op=restore` of a save image's config: the domain comes back running under a new id. */
  restore(config: SExpr): FakeDomain {
    const domain = this.admit(config, 'Restore failed', (restored) => {
      restored.state = 'running';
      restored.runningSince = this.clock();
    });
    this.log(`Restored domain ${domain.name} (id ${domain.id})`);
    return domain;
  }

  /**
   * `op=new`: a managed domain from a `(vm ...)` config, halted, without an id. Defining again
   * under the same uuid and name replaces a halted domain's config, and makes a running domain
   * managed (it stays defined once it stops).
   */
  define(config: SExpr): FakeDomain {
    this.settle();
    const failure = 'Error creating domain';
    let domain: FakeDomain;
    try {
      domain = domainFromSexpr(config, 'vm', { now: this.clock(), randomUuid: randomUUID, defaultState: 'halted' });
    } catch (cause) {
      throw xendFailure(500, `${failure}: ${(cause as Error).message}`);
    }
    Object.assign(domain, { id: -1, state: 'halted', managed: true, cpuSeconds: 0, runningSince: undefined });
    const same = this.sameUuid(domain.uuid);
    if (same !== undefined && same.name !== domain.name) {
      throw xendFailure(500, `${failure}: UUID ${domain.uuid} is used by domain ${same.name}`);
    }
    this.refuseTakenName(domain.name, same, failure);
    if (same !== undefined && same.state !== 'halted') {
      same.managed = true;
      this.log(`Domain ${domain.name} (id ${same.id}) is now managed`);
      return same;
    }
    this.defined.set(domain.uuid, domain);
    this.log(`${same === undefined ? 'Defined' : 'Redefined'} domain ${domain.name}`);
    return domain;
  }

  /** `op=start`: a halted managed domain runs, with the next id. */
  start(domain: FakeDomain): void {
    if (domain.state !== 'halted') throw xendFailure(500, `Domain is already running: ${domain.name} (id ${domain.id})`);
    if (domain.memory > this.freeMemory()) {
      throw xendFailure(500, `Error starting domain ${domain.name}: not enough free memory (need ${domain.memory} MiB, ${this.freeMemory()} MiB free)`);
    }
    this.defined.delete(domain.uuid);
    Object.assign(domain, { id: this.nextId++, state: 'running', cpuSeconds: 0, runningSince: this.clock() });
    this.domains.set(domain.id, domain);
    this.log(`Started domain ${domain.name} (id ${domain.id})`);
  }

  /** `op=delete`: forgets a halted managed domain; a running one is refused. */
  delete(domain: FakeDomain): void {
    if (domain.state !== 'halted') throw xendFailure(500, `Domain is still running: ${domain.name} (id ${domain.id})`);
    this.defined.delete(domain.uuid);
    this.log(`Deleted domain ${domain.name} (${domain.uuid})`);
  }

  waitForDevices(domain: FakeDomain): void {
    this.log(`Devices of domain ${domain.name} are connected`);
  }

  pause(domain: FakeDomain): void {
    this.refuseDomain0(domain, 'pause');
    this.refuseUnless(domain, ['running', 'blocked', 'paused'], 'pause');
    this.stopClock(domain);
    domain.state = 'paused';
    this.log(`Paused domain ${domain.name}`);
  }

  unpause(domain: FakeDomain): void {
    this.refuseUnless(domain, ['running', 'blocked', 'paused'], 'unpause');
    if (domain.state === 'paused') {
      domain.state = 'running';
      domain.runningSince = this.clock();
    }
    this.log(`Unpaused domain ${domain.name}`);
    const pending = domain.pendingShutdown;
    if (pending !== undefined) {
      domain.pendingShutdown = undefined;
      this.beginShutdown(domain, pending);
    }
  }

  /** The guest shuts down: it shows the shutdown state, then is gone (or restarts on reboot). */
  shutdown(domain: FakeDomain, reason: string): void {
    this.refuseDomain0(domain, 'shutdown');
    if (reason !== 'halt' && reason !== 'poweroff' && reason !== 'reboot') {
      throw xendFailure(500, `Invalid reason: ${reason}`);
    }
    this.refuseUnless(domain, ['running', 'blocked', 'paused'], 'shutdown');
    this.log(`Shutting down domain ${domain.name} (${reason})`);
    // A paused guest cannot see the request until it runs again.
    if (domain.state === 'paused') domain.pendingShutdown = reason;
    else this.beginShutdown(domain, reason);
  }

  destroy(domain: FakeDomain): void {
    this.refuseDomain0(domain, 'destroy');
    this.refuseUnless(domain, LIVE_STATES, 'destroy');
    this.log(`Destroyed domain ${domain.name} (id ${domain.id})`);
    this.stopped(domain);
  }

  /** The config a save image keeps. The domain stays until `finishSave` (the file is written first). */
  saveConfig(domain: FakeDomain): SExpr {
    this.refuseDomain0(domain, 'save');
    this.refuseUnless(domain, ['running', 'blocked', 'paused'], 'save');
    return domainConfig(domain, this.clock());
  }

  finishSave(domain: FakeDomain, file: string): void {
    this.log(`Saved domain ${domain.name} to ${file}`);
    this.stopped(domain);
  }

  /** `op=maxmem_set`: the new ceiling in MiB; memory above it is ballooned down to it. */
  setMaxMemory(domain: FakeDomain, mib: number): void {
    if (!Number.isSafeInteger(mib) || mib < 1) throw xendFailure(500, `Invalid memory: ${mib}`);
    domain.maxmem = mib;
    if (domain.memory > mib) domain.memory = mib;
    this.log(`Set maxmem of domain ${domain.name} to ${mib} MiB`);
  }

  /** `op=mem_target_set`: the balloon target in MiB, at most maxmem and what the node has free. */
  setMemoryTarget(domain: FakeDomain, mib: number): void {
    if (!Number.isSafeInteger(mib) || mib < 1) throw xendFailure(500, `Invalid memory target: ${mib}`);
    if (mib > domain.maxmem) {
      throw xendFailure(500, `memory target ${mib} MiB is above the maximum ${domain.maxmem} MiB of domain ${domain.name}`);
    }
    // a halted domain's memory is only its config: nothing is allocated until it starts
    if (domain.state !== 'halted' && mib - domain.memory > this.freeMemory()) {
      throw xendFailure(500, `not enough free memory to grow domain ${domain.name} to ${mib} MiB`);
    }
    domain.memory = mib;
    this.log(`Set memory target of domain ${domain.name} to ${mib} MiB`);
  }

  /** `op=set_vcpus`: between 1 and the count the domain was created with. */
  setVcpus(domain: FakeDomain, vcpus: number): void {
    if (!Number.isSafeInteger(vcpus) || vcpus < 1 || vcpus > domain.maxVcpus) {
      throw xendFailure(500, `Invalid VCPU count ${vcpus} for domain ${domain.name} (1 to ${domain.maxVcpus})`);
    }
    domain.vcpus = vcpus;
    this.log(`Set vcpus of domain ${domain.name} to ${vcpus}`);
  }

  rename(domain: FakeDomain, newName: string): void {
    this.refuseDomain0(domain, 'rename');
    if (newName === '' || /[\s/]/.test(newName)) throw xendFailure(500, `Invalid domain name ${JSON.stringify(newName)}`);
    this.refuseTakenName(newName, domain, 'Cannot rename domain');
    this.log(`Renamed domain ${domain.name} to ${newName}`);
    domain.name = newName;
  }

  sysrq(domain: FakeDomain, key: string): void {
    if ([...key].length !== 1) throw xendFailure(500, `Invalid sysrq key ${JSON.stringify(key)}`);
    domain.sysrqKeys.push(key);
    this.log(`Sent sysrq ${key} to domain ${domain.name}`);
  }

  /** Free memory in MiB: the node's total less every domain's memory. */
  freeMemory(): number {
    let used = 0;
    for (const domain of this.domains.values()) used += domain.memory;
    return Math.max(0, Number(this.node.get('total_memory') ?? 0) - used);
  }

  /**
   * A new domain from a `(vm ...)` config, set up by `prepare`, checked against the others
   * (name, uuid, free memory) and given the next id. Failures are 500s worded `failure: ...`.
   */
  private admit(config: SExpr, failure: string, prepare: (domain: FakeDomain) => void): FakeDomain {
    this.settle();
    let domain: FakeDomain;
    try {
      domain = domainFromSexpr(config, 'vm', { now: this.clock(), randomUuid: randomUUID, defaultState: 'paused' });
    } catch (cause) {
      throw xendFailure(500, `${failure}: ${(cause as Error).message}`);
    }
    prepare(domain);
    // a domain created or restored under a halted managed domain's name and uuid takes its place
    const definedOne = this.defined.get(domain.uuid);
    const takesOver = definedOne !== undefined && definedOne.name === domain.name;
    this.refuseTakenName(domain.name, takesOver ? definedOne : undefined, failure);
    const other = this.sameUuid(domain.uuid);
    if (other !== undefined && !takesOver) throw xendFailure(500, `${failure}: UUID ${domain.uuid} is used by domain ${other.name}`);
    if (domain.memory > this.freeMemory()) {
      throw xendFailure(500, `${failure}: not enough free memory (need ${domain.memory} MiB, ${this.freeMemory()} MiB free)`);
    }
    domain.id = this.nextId++;
    if (takesOver) {
      this.defined.delete(domain.uuid);
      domain.managed = true;
    }
    this.domains.set(domain.id, domain);
    return domain;
  }

  /** A domain that stopped running: gone, or back to halted when xend manages it. */
  private stopped(domain: FakeDomain): void {
    this.domains.delete(domain.id);
    if (!domain.managed) return;
    Object.assign(domain, {
      id: -1,
      state: 'halted',
      cpuSeconds: 0,
      runningSince: undefined,
      shutdownAt: undefined,
      shutdownReason: undefined,
      pendingShutdown: undefined,
    });
    this.defined.set(domain.uuid, domain);
  }

  private sameUuid(uuid: string): FakeDomain | undefined {
    for (const other of this.domains.values()) if (other.uuid === uuid) return other;
    return this.defined.get(uuid);
  }

  private checkUnique(domain: FakeDomain): void {
    for (const other of [...this.domains.values(), ...this.defined.values()]) {
      if ((domain.id >= 0 && other.id === domain.id) || other.name === domain.name || other.uuid === domain.uuid) {
        throw new XendError({
          code: 'INVALID_ARG',
          message: `fake xend seed: domain ${domain.name} (id ${domain.id}) clashes with domain ${other.name} (id ${other.id})`,
        });
      }
    }
  }

  private refuseTakenName(name: string, self: FakeDomain | undefined, failure: string): void {
    for (const other of this.domains.values()) {
      if (other !== self && other.name === name) {
        throw xendFailure(500, `${failure}: Domain '${name}' already exists with ID '${other.id}'`);
      }
    }
    for (const other of this.defined.values()) {
      if (other !== self && other.name === name) {
        throw xendFailure(500, `${failure}: Domain '${name}' already exists as a managed domain (${other.uuid})`);
      }
    }
  }

  private refuseDomain0(domain: FakeDomain, op: string): void {
    if (domain.id === DOMAIN0_ID) throw xendFailure(500, `Cannot ${op} privileged domain 0`);
  }

  private refuseUnless(domain: FakeDomain, states: RunState[], op: string): void {
    if (!states.includes(domain.state)) {
      throw xendFailure(500, `Cannot ${op} domain ${domain.name}: it is ${domain.state}`);
    }
  }

  private stopClock(domain: FakeDomain): void {
    domain.cpuSeconds = cpuSecondsAt(domain, this.clock());
    domain.runningSince = undefined;
  }

  private beginShutdown(domain: FakeDomain, reason: ShutdownReason): void {
    this.stopClock(domain);
    domain.state = 'shutdown';
    domain.shutdownReason = reason;
    domain.shutdownAt = this.clock();
  }

  /** Completes shutdowns whose delay has passed: gone, or back running under a new id on reboot. */
  private settle(): void {
    const now = this.clock();
    for (const domain of [...this.domains.values()]) {
      if (domain.shutdownAt === undefined || now - domain.shutdownAt < this.shutdownDelayMs) continue;
      if (domain.shutdownReason === 'reboot' && !this.destroysOnReboot(domain)) {
        this.domains.delete(domain.id);
        Object.assign(domain, {
          id: this.nextId++,
          state: 'running',
          cpuSeconds: 0,
          runningSince: now,
          shutdownAt: undefined,
          shutdownReason: undefined,
        });
        this.domains.set(domain.id, domain);
        this.log(`Domain ${domain.name} rebooted as id ${domain.id}`);
      } else {
        this.log(`Domain ${domain.name} shut down`);
        this.stopped(domain);
      }
    }
  }

  private destroysOnReboot(domain: FakeDomain): boolean {
    const onReboot = domain.extras.find((item) => headOf(item) === 'on_reboot');
    return onReboot !== undefined && lookupString(onReboot, 'on_reboot') === 'destroy';
  }

  private log(message: string): void {
    this.logLines.push(`[${new Date(this.clock()).toISOString()}] INFO (XendDomain) ${message}`);
  }
}
