// node:fs's `promises` is read when a save or restore runs: importing node:fs/promises would load
// it, with readline and streams, at start-up (virsh start-up, see its README).
import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import { formatUuid, uuidEquals } from '@libvirt-ts/xml-format';
import {
  DomainEventDefinedDetail,
  DomainEventResumedDetail,
  DomainEventStartedDetail,
  DomainEventStoppedDetail,
  DomainEventSuspendedDetail,
  DomainEventType,
  DomainEventUndefinedDetail,
  DomainMemoryModFlags,
  DomainModificationImpact,
  DomainSaveRestoreFlags,
  DomainSnapshotListFlags,
  DomainSnapshotXMLFlags,
  DomainState,
  DomainVcpuFlags,
  DomainXMLFlags,
  PausedReason,
  RunningReason,
  ShutoffReason,
} from '../../constants.js';
import type { DomainEventSink, DomainRef, Driver, DriverStatsRecord } from '../../driver.js';
import { VirtError } from '../../errors/virt-error.js';
import type {
  DomainBlockInfo,
  DomainControlInfo,
  DomainInfo,
  DomainMemoryStat,
  DomainStateWithReason,
  DomainVcpus,
  IOThreadInfo,
  ListAllDomainsFlags,
  NodeCPUMap,
  NodeInfo,
  SchedulerType,
  SecurityLabel,
  SecurityModel,
  TypedParameter,
} from '../../types.js';
import { blockInfo } from './block-info.js';
import { formatTestCapabilities } from './capabilities.js';
import { domainStats, passesFilters, statsGroups } from './domain-stats.js';
import { formatDefinition } from './format-definition.js';
import { memoryStats } from './memory-stats.js';
import { getMetadata, setMetadata } from './metadata.js';
import { parseDefinition } from './parse-definition.js';
import { setMemory, setVcpus } from './resource-changes.js';
import { encodeSaveImage, readSaveImage } from './save-image.js';
import type { TestSnapshot } from './snapshot-tree.js';
import { blkioParameters, checkBlkioParameters, setBlkioParameters } from './test-blkio.js';
import { checkpointParent, checkpointXml, createCheckpoint, deleteCheckpoint, findCheckpoint, listCheckpoints } from './test-checkpoints.js';
import { cpuStats } from './test-cpu-stats.js';
import { isActive, persistentDef, type TestDomain } from './test-domain-list.js';
import { checkFlags, notRunning, systemError, testError } from './test-errors.js';
import { addIOThread, delIOThread, iothreadInfo, pinIOThread, setIOThreadParams } from './test-iothreads.js';
import type { TestNode } from './test-node.js';
import { checkSchedulerParameters, schedulerParameters, TEST_SCHEDULER } from './test-scheduler.js';
import { createSnapshot, deleteSnapshot, findSnapshot, revertToSnapshot, type SnapshotHost, snapshotXml } from './test-snapshots.js';
import { controlInfo, emulatorPinInfo, pinEmulator, pinVcpu, vcpuPinInfo, vcpus, vcpusFlags } from './test-vcpus.js';
import { checkIllegalChars } from './xml-parse-error.js';

/**
 * libvirt 9's test driver over one TestNode: every entry point with its state rules and messages.
 * All work is synchronous on in-memory state (file I/O aside), so concurrent calls see a consistent node.
 */
export class TestDriver implements Driver {
  readonly name = 'Test';
  #closed = false;

  constructor(
    readonly node: TestNode,
    private readonly onClose: () => void = () => {},
  ) {}

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.onClose();
  }

  // ---- connection and node

  async getType(): Promise<string> {
    return 'TEST';
  }

  /** libvirt 9's test driver reports hypervisor version 0.0.2. */
  async getVersion(): Promise<number> {
    return 2;
  }

  async getHostname(): Promise<string> {
    return hostname();
  }

  async getCapabilities(): Promise<string> {
    return formatTestCapabilities(this.node.cells);
  }

  async nodeGetInfo(): Promise<NodeInfo> {
    return { ...this.node.info };
  }

  nodeGetSecurityModel(): SecurityModel {
    return { model: 'testSecurity', doi: '' };
  }

  // ---- listing

  async listDomainIDs(): Promise<number[]> {
    return this.#active().map((d) => d.id);
  }

  async numOfDomains(): Promise<number> {
    return this.#active().length;
  }

  async listDefinedDomains(): Promise<string[]> {
    return this.#inactive().map((d) => d.def.name);
  }

  async numOfDefinedDomains(): Promise<number> {
    return this.#inactive().length;
  }

  /** With each domain's info, so a listing with info needs no further call. */
  listAllDomains(flags: ListAllDomainsFlags): DomainRef[] {
    // Plain loops and literals: object spreads cost a list command more than the rest of this call.
    const refs: DomainRef[] = [];
    if (flags.active) for (const dom of this.#active()) refs.push(listedRef(dom));
    if (flags.inactive) for (const dom of this.#inactive()) refs.push(listedRef(dom));
    return refs;
  }

  #active(): TestDomain[] {
    return this.node.domains
      .all()
      .filter(isActive)
      .sort((a, b) => a.id - b.id);
  }

  #inactive(): TestDomain[] {
    return this.node.domains
      .all()
      .filter((d) => !isActive(d))
      .sort((a, b) => nameOrder(a.def.name, b.def.name));
  }

  // ---- lookups: libvirt 9's test driver reports a miss as the bare "Domain not found"

  lookupByID(id: number): DomainRef {
    return found(this.node.domains.byId(id));
  }

  lookupByName(name: string): DomainRef {
    return found(this.node.domains.byName(name));
  }

  lookupByUUID(uuid: Uint8Array): DomainRef {
    return found(this.node.domains.byUuid(formatUuid(uuid)));
  }

  // ---- creation and definition

  /** libvirt 9's test driver takes no creation flags (not even START_PAUSED). */
  async domainCreateXML(xml: string, flags: number): Promise<DomainRef> {
    checkFlags(flags, 0, 'testDomainCreateXML');
    const dom = this.node.domains.add(parseDefinition(xml), { live: true });
    this.node.domains.start(dom, DomainState.RUNNING, RunningReason.BOOTED);
    this.#emit(dom, DomainEventType.STARTED, DomainEventStartedDetail.BOOTED);
    return refOf(dom);
  }

  async domainDefineXML(xml: string): Promise<DomainRef> {
    const def = parseDefinition(xml);
    checkIllegalChars('name', def.name, '\n');
    const existed = this.node.domains.byName(def.name) !== undefined;
    const dom = this.node.domains.add(def, { live: false });
    dom.persistent = true;
    this.#emit(dom, DomainEventType.DEFINED, existed ? DomainEventDefinedDetail.UPDATED : DomainEventDefinedDetail.ADDED);
    return refOf(dom);
  }

  /** testDomainUndefineFlags: a running domain becomes transient (a transient one stays so), an inactive one goes. */
  async domainUndefine(ref: DomainRef): Promise<void> {
    const dom = this.#find(ref);
    if (dom.hasManagedSave) throw testError('OPERATION_INVALID', 'Refusing to undefine while domain managed save image exists');
    // virDomainUndefine carries no SNAPSHOTS_METADATA flag: an inactive domain's snapshots keep it.
    if (!isActive(dom) && dom.snapshots.size > 0) {
      throw testError('OPERATION_INVALID', `cannot delete inactive domain with ${dom.snapshots.size} snapshots`);
    }
    if (isActive(dom)) {
      dom.persistent = false;
      dom.newDef = undefined;
    } else {
      this.node.domains.remove(dom);
    }
    this.#emit(dom, DomainEventType.UNDEFINED, DomainEventUndefinedDetail.REMOVED);
  }

  /** testDomainRename: an inactive persistent domain only; events tell the old name's end and the new one's start. */
  async domainRename(ref: DomainRef, newName: string, flags: number): Promise<void> {
    checkFlags(flags, 0, 'testDomainRename');
    const dom = this.#find(ref);
    if (isActive(dom)) throw testError('OPERATION_INVALID', 'cannot rename active domain');
    if (!dom.persistent) throw testError('OPERATION_INVALID', 'cannot rename a transient domain');
    this.node.domains.checkRename(dom, newName);
    if (newName.includes('/')) throw testError('XML_ERROR', `name ${newName} cannot contain '/'`);
    this.#emit(dom, DomainEventType.UNDEFINED, DomainEventUndefinedDetail.RENAMED);
    this.node.domains.rename(dom, newName);
    this.#emit(dom, DomainEventType.DEFINED, DomainEventDefinedDetail.RENAMED);
  }

  async domainCreate(ref: DomainRef): Promise<DomainRef> {
    const dom = this.#find(ref);
    if (dom.state !== DomainState.SHUTOFF) throw testError('INTERNAL_ERROR', `Domain '${dom.def.name}' is already running`);
    this.node.domains.start(dom, DomainState.RUNNING, RunningReason.BOOTED);
    this.#emit(dom, DomainEventType.STARTED, DomainEventStartedDetail.BOOTED);
    return refOf(dom);
  }

  async domainRestore(file: string): Promise<DomainRef> {
    const dom = this.node.domains.add(parseDefinition(await readSaveImage(file)), { live: true });
    this.node.domains.start(dom, DomainState.RUNNING, RunningReason.RESTORED);
    this.#emit(dom, DomainEventType.STARTED, DomainEventStartedDetail.RESTORED);
    return refOf(dom);
  }

  // ---- lifecycle

  async domainSuspend(ref: DomainRef): Promise<void> {
    const dom = this.#find(ref);
    if (dom.state === DomainState.SHUTOFF || dom.state === DomainState.PAUSED) {
      throw testError('INTERNAL_ERROR', `domain '${dom.def.name}' not running`);
    }
    setState(dom, DomainState.PAUSED, PausedReason.USER);
    this.#emit(dom, DomainEventType.SUSPENDED, DomainEventSuspendedDetail.PAUSED);
  }

  async domainResume(ref: DomainRef): Promise<void> {
    const dom = this.#find(ref);
    if (dom.state !== DomainState.PAUSED) throw testError('INTERNAL_ERROR', `domain '${dom.def.name}' not paused`);
    setState(dom, DomainState.RUNNING, RunningReason.UNPAUSED);
    this.#emit(dom, DomainEventType.RESUMED, DomainEventResumedDetail.UNPAUSED);
  }

  /** The guest obeys at once, as `<on_poweroff>` says (a paused guest too): usually shut off on return. */
  async domainShutdown(ref: DomainRef): Promise<void> {
    const dom = this.#find(ref);
    if (dom.state === DomainState.SHUTOFF) throw testError('INTERNAL_ERROR', `domain '${dom.def.name}' not running`);
    this.#act(dom, dom.def.onPoweroff);
  }

  /** As `<on_reboot>` says: restart keeps it running (same id), destroy/preserve shut it off. */
  async domainReboot(ref: DomainRef): Promise<void> {
    const dom = this.#find(ref);
    if (!isActive(dom)) throw notRunning();
    this.#act(dom, dom.def.onReboot);
  }

  /** testDomainReset: a running (or paused) domain is reset in place; nothing changes, no event. */
  async domainReset(ref: DomainRef, flags: number): Promise<void> {
    checkFlags(flags, 0, 'testDomainReset');
    if (!isActive(this.#find(ref))) throw notRunning();
  }

  /** testDomainActionSetState: a (rename-)restart runs on as booted; every other action shuts off. */
  #act(dom: TestDomain, action: string): void {
    if (action === 'restart' || action === 'rename-restart') {
      // libvirt 9 reports no lifecycle event for a guest that restarts in place.
      setState(dom, DomainState.RUNNING, RunningReason.BOOTED);
    } else {
      this.node.domains.stop(dom, ShutoffReason.SHUTDOWN);
      this.#emit(dom, DomainEventType.STOPPED, DomainEventStoppedDetail.SHUTDOWN);
    }
  }

  async domainDestroy(ref: DomainRef): Promise<void> {
    const dom = this.#find(ref);
    if (!isActive(dom)) throw notRunning();
    this.node.domains.stop(dom, ShutoffReason.DESTROYED);
    this.#emit(dom, DomainEventType.STOPPED, DomainEventStoppedDetail.DESTROYED);
  }

  /** Writes the running definition in the test save layout (mode 0600), then stops the domain. */
  async domainSave(ref: DomainRef, file: string): Promise<void> {
    const dom = this.#find(ref);
    if (!isActive(dom)) throw notRunning();
    const image = encodeSaveImage(formatDefinition(dom.def, dom.id, DomainXMLFlags.XML_SECURE));
    try {
      await fs.writeFile(file, image, { mode: 0o600 });
    } catch (error) {
      const err = error as NodeJS.ErrnoException;
      const stage = err.syscall === 'open' ? 'open' : 'write';
      // libvirt removes what a failed write left behind.
      if (stage === 'write') await fs.rm(file, { force: true }).catch(() => undefined);
      throw systemError(`saving domain '${dom.def.name}' to '${file}': ${stage} failed`, err);
    }
    this.node.domains.stop(dom, ShutoffReason.SAVED);
    this.#emit(dom, DomainEventType.STOPPED, DomainEventStoppedDetail.SAVED);
  }

  // ---- events

  /** Every connection sharing this node hears its events (test:///default within one process). */
  async domainEventSubscribe(sink: DomainEventSink): Promise<() => Promise<void>> {
    const stop = this.node.events.listen((event) => sink.event(event));
    return async () => stop();
  }

  #emit(dom: TestDomain, event: DomainEventType, detail: number): void {
    this.node.events.emit({ ref: refOf(dom), event, detail });
  }

  // ---- queries: the getters virsh's short commands call answer at once, not in a promise (see Driver)

  /** cpuTime is the wall clock in ns, as libvirt 9's test driver reports it. */
  domainGetInfo(ref: DomainRef): DomainInfo {
    return infoOf(this.#find(ref));
  }

  domainGetState(ref: DomainRef): DomainStateWithReason {
    const dom = this.#find(ref);
    return { state: dom.state, reason: dom.reason };
  }

  /** libvirt 9's test driver answers "linux" for every guest. */
  domainGetOSType(ref: DomainRef): string {
    this.#find(ref);
    return 'linux';
  }

  async domainGetMaxMemory(ref: DomainRef): Promise<number> {
    return this.#find(ref).def.memory;
  }

  /** The running definition (with its id) of an active domain; DomainXMLFlags.XML_INACTIVE gives the next-boot one. */
  async domainGetXMLDesc(ref: DomainRef, flags: number): Promise<string> {
    const { XML_SECURE, XML_INACTIVE, XML_UPDATE_CPU, XML_MIGRATABLE } = DomainXMLFlags;
    checkFlags(flags, XML_SECURE | XML_INACTIVE | XML_UPDATE_CPU | XML_MIGRATABLE, 'testDomainGetXMLDesc');
    const dom = this.#find(ref);
    if ((flags & XML_INACTIVE) !== 0 || !isActive(dom)) return formatDefinition(persistentDef(dom), undefined, flags);
    return formatDefinition(dom.def, dom.id, flags);
  }

  async domainIsActive(ref: DomainRef): Promise<boolean> {
    return isActive(this.#find(ref));
  }

  domainIsPersistent(ref: DomainRef): boolean {
    return this.#find(ref).persistent;
  }

  domainGetAutostart(ref: DomainRef): boolean {
    return this.#find(ref).autostart;
  }

  /** libvirt 9's test driver records the flag, transient domains included. */
  async domainSetAutostart(ref: DomainRef, autostart: boolean): Promise<void> {
    this.#find(ref).autostart = autostart;
  }

  domainHasManagedSaveImage(ref: DomainRef): boolean {
    return this.#find(ref).hasManagedSave;
  }

  /** "libvirt-test", enforcing, while active; empty otherwise. */
  domainGetSecurityLabel(ref: DomainRef): SecurityLabel {
    return isActive(this.#find(ref)) ? { label: 'libvirt-test', enforcing: true } : { label: '', enforcing: false };
  }

  domainGetMessages(ref: DomainRef): string[] {
    return [...this.#find(ref).messages];
  }

  // ---- resources

  /** virDomainSetMaxMemory: CURRENT | MEM_MAXIMUM (only an inactive domain's maximum can change). */
  async domainSetMaxMemory(ref: DomainRef, kib: number): Promise<void> {
    setMemory(this.#find(ref), kib, DomainMemoryModFlags.MEM_MAXIMUM);
  }

  /** virDomainSetMemory: the balloon of a running domain (LIVE), up to its maximum. */
  async domainSetMemory(ref: DomainRef, kib: number): Promise<void> {
    setMemory(this.#find(ref), kib, DomainModificationImpact.AFFECT_LIVE);
  }

  async domainSetMemoryFlags(ref: DomainRef, kib: number, flags: number): Promise<void> {
    setMemory(this.#find(ref), kib, flags);
  }

  /** virDomainSetVcpus: the online vcpus of a running domain (LIVE), up to its `<vcpu>` maximum. */
  async domainSetVcpus(ref: DomainRef, count: number): Promise<void> {
    setVcpus(this.#find(ref), count, DomainModificationImpact.AFFECT_LIVE);
  }

  async domainSetVcpusFlags(ref: DomainRef, count: number, flags: number): Promise<void> {
    setVcpus(this.#find(ref), count, flags);
  }

  // ---- daily domain commands: managed save, statistics, metadata

  /** testDomainManagedSave: a running persistent domain stops as saved and keeps a managed image. */
  async domainManagedSave(ref: DomainRef, flags: number): Promise<void> {
    const { SAVE_BYPASS_CACHE, SAVE_RUNNING, SAVE_PAUSED } = DomainSaveRestoreFlags;
    checkFlags(flags, SAVE_BYPASS_CACHE | SAVE_RUNNING | SAVE_PAUSED, 'testDomainManagedSave');
    const dom = this.#find(ref);
    if (!isActive(dom)) throw notRunning();
    if (!dom.persistent) throw testError('OPERATION_INVALID', 'cannot do managed save for transient domain');
    this.node.domains.stop(dom, ShutoffReason.SAVED);
    this.#emit(dom, DomainEventType.STOPPED, DomainEventStoppedDetail.SAVED);
    dom.hasManagedSave = true;
  }

  async domainManagedSaveRemove(ref: DomainRef, flags: number): Promise<void> {
    checkFlags(flags, 0, 'testDomainManagedSaveRemove');
    this.#find(ref).hasManagedSave = false;
  }

  async domainMemoryStats(ref: DomainRef, nrStats: number, flags: number): Promise<DomainMemoryStat[]> {
    checkFlags(flags, 0, 'testDomainMemoryStats');
    return memoryStats(this.#find(ref), nrStats);
  }

  async domainGetBlockInfo(ref: DomainRef, disk: string, flags: number): Promise<DomainBlockInfo> {
    checkFlags(flags, 0, 'testDomainGetBlockInfo');
    return blockInfo(this.#find(ref), disk);
  }

  async domainGetMetadata(ref: DomainRef, type: number, _uri: string | null, flags: number): Promise<string> {
    return getMetadata(this.#find(ref), type, flags);
  }

  async domainSetMetadata(ref: DomainRef, type: number, metadata: string | null, _key: string | null, _uri: string | null, flags: number): Promise<void> {
    setMetadata(this.#find(ref), type, metadata, flags);
  }

  async domainGetBlkioParameters(ref: DomainRef, flags: number): Promise<TypedParameter[]> {
    return blkioParameters(this.#find(ref), flags);
  }

  async domainSetBlkioParameters(ref: DomainRef, params: TypedParameter[], flags: number): Promise<void> {
    checkBlkioParameters(params, flags);
    setBlkioParameters(this.#find(ref), params, flags);
  }

  /** testConnectGetAllDomainStats: the given domains (or every domain, listed as listAllDomains) the filters keep. */
  async connectGetAllDomainStats(refs: DomainRef[] | undefined, stats: number, flags: number): Promise<DriverStatsRecord[]> {
    const groups = statsGroups(stats, flags);
    // a listed domain that is gone by now is skipped (virDomainObjListConvert's skip_missing)
    const doms = refs ? refs.flatMap((ref) => this.#findOrSkip(ref)) : [...this.#active(), ...this.#inactive()];
    return doms.filter((dom) => passesFilters(dom, flags)).map((dom) => ({ ref: refOf(dom), params: domainStats(dom, groups) }));
  }

  #findOrSkip(ref: DomainRef): TestDomain[] {
    try {
      return [this.#find(ref)];
    } catch {
      return [];
    }
  }

  // ---- CPUs, scheduler and IOThreads

  /** testNodeGetCPUMap: libvirt 9's test host has 8 CPUs, of which 0, 2 and 4 are online. */
  async nodeGetCPUMap(flags: number): Promise<NodeCPUMap> {
    checkFlags(flags, 0, 'testNodeGetCPUMap');
    return { cpus: 8, cpumap: Uint8Array.of(0x15), online: 3 };
  }

  async domainGetVcpusFlags(ref: DomainRef, flags: number): Promise<number> {
    return vcpusFlags(this.#find(ref), flags);
  }

  /** testDomainGetMaxVcpus: the running domain's maximum. */
  async domainGetMaxVcpus(ref: DomainRef): Promise<number> {
    return vcpusFlags(this.#find(ref), DomainModificationImpact.AFFECT_LIVE | DomainVcpuFlags.VCPU_MAXIMUM);
  }

  async domainGetVcpus(ref: DomainRef, maxinfo: number, maplen: number): Promise<DomainVcpus> {
    return vcpus(this.#find(ref), this.node.info, maxinfo, maplen);
  }

  async domainGetVcpuPinInfo(ref: DomainRef, ncpumaps: number, maplen: number, flags: number): Promise<Uint8Array[]> {
    return vcpuPinInfo(this.#find(ref), this.node.info, ncpumaps, maplen, flags);
  }

  async domainPinVcpu(ref: DomainRef, vcpu: number, cpumap: Uint8Array): Promise<void> {
    pinVcpu(this.#find(ref), vcpu, cpumap, 0);
  }

  async domainPinVcpuFlags(ref: DomainRef, vcpu: number, cpumap: Uint8Array, flags: number): Promise<void> {
    checkFlags(flags, 0, 'testDomainPinVcpuFlags');
    pinVcpu(this.#find(ref), vcpu, cpumap, flags);
  }

  async domainPinEmulator(ref: DomainRef, cpumap: Uint8Array, flags: number): Promise<void> {
    pinEmulator(this.#find(ref), cpumap, flags);
  }

  async domainGetEmulatorPinInfo(ref: DomainRef, maplen: number, flags: number): Promise<Uint8Array> {
    return emulatorPinInfo(this.#find(ref), this.node.info, maplen, flags);
  }

  async domainGetCPUStats(ref: DomainRef, nparams: number, startCpu: number, ncpus: number, flags: number): Promise<{ count: number; params: TypedParameter[][] }> {
    return cpuStats(this.#find(ref), this.node.info, nparams, startCpu, ncpus, flags);
  }

  async domainGetSchedulerType(ref: DomainRef): Promise<SchedulerType> {
    this.#find(ref);
    return { ...TEST_SCHEDULER };
  }

  async domainGetSchedulerParameters(ref: DomainRef): Promise<TypedParameter[]> {
    return this.domainGetSchedulerParametersFlags(ref, 1, 0);
  }

  async domainGetSchedulerParametersFlags(ref: DomainRef, _nparams: number, flags: number): Promise<TypedParameter[]> {
    const params = schedulerParameters(flags);
    this.#find(ref);
    return params;
  }

  async domainSetSchedulerParameters(ref: DomainRef, params: TypedParameter[]): Promise<void> {
    return this.domainSetSchedulerParametersFlags(ref, params, 0);
  }

  async domainSetSchedulerParametersFlags(ref: DomainRef, params: TypedParameter[], flags: number): Promise<void> {
    checkSchedulerParameters(params, flags);
    this.#find(ref);
  }

  async domainGetControlInfo(ref: DomainRef, flags: number): Promise<DomainControlInfo> {
    checkFlags(flags, 0, 'testDomainGetControlInfo');
    return controlInfo(this.#find(ref), flags);
  }

  async domainGetIOThreadInfo(ref: DomainRef, flags: number): Promise<IOThreadInfo[]> {
    return iothreadInfo(this.#find(ref), flags);
  }

  async domainPinIOThread(ref: DomainRef, iothreadId: number, cpumap: Uint8Array, flags: number): Promise<void> {
    pinIOThread(this.#find(ref), iothreadId, cpumap, flags);
  }

  async domainAddIOThread(ref: DomainRef, iothreadId: number, flags: number): Promise<void> {
    addIOThread(this.#find(ref), iothreadId, flags);
  }

  async domainDelIOThread(ref: DomainRef, iothreadId: number, flags: number): Promise<void> {
    delIOThread(this.#find(ref), iothreadId, flags);
  }

  async domainSetIOThreadParams(ref: DomainRef, iothreadId: number, params: TypedParameter[], flags: number): Promise<void> {
    setIOThreadParams(this.#find(ref), iothreadId, params, flags);
  }

  // ---- snapshots

  get #snapshotHost(): SnapshotHost {
    return { domains: this.node.domains, emit: (dom, event, detail) => this.#emit(dom, event as DomainEventType, detail) };
  }

  async domainSnapshotCreateXML(ref: DomainRef, xml: string, flags: number): Promise<{ name: string; dom: DomainRef }> {
    const dom = this.#find(ref);
    const name = createSnapshot(this.#snapshotHost, dom, xml, flags, dom.checkpoints.size > 0);
    return { name, dom: refOf(dom) };
  }

  async domainSnapshotNum(ref: DomainRef, flags: number): Promise<number> {
    return this.#listSnapshots(ref, undefined, flags, 'testDomainSnapshotNum').length;
  }

  async domainSnapshotListNames(ref: DomainRef, flags: number): Promise<string[]> {
    return names(this.#listSnapshots(ref, undefined, flags, 'testDomainSnapshotListNames'));
  }

  async domainListAllSnapshots(ref: DomainRef, flags: number): Promise<string[]> {
    return names(this.#listSnapshots(ref, undefined, flags, 'testDomainListAllSnapshots'));
  }

  async domainSnapshotNumChildren(ref: DomainRef, snapshot: string, flags: number): Promise<number> {
    return this.#listSnapshots(ref, snapshot, flags, 'testDomainSnapshotNumChildren').length;
  }

  async domainSnapshotListChildrenNames(ref: DomainRef, snapshot: string, flags: number): Promise<string[]> {
    return names(this.#listSnapshots(ref, snapshot, flags, 'testDomainSnapshotListChildrenNames'));
  }

  async domainSnapshotListAllChildren(ref: DomainRef, snapshot: string, flags: number): Promise<string[]> {
    return names(this.#listSnapshots(ref, snapshot, flags, 'testDomainSnapshotListAllChildren'));
  }

  /** A domain's snapshots (`from` undefined: flag 1 is ROOTS) or a snapshot's children (flag 1: DESCENDANTS). */
  #listSnapshots(ref: DomainRef, from: string | undefined, flags: number, fn: string): TestSnapshot[] {
    checkFlags(flags, SNAPSHOT_LIST_FLAGS, fn);
    const dom = this.#find(ref);
    if (from !== undefined) findSnapshot(dom, from);
    return dom.snapshots.list(from, flags);
  }

  async domainSnapshotLookupByName(ref: DomainRef, name: string, flags: number): Promise<string> {
    checkFlags(flags, 0, 'testDomainSnapshotLookupByName');
    return findSnapshot(this.#find(ref), name).name;
  }

  async domainHasCurrentSnapshot(ref: DomainRef, flags: number): Promise<boolean> {
    checkFlags(flags, 0, 'testDomainHasCurrentSnapshot');
    return this.#find(ref).snapshots.current !== undefined;
  }

  async domainSnapshotCurrent(ref: DomainRef, flags: number): Promise<string> {
    checkFlags(flags, 0, 'testDomainSnapshotCurrent');
    const current = this.#find(ref).snapshots.current;
    if (current === undefined) throw testError('NO_DOMAIN_SNAPSHOT', 'the domain does not have a current snapshot');
    return current;
  }

  async domainSnapshotGetParent(ref: DomainRef, snapshot: string, flags: number): Promise<string> {
    checkFlags(flags, 0, 'testDomainSnapshotGetParent');
    const found = findSnapshot(this.#find(ref), snapshot);
    if (found.parent === undefined) throw testError('NO_DOMAIN_SNAPSHOT', `snapshot '${found.name}' does not have a parent`);
    return found.parent;
  }

  async domainSnapshotGetXMLDesc(ref: DomainRef, snapshot: string, flags: number): Promise<string> {
    checkFlags(flags, DomainSnapshotXMLFlags.SECURE, 'testDomainSnapshotGetXMLDesc');
    return snapshotXml(findSnapshot(this.#find(ref), snapshot), flags);
  }

  async domainSnapshotIsCurrent(ref: DomainRef, snapshot: string, flags: number): Promise<boolean> {
    checkFlags(flags, 0, 'testDomainSnapshotIsCurrent');
    const dom = this.#find(ref);
    return dom.snapshots.current === findSnapshot(dom, snapshot).name;
  }

  /** Every snapshot of the test driver has metadata. */
  async domainSnapshotHasMetadata(ref: DomainRef, snapshot: string, flags: number): Promise<boolean> {
    checkFlags(flags, 0, 'testDomainSnapshotHasMetadata');
    findSnapshot(this.#find(ref), snapshot);
    return true;
  }

  async domainRevertToSnapshot(ref: DomainRef, snapshot: string, flags: number): Promise<DomainRef> {
    const dom = this.#find(ref);
    revertToSnapshot(this.#snapshotHost, dom, snapshot, flags);
    return refOf(dom);
  }

  async domainSnapshotDelete(ref: DomainRef, snapshot: string, flags: number): Promise<void> {
    deleteSnapshot(this.#find(ref), snapshot, flags);
  }

  // ---- checkpoints

  async domainCheckpointCreateXML(ref: DomainRef, xml: string, flags: number): Promise<string> {
    return createCheckpoint(this.#find(ref), xml, flags);
  }

  async domainListAllCheckpoints(ref: DomainRef, flags: number): Promise<string[]> {
    return listCheckpoints(this.#find(ref), undefined, flags);
  }

  async domainCheckpointListAllChildren(ref: DomainRef, checkpoint: string, flags: number): Promise<string[]> {
    return listCheckpoints(this.#find(ref), checkpoint, flags);
  }

  async domainCheckpointLookupByName(ref: DomainRef, name: string, flags: number): Promise<string> {
    checkFlags(flags, 0, 'testDomainCheckpointLookupByName');
    return findCheckpoint(this.#find(ref), name).name;
  }

  async domainCheckpointGetParent(ref: DomainRef, checkpoint: string, flags: number): Promise<string> {
    return checkpointParent(this.#find(ref), checkpoint, flags);
  }

  async domainCheckpointGetXMLDesc(ref: DomainRef, checkpoint: string, flags: number): Promise<string> {
    return checkpointXml(this.#find(ref), checkpoint, flags);
  }

  async domainCheckpointDelete(ref: DomainRef, checkpoint: string, flags: number): Promise<void> {
    deleteCheckpoint(this.#find(ref), checkpoint, flags);
  }

  /** The domain a handle stands for, matched by UUID as libvirt's testDomObjFromDomain. */
  #find(ref: DomainRef): TestDomain {
    // The handle's name finds the domain without formatting its UUID (every call comes here);
    // the UUID still decides, as a domain of that name may be another one now.
    const named = this.node.domains.byName(ref.name);
    if (named && uuidEquals(named.uuid, ref.uuid)) return named;
    const uuid = formatUuid(ref.uuid);
    const dom = this.node.domains.byUuid(uuid);
    if (!dom) throw testError('NO_DOMAIN', `no domain with matching uuid '${uuid}' (${ref.name})`);
    return dom;
  }
}

/** A lookup's answer; a miss is NO_DOMAIN with no detail (testDomainLookupBy*: `Domain not found`). */
function found(dom: TestDomain | undefined): DomainRef {
  if (!dom) throw new VirtError({ code: 'NO_DOMAIN', domain: 'TEST' });
  return refOf(dom);
}

/**
 * Inactive domains in the order virsh lists them (names case-folded, then as they are; virsh 9's
 * vshStrcasecmp). libvirt leaves the order to its hash table; localeCompare needed ICU's
 * collator, whose set-up alone cost ~25 ms per process (25 us per domain of a 1,000-domain node file).
 */
function nameOrder(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What libvirt 9's test driver accepts in a snapshot listing: ROOTS/DESCENDANTS, TOPOLOGICAL and every filter. */
const SNAPSHOT_LIST_FLAGS = Object.values(DomainSnapshotListFlags).reduce((all, bit) => all | bit, 0);

function names(snapshots: readonly TestSnapshot[]): string[] {
  return snapshots.map((s) => s.name);
}

function refOf(dom: TestDomain): DomainRef {
  return { id: dom.id, name: dom.def.name, uuid: dom.uuid };
}

/** refOf with the domain's info, as listAllDomains gives it. */
function listedRef(dom: TestDomain): DomainRef {
  return { id: dom.id, name: dom.def.name, uuid: dom.uuid, info: infoOf(dom) };
}

function infoOf(dom: TestDomain): DomainInfo {
  return {
    state: dom.state,
    maxMem: dom.def.memory,
    memory: dom.def.currentMemory,
    nrVirtCpu: dom.def.vcpu.current ?? dom.def.vcpu.count,
    cpuTime: BigInt(Date.now()) * 1_000_000n,
  };
}

function setState(dom: TestDomain, state: DomainState, reason: number): void {
  dom.state = state;
  dom.reason = reason;
}
