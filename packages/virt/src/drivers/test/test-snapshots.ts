import { statSync } from 'node:fs';
import type { DomainConfig, DomainSnapshotConfig, SnapshotDisk, SnapshotLocation, SnapshotState } from '@libvirt-ts/xml-format';
import { formatSnapshotXml } from '@libvirt-ts/xml-format';
import {
  DomainEventResumedDetail,
  DomainEventStartedDetail,
  DomainEventStoppedDetail,
  DomainEventSuspendedDetail,
  DomainEventType,
  DomainSnapshotCreateFlags,
  DomainSnapshotDeleteFlags,
  DomainSnapshotRevertFlags,
  DomainState,
  PausedReason,
  RunningReason,
  ShutoffReason,
} from '../../constants.js';
import type { ErrorCodeName } from '../../errors/error-codes.js';
import { VirtError } from '../../errors/virt-error.js';
import { shownSecrets } from '../domain-xml-secrets.js';
import { cloneDef } from './clone-def.js';
import { withLibvirtDevices } from './format-definition.js';
import { parseSnapshotDefinition } from './parse-snapshot.js';
import { isExternal, type TestSnapshot } from './snapshot-tree.js';
import { isActive, type TestDomain, type TestDomainList } from './test-domain-list.js';
import { checkFlags, testError } from './test-errors.js';

/** What snapshot operations need of the driver: the node's domains and its event bus. */
export interface SnapshotHost {
  domains: TestDomainList;
  emit(dom: TestDomain, event: number, detail: number): void;
}

const { REDEFINE, CURRENT, HALT, QUIESCE, ATOMIC, LIVE, VALIDATE } = DomainSnapshotCreateFlags;
const SNAPSHOT_STATE_NAMES: readonly SnapshotState[] = ['nostate', 'running', 'blocked', 'paused', 'shutdown', 'shutoff', 'crashed', 'pmsuspended'];

/** testDomainSnapshotCreateXML: a new snapshot of the domain as it is, or (REDEFINE) one described whole. Returns its name. */
export function createSnapshot(host: SnapshotHost, dom: TestDomain, xml: string, flags: number, hasCheckpoints: boolean): string {
  checkFlags(flags, REDEFINE | CURRENT | HALT | QUIESCE | ATOMIC | LIVE | VALIDATE, 'testDomainSnapshotCreateXML');
  const redefine = (flags & REDEFINE) !== 0;
  if (hasCheckpoints) throw testError('OPERATION_UNSUPPORTED', 'cannot create snapshot while checkpoint exists');
  if (!dom.persistent && (flags & HALT) !== 0) throw testError('OPERATION_INVALID', 'cannot halt after transient domain snapshot');
  const def = parseSnapshotDefinition(xml, redefine);
  const tree = dom.snapshots;
  let snapshot: TestSnapshot;
  if (redefine) {
    snapshot = redefined(dom, def);
  } else {
    // virDomainMomentDefPostParse: the creation time, and a name from it when none was given.
    const creationTime = Math.floor(Date.now() / 1000);
    snapshot = { ...def, name: def.name ?? String(creationTime), creationTime, domain: cloneDef(dom.def) };
    alignToDomain(dom, snapshot);
    if (tree.get(snapshot.name)) throw new VirtError({ code: 'OPERATION_FAILED', domain: 'DOMAIN_SNAPSHOT', info: `domain moment ${snapshot.name} already exists` });
    if (tree.current !== undefined) snapshot.parent = tree.current;
  }
  tree.set(snapshot);
  if (!redefine && (flags & HALT) !== 0 && isActive(dom)) {
    host.domains.stop(dom, ShutoffReason.FROM_SNAPSHOT);
    host.emit(dom, DomainEventType.STOPPED, DomainEventStoppedDetail.FROM_SNAPSHOT);
  }
  if (!redefine || (flags & CURRENT) !== 0) tree.current = snapshot.name;
  return snapshot.name;
}

/** testDomainSnapshotAlignDisks: the state now, memory saved while running, every disk of the domain listed. */
function alignToDomain(dom: TestDomain, snapshot: TestSnapshot): void {
  snapshot.state = SNAPSHOT_STATE_NAMES[dom.state] ?? 'nostate';
  if (snapshot.memory?.snapshot === 'external') {
    alignDisks(snapshot, snapshot.domain!, 'external', false);
    return;
  }
  snapshot.memory = { snapshot: snapshot.state === 'shutoff' ? 'no' : 'internal' };
  alignDisks(snapshot, snapshot.domain!, 'internal', true);
}

/**
 * virDomainSnapshotAlignDisks: the requested disks checked against the domain's and renamed to
 * their targets, then one entry per domain disk in its order (empty drives not saved), and names
 * made for external files not given.
 */
function alignDisks(snapshot: TestSnapshot, domain: DomainConfig, fallback: SnapshotLocation, uniform: boolean): void {
  const requested = snapshot.disks ?? [];
  const domainDisks = domain.devices.disks;
  if (requested.length > domainDisks.length) throw conf('CONFIG_UNSUPPORTED', 'too many disk snapshot requests for domain');
  if (domainDisks.length === 0) return;
  const requireMatch = uniform && fallback === 'internal';
  const byTarget = new Map<string, SnapshotDisk>();
  for (const disk of requested) {
    const match = domainDisks.find((d) => d.target.dev === disk.name || diskSource(d) === disk.name);
    if (!match) throw conf('CONFIG_UNSUPPORTED', `no disk named '${disk.name}'`);
    if (byTarget.has(match.target.dev)) throw conf('CONFIG_UNSUPPORTED', `disk '${disk.name}' specified twice`);
    byTarget.set(match.target.dev, disk);
    if (disk.snapshot === undefined) disk.snapshot = fallback;
    else if (requireMatch && disk.snapshot !== fallback) throw conf('CONFIG_UNSUPPORTED', `disk '${disk.name}' must use snapshot mode '${fallback}'`);
    if (disk.sourceFile !== undefined && disk.snapshot !== 'external') {
      throw conf('CONFIG_UNSUPPORTED', `file '${disk.sourceFile}' for disk '${disk.name}' requires use of external snapshot mode`);
    }
    disk.name = match.target.dev;
  }
  snapshot.disks = domainDisks.map((d) => byTarget.get(d.target.dev) ?? { name: d.target.dev, snapshot: diskSource(d) === undefined ? 'no' : fallback });
  for (const [i, disk] of snapshot.disks.entries()) nameExternalFile(snapshot, disk, diskSource(domainDisks[i]!));
}

/** virDomainSnapshotDefAssignExternalNames for one disk: `<source minus suffix>.<snapshot name>`. */
function nameExternalFile(snapshot: TestSnapshot, disk: SnapshotDisk, source: string | undefined): void {
  if (disk.snapshot !== 'external' || disk.sourceFile !== undefined) return;
  if ((disk.type ?? 'file') !== 'file') {
    throw conf('CONFIG_UNSUPPORTED', `cannot generate external snapshot name for disk '${disk.name}' on a '${disk.type}' device`);
  }
  if (source === undefined) throw conf('CONFIG_UNSUPPORTED', `cannot generate external snapshot name for disk '${disk.name}' without source`);
  if (!isRegularFile(source)) {
    throw conf('CONFIG_UNSUPPORTED', `source for disk '${disk.name}' is not a regular file; refusing to generate external snapshot name`);
  }
  const dot = source.lastIndexOf('.');
  const stem = dot > source.lastIndexOf('/') ? source.slice(0, dot) : source;
  disk.sourceFile = `${stem}.${snapshot.name}`;
  const clash = snapshot.disks?.find((other) => other !== disk && other.sourceFile === disk.sourceFile);
  if (clash) throw conf('CONFIG_UNSUPPORTED', `cannot generate external snapshot name for disk '${disk.name}': collision with disk '${clash.name}'`);
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function diskSource(disk: DomainConfig['devices']['disks'][number]): string | undefined {
  return disk.source?.file ?? disk.source?.dev ?? disk.source?.dir;
}

/** virDomainSnapshotRedefinePrep: a described snapshot checked against the tree and the domain. */
function redefined(dom: TestDomain, def: DomainSnapshotConfig): TestSnapshot {
  const snapshot = def as TestSnapshot;
  const tree = dom.snapshots;
  tree.checkCycles(snapshot, invalidArg);
  const other = tree.get(snapshot.name);
  const uuid = dom.def.uuid ?? '';
  if (snapshot.domain !== undefined && snapshot.domain.uuid !== uuid) {
    throw new VirtError({ code: 'INVALID_ARG', domain: 'DOMAIN_SNAPSHOT', info: `definition for snapshot ${snapshot.name} must use uuid ${uuid}` });
  }
  if (other) {
    if (isOnline(other.state) !== isOnline(snapshot.state)) {
      throw invalidArg(`cannot change between online and offline snapshot state in snapshot ${snapshot.name}`);
    }
    if ((other.state === 'disk-snapshot') !== (snapshot.state === 'disk-snapshot')) {
      throw invalidArg(`cannot change between disk only and full system in snapshot ${snapshot.name}`);
    }
  }
  const domain = snapshot.domain ?? other?.domain;
  if (domain === undefined) throw conf('INTERNAL_ERROR', 'missing domain in snapshot');
  const external = snapshot.state === 'disk-snapshot' || isExternal(snapshot);
  alignDisks(snapshot, domain, external ? 'external' : 'internal', true);
  return snapshot;
}

function isOnline(state: SnapshotState | undefined): boolean {
  return state === 'running' || state === 'paused';
}

/** testSnapObjFromName: NO_DOMAIN_SNAPSHOT when the domain has no snapshot of that name. */
export function findSnapshot(dom: TestDomain, name: string): TestSnapshot {
  const snapshot = dom.snapshots.get(name);
  if (!snapshot) throw testError('NO_DOMAIN_SNAPSHOT', `no domain snapshot with matching name '${name}'`);
  return snapshot;
}

/** virDomainSnapshotDefFormat: the domain inside as its inactive XML, passwords only with SECURE. */
export function snapshotXml(snapshot: TestSnapshot, flags: number): string {
  const { domain, ...rest } = snapshot;
  const shown: DomainSnapshotConfig = domain === undefined ? rest : { ...rest, domain: momentDomain(domain, flags) };
  return withLibvirtDevices(formatSnapshotXml(shown));
}

/** The domain inside a snapshot's or checkpoint's XML: its inactive form, passwords only with the SECURE flag (bit 1 of both). */
export function momentDomain(def: DomainConfig, flags: number): DomainConfig {
  const { id: _id, ...rest } = shownSecrets(def, flags);
  return rest;
}

/** testDomainSnapshotDelete: the snapshot (its children move up to its parent), or its children too, or only them. */
export function deleteSnapshot(dom: TestDomain, name: string, flags: number): void {
  const { CHILDREN, CHILDREN_ONLY } = DomainSnapshotDeleteFlags;
  checkFlags(flags, CHILDREN | CHILDREN_ONLY, 'testDomainSnapshotDelete');
  findSnapshot(dom, name);
  dom.snapshots.delete(name, (flags & CHILDREN) !== 0, (flags & CHILDREN_ONLY) !== 0);
}

/**
 * testDomainRevertToSnapshot: the domain takes the snapshot's definition and state, with libvirt
 * 9's events.
 */
export function revertToSnapshot(host: SnapshotHost, dom: TestDomain, name: string, flags: number): void {
  const { RUNNING, PAUSED, FORCE } = DomainSnapshotRevertFlags;
  checkFlags(flags, RUNNING | PAUSED | FORCE, 'testDomainRevertToSnapshot');
  const snapshot = findSnapshot(dom, name);
  const online = isOnline(snapshot.state);
  const startWanted = (flags & (RUNNING | PAUSED)) !== 0;
  if (!dom.persistent && !online && !startWanted) {
    throw testError('OPERATION_INVALID', 'transient domain needs to request run or pause to revert to inactive snapshot');
  }
  if ((flags & FORCE) === 0) {
    if (snapshot.domain === undefined) throw testError('SNAPSHOT_REVERT_RISKY', `snapshot '${name}' lacks domain '${dom.def.name}' rollback info`);
  }
  const tree = dom.snapshots;
  tree.current = undefined;
  const config = cloneDef(snapshot.domain!);
  const events: Array<[number, number]> = [];
  if (online) {
    let wasRunning = false;
    let wasStopped = false;
    if (isActive(dom)) {
      if (dom.state === DomainState.RUNNING) {
        wasRunning = true;
        setState(dom, DomainState.PAUSED, PausedReason.FROM_SNAPSHOT);
      }
      dom.newDef = config;
    } else {
      wasStopped = true;
      dom.def = config;
      host.domains.start(dom, DomainState.RUNNING, RunningReason.FROM_SNAPSHOT);
      events.push([DomainEventType.STARTED, DomainEventStartedDetail.FROM_SNAPSHOT]);
    }
    if ((flags & RUNNING) === 0 && (snapshot.state === 'paused' || (flags & PAUSED) !== 0)) {
      setState(dom, DomainState.PAUSED, PausedReason.FROM_SNAPSHOT);
      if (wasStopped || wasRunning) events.push([DomainEventType.SUSPENDED, DomainEventSuspendedDetail.FROM_SNAPSHOT]);
    } else {
      setState(dom, DomainState.RUNNING, RunningReason.FROM_SNAPSHOT);
      if (wasRunning) events.push([DomainEventType.RESUMED, DomainEventResumedDetail.FROM_SNAPSHOT]);
    }
  } else {
    if (isActive(dom)) {
      dom.newDef = config;
      host.domains.stop(dom, ShutoffReason.FROM_SNAPSHOT);
      events.push([DomainEventType.STOPPED, DomainEventStoppedDetail.FROM_SNAPSHOT]);
    } else {
      dom.def = config;
    }
    // libvirt 9 reports the start it was asked for, without starting the domain.
    if (startWanted) {
      events.push([DomainEventType.STARTED, DomainEventStartedDetail.FROM_SNAPSHOT]);
      if ((flags & PAUSED) !== 0) events.push([DomainEventType.SUSPENDED, DomainEventSuspendedDetail.FROM_SNAPSHOT]);
    }
  }
  tree.current = name;
  for (const [event, detail] of events) host.emit(dom, event, detail);
}

function setState(dom: TestDomain, state: DomainState, reason: number): void {
  dom.state = state;
  dom.reason = reason;
}

function invalidArg(detail: string): VirtError {
  return new VirtError({ code: 'INVALID_ARG', domain: 'DOMAIN_SNAPSHOT', info: detail });
}

function conf(code: ErrorCodeName, detail: string): VirtError {
  return new VirtError({ code, domain: 'DOMAIN_SNAPSHOT', info: detail });
}

