import { resolve } from 'node:path';
import { formatUuid } from '@libvirt-ts/xml-format';
import { checkExclusiveFlags, checkMetadataArgs, checkOneDefFlags } from './api-arg-checks.js';
import type { Connection } from './connection.js';
import { DomainCheckpointCreateFlags, DomainMemoryStatTags, DomainSaveRestoreFlags, TypedParameterFlags } from './constants.js';
import { CALL_RULES } from './dispatch.js';
import { type DomainCheckpoint, newCheckpoint } from './domain-checkpoint.js';
import { type DomainSnapshot, newSnapshot } from './domain-snapshot.js';
import type { Answer, DomainRef, DriverMethod, DriverMethodArgs, DriverMethodResult } from './driver.js';
import type { ConnectionEngine } from './engine/connection-engine.js';
import { VirtError } from './errors/virt-error.js';
import type {
  DomainBlockInfo,
  DomainControlInfo,
  DomainInfo,
  DomainMemoryStat,
  DomainStateWithReason,
  DomainVcpus,
  IOThreadInfo,
  QemuMonitorReply,
  SchedulerType,
  SecurityLabel,
  TypedParameter,
} from './types.js';

/** Hands the engine to the private constructor; only the connection's engine makes handles. */
const constructing = Symbol('Domain');
let makeDomain: (engine: ConnectionEngine, ref: DomainRef) => Domain;
let readName: (dom: Domain) => string;
let readRef: (dom: Domain) => DomainRef;

/**
 * virDomainPtr: a handle on one domain of a connection, handed out by lookups, listings, createXML
 * and defineXML (there is no public constructor). While the user holds it, every lookup of the same
 * domain on the same connection returns this same object. Name and UUID are fixed; the id follows
 * the domain as it starts (new id) and stops (-1).
 *
 * Nothing needs freeing: a handle lives as long as the user holds it, and once its connection is
 * closed every call on it fails with INVALID_CONN. free() is kept for libvirt users and does nothing.
 *
 * Names follow libvirt's binding rule: the C function without `virDomain` and `Get`, first letter
 * lower-cased, acronyms as libvirt spells them (virDomainGetInfo → info, virDomainGetUUID → UUID,
 * virDomainGetXMLDesc → XMLDesc, virDomainSetMaxMemory → setMaxMemory).
 */
export class Domain {
  readonly #engine: ConnectionEngine;
  /** Shared with the engine's handle table, which updates its id. */
  readonly #ref: DomainRef;

  private constructor(token: symbol, engine: ConnectionEngine, ref: DomainRef) {
    if (token !== constructing) throw new TypeError('Domain has no public constructor: look domains up through a Connection');
    this.#engine = engine;
    this.#ref = ref;
  }

  // the engine's way in (newDomain), and the error printer's way to a handle's name (handleName)
  static {
    makeDomain = (engine, ref) => new Domain(constructing, engine, ref);
    readName = (dom) => dom.#ref.name;
    readRef = (dom) => dom.#ref;
  }

  /** virDomainGetConnect: the connection this handle belongs to. */
  connect(): Connection {
    return this.#engine.facade;
  }

  /**
   * virDomainFree: nothing to do (handles need no freeing here); kept so code written for libvirt
   * runs unchanged. Never fails, even after the connection closed.
   */
  async free(): Promise<void> {}

  /** virDomainGetName. */
  name(): string {
    return this.#local('virDomainGetName').name;
  }

  /** virDomainGetID: the domain id, or -1 when inactive. */
  ID(): number {
    return this.#local('virDomainGetID').id;
  }

  /** virDomainGetUUID: 16 raw bytes (a copy). */
  UUID(): Uint8Array {
    return Uint8Array.from(this.#local('virDomainGetUUID').uuid);
  }

  /** virDomainGetUUIDString: lower-case 8-4-4-4-12. */
  UUIDString(): string {
    return formatUuid(this.#local('virDomainGetUUIDString').uuid);
  }

  /** The ref, for a synchronous getter: once the connection is closed, throws (and reports) INVALID_CONN. */
  #local(api: string): DomainRef {
    // Open, the usual case: no closure to make (a listing asks each domain's name and id).
    if (!this.#engine.closed) return this.#ref;
    return this.#engine.runSync(this, () => {
      this.#engine.checkOpen(api);
      return this.#ref;
    });
  }

  /** One driver call on this domain, reported on its connection. */
  #call<M extends DriverMethod>(method: M, ...args: DriverMethodArgs<M>): Promise<DriverMethodResult<M>> {
    return this.#engine.runCall(this, method, args);
  }

  /** virDomainGetInfo. */
  info(): Promise<DomainInfo> {
    return this.#call('domainGetInfo', this.#ref);
  }

  /** virDomainGetState: the state and libvirt's reason number for it. */
  state(): Promise<DomainStateWithReason> {
    return this.#call('domainGetState', this.#ref);
  }

  /** virDomainGetOSType: "linux", "hvm"... */
  OSType(): Promise<string> {
    return this.#call('domainGetOSType', this.#ref);
  }

  /** virDomainGetMaxMemory: KiB. */
  maxMemory(): Promise<number> {
    return this.#call('domainGetMaxMemory', this.#ref);
  }

  /** virDomainSetMaxMemory: KiB. */
  setMaxMemory(kib: number): Promise<void> {
    return this.#sized('domainSetMaxMemory', 'memory', kib, (memory) => this.#engine.call('domainSetMaxMemory', this.#ref, memory));
  }

  /** virDomainSetMemory: the balloon target, KiB, of a running domain. */
  setMemory(kib: number): Promise<void> {
    return this.#sized('domainSetMemory', 'memory', kib, (memory) => this.#engine.call('domainSetMemory', this.#ref, memory));
  }

  /** virDomainSetVcpus: the number of virtual CPUs of a running domain. */
  setVcpus(count: number): Promise<void> {
    return this.#sized('domainSetVcpus', 'nvcpus', count, (nvcpus) => this.#engine.call('domainSetVcpus', this.#ref, nvcpus));
  }

  /** virDomainSetMemoryFlags: `flags` from DomainMemoryModFlags (MEM_CONFIG changes the persistent definition). */
  setMemoryFlags(kib: number, flags: number): Promise<void> {
    return this.#sized('domainSetMemoryFlags', 'memory', kib, (memory) => this.#engine.call('domainSetMemoryFlags', this.#ref, memory, flags));
  }

  /** virDomainSetVcpusFlags: `flags` from DomainVcpuFlags (VCPU_MAXIMUM with VCPU_CONFIG changes the maximum). */
  setVcpusFlags(count: number, flags: number): Promise<void> {
    return this.#sized('domainSetVcpusFlags', 'nvcpus', count, (nvcpus) => this.#engine.call('domainSetVcpusFlags', this.#ref, nvcpus, flags));
  }

  /**
   * A write taking a size or count that must not be zero: a read-only connection is refused before
   * the argument is checked, as libvirt.c orders its checks.
   */
  #sized(method: DriverMethod, argument: string, value: number, call: (value: number) => Answer<void>): Promise<void> {
    return this.#checked(async () => {
      this.#engine.checkAllowed(method);
      return call(nonZero(argument, value, CALL_RULES[method].api));
    });
  }

  /** virDomainAttachDevice: adds the device described by `xml` (a `<disk>`, `<interface>`...) to the running domain. */
  attachDevice(xml: string): Promise<void> {
    return this.#call('domainAttachDevice', this.#ref, xml);
  }

  /** virDomainAttachDeviceFlags: `flags` from DomainDeviceModifyFlags (AFFECT_CONFIG changes the persistent definition). */
  attachDeviceFlags(xml: string, flags: number): Promise<void> {
    return this.#call('domainAttachDeviceFlags', this.#ref, xml, flags);
  }

  /** virDomainDetachDevice: removes the device described by `xml` from the running domain. */
  detachDevice(xml: string): Promise<void> {
    return this.#call('domainDetachDevice', this.#ref, xml);
  }

  /** virDomainDetachDeviceFlags: `flags` from DomainDeviceModifyFlags. */
  detachDeviceFlags(xml: string, flags: number): Promise<void> {
    return this.#call('domainDetachDeviceFlags', this.#ref, xml, flags);
  }

  /**
   * virDomainQemuMonitorCommand (libvirt-qemu): sends `cmd` to the QEMU monitor and answers its reply;
   * `flags` from DomainQemuMonitorCommandFlags. Only a QEMU driver has it: NO_SUPPORT on ours.
   */
  qemuMonitorCommand(cmd: string, flags = 0): Promise<string> {
    return this.#call('domainQemuMonitorCommand', this.#ref, cmd, flags);
  }

  /** virDomainQemuMonitorCommandWithFiles: as qemuMonitorCommand, passing the descriptors `fds` along. */
  qemuMonitorCommandWithFiles(cmd: string, fds: number[], flags = 0): Promise<QemuMonitorReply> {
    return this.#call('domainQemuMonitorCommandWithFiles', this.#ref, cmd, fds, flags);
  }

  /** A call whose arguments are checked first: the check's failure is reported like the call's. */
  #checked<T>(body: () => Promise<T>): Promise<T> {
    return this.#engine.run(this, body);
  }

  /** virDomainGetXMLDesc: the domain's XML description (libvirt's layout); `flags` from DomainXMLFlags. */
  XMLDesc(flags = 0): Promise<string> {
    return this.#call('domainGetXMLDesc', this.#ref, flags);
  }

  /** virDomainIsActive. */
  isActive(): Promise<boolean> {
    return this.#call('domainIsActive', this.#ref);
  }

  /** virDomainIsPersistent. */
  isPersistent(): Promise<boolean> {
    return this.#call('domainIsPersistent', this.#ref);
  }

  /** virDomainGetAutostart. */
  autostart(): Promise<boolean> {
    return this.#call('domainGetAutostart', this.#ref);
  }

  /** virDomainSetAutostart: whether the domain starts with its host (the test driver only records it). */
  setAutostart(autostart: boolean): Promise<void> {
    return this.#call('domainSetAutostart', this.#ref, autostart);
  }

  /** virDomainHasManagedSaveImage. */
  hasManagedSaveImage(): Promise<boolean> {
    return this.#call('domainHasManagedSaveImage', this.#ref);
  }

  /** virDomainGetSecurityLabel. */
  securityLabel(): Promise<SecurityLabel> {
    return this.#call('domainGetSecurityLabel', this.#ref);
  }

  /** virDomainGetMessages: e.g. "tainted: network configuration using opaque shell scripts". */
  messages(): Promise<string[]> {
    return this.#call('domainGetMessages', this.#ref);
  }

  /** virDomainCreate: starts this defined domain; it gets a new id. */
  create(): Promise<void> {
    return this.#checked(async () => {
      this.#engine.refresh(await this.#engine.call('domainCreate', this.#ref));
    });
  }

  /** virDomainUndefine: removes the persistent definition; a running domain goes on as a transient one. */
  undefine(): Promise<void> {
    return this.#call('domainUndefine', this.#ref);
  }

  /** virDomainRename: the domain, and this handle, go by `newName` from now on. */
  rename(newName: string, flags = 0): Promise<void> {
    return this.#checked(async () => {
      await this.#engine.call('domainRename', this.#ref, newName, flags);
      this.#engine.renamed(this.#ref, newName);
    });
  }

  /** virDomainDestroy. */
  destroy(): Promise<void> {
    return this.#checked(async () => {
      await this.#engine.call('domainDestroy', this.#ref);
      this.#ref.id = -1;
    });
  }

  /** virDomainSuspend. */
  suspend(): Promise<void> {
    return this.#call('domainSuspend', this.#ref);
  }

  /** virDomainResume. */
  resume(): Promise<void> {
    return this.#call('domainResume', this.#ref);
  }

  /** virDomainShutdown: asks the guest to halt (the test driver stops it at once). */
  shutdown(): Promise<void> {
    return this.#call('domainShutdown', this.#ref);
  }

  /** virDomainReboot: `flags` from DomainRebootFlagValues. */
  reboot(flags = 0): Promise<void> {
    return this.#call('domainReboot', this.#ref, flags);
  }

  /** virDomainReset: resets the running domain at once, as a power-cycle would (no guest involved). */
  reset(flags = 0): Promise<void> {
    return this.#call('domainReset', this.#ref, flags);
  }

  // ---- snapshots (libvirt-domain-snapshot.h)

  /** virDomainSnapshotCreateXML: `xml` a `<domainsnapshot>` document; `flags` from DomainSnapshotCreateFlags. */
  snapshotCreateXML(xml: string, flags = 0): Promise<DomainSnapshot> {
    return this.#checked(async () => {
      const { name, dom } = await this.#engine.call('domainSnapshotCreateXML', this.#ref, xml, flags);
      this.#engine.refresh(dom);
      return this.#snapshot(name);
    });
  }

  /** virDomainSnapshotNum: `flags` from DomainSnapshotListFlags. */
  snapshotNum(flags = 0): Promise<number> {
    return this.#call('domainSnapshotNum', this.#ref, flags);
  }

  /** virDomainSnapshotListNames. */
  snapshotListNames(flags = 0): Promise<string[]> {
    return this.#call('domainSnapshotListNames', this.#ref, flags);
  }

  /** virDomainListAllSnapshots: handles on the domain's snapshots (TOPOLOGICAL: parents before children). */
  listAllSnapshots(flags = 0): Promise<DomainSnapshot[]> {
    return this.#checked(async () => (await this.#engine.call('domainListAllSnapshots', this.#ref, flags)).map((name) => this.#snapshot(name)));
  }

  /** virDomainSnapshotLookupByName. */
  snapshotLookupByName(name: string, flags = 0): Promise<DomainSnapshot> {
    return this.#checked(async () => this.#snapshot(await this.#engine.call('domainSnapshotLookupByName', this.#ref, name, flags)));
  }

  /** virDomainHasCurrentSnapshot. */
  hasCurrentSnapshot(flags = 0): Promise<boolean> {
    return this.#call('domainHasCurrentSnapshot', this.#ref, flags);
  }

  /** virDomainSnapshotCurrent: NO_DOMAIN_SNAPSHOT when there is no current snapshot. */
  snapshotCurrent(flags = 0): Promise<DomainSnapshot> {
    return this.#checked(async () => this.#snapshot(await this.#engine.call('domainSnapshotCurrent', this.#ref, flags)));
  }

  #snapshot(name: string): DomainSnapshot {
    return newSnapshot(this.#engine, this, () => this.#ref, name);
  }

  // ---- checkpoints (libvirt-domain-checkpoint.h)

  /**
   * virDomainCheckpointCreateXML: `xml` a `<domaincheckpoint>` document; `flags` from
   * DomainCheckpointCreateFlags (REDEFINE_VALIDATE needs REDEFINE; REDEFINE excludes QUIESCE).
   */
  checkpointCreateXML(xml: string, flags = 0): Promise<DomainCheckpoint> {
    return this.#checked(async () => {
      this.#engine.checkAllowed('domainCheckpointCreateXML');
      const { REDEFINE, REDEFINE_VALIDATE, QUIESCE } = DomainCheckpointCreateFlags;
      if ((flags & REDEFINE_VALIDATE) !== 0 && (flags & REDEFINE) === 0) {
        throw new VirtError({ code: 'INVALID_ARG', domain: 'DOM', message: "Flag 'VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE' is required by flag 'VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE_VALIDATE'" });
      }
      checkExclusiveFlags(flags, REDEFINE, 'VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE', QUIESCE, 'VIR_DOMAIN_CHECKPOINT_CREATE_QUIESCE');
      return this.#checkpoint(await this.#engine.call('domainCheckpointCreateXML', this.#ref, xml, flags));
    });
  }

  /** virDomainListAllCheckpoints: handles on the domain's checkpoints; `flags` from DomainCheckpointListFlags (TOPOLOGICAL: parents before children). */
  listAllCheckpoints(flags = 0): Promise<DomainCheckpoint[]> {
    return this.#checked(async () => (await this.#engine.call('domainListAllCheckpoints', this.#ref, flags)).map((name) => this.#checkpoint(name)));
  }

  /** virDomainCheckpointLookupByName. */
  checkpointLookupByName(name: string, flags = 0): Promise<DomainCheckpoint> {
    return this.#checked(async () => this.#checkpoint(await this.#engine.call('domainCheckpointLookupByName', this.#ref, name, flags)));
  }

  #checkpoint(name: string): DomainCheckpoint {
    return newCheckpoint(this.#engine, this, () => this.#ref, name);
  }

  /** virDomainSave: saves the domain's state to `file` (relative paths are from the cwd) and stops it. */
  save(file: string): Promise<void> {
    return this.#checked(async () => {
      await this.#engine.call('domainSave', this.#ref, resolve(file));
      this.#ref.id = -1;
    });
  }

  // ---- daily domain commands: managed save, statistics, metadata, blkio tuning

  /** virDomainManagedSave: saves the running domain's state where libvirt manages it and stops it; `flags` from DomainSaveRestoreFlags. */
  managedSave(flags = 0): Promise<void> {
    return this.#checked(async () => {
      this.#engine.checkAllowed('domainManagedSave');
      const { SAVE_RUNNING, SAVE_PAUSED } = DomainSaveRestoreFlags;
      checkExclusiveFlags(flags, SAVE_RUNNING, 'VIR_DOMAIN_SAVE_RUNNING', SAVE_PAUSED, 'VIR_DOMAIN_SAVE_PAUSED');
      await this.#engine.call('domainManagedSave', this.#ref, flags);
      this.#ref.id = -1;
    });
  }

  /** virDomainManagedSaveRemove: drops the managed save image, if any. */
  managedSaveRemove(flags = 0): Promise<void> {
    return this.#call('domainManagedSaveRemove', this.#ref, flags);
  }

  /** virDomainMemoryStats: up to `nrStats` records (DomainMemoryStatTags tags); none for a domain without a balloon. */
  memoryStats(nrStats: number = DomainMemoryStatTags.NR, flags = 0): Promise<DomainMemoryStat[]> {
    return this.#checked(async () => {
      if (nrStats <= 0) return [];
      return this.#engine.call('domainMemoryStats', this.#ref, Math.min(nrStats, DomainMemoryStatTags.NR), flags);
    });
  }

  /** virDomainSetMemoryStatsPeriod: seconds between balloon statistics (0 stops them); `flags` from DomainModificationImpact. */
  setMemoryStatsPeriod(period: number, flags = 0): Promise<void> {
    return this.#checked(async () => {
      this.#engine.checkAllowed('domainSetMemoryStatsPeriod');
      if (!Number.isInteger(period) || period < 0) {
        throw new VirtError({ code: 'INVALID_ARG', domain: 'DOM', message: `period in virDomainSetMemoryStatsPeriod must not be negative` });
      }
      return this.#engine.call('domainSetMemoryStatsPeriod', this.#ref, period, flags);
    });
  }

  /** virDomainGetBlockInfo: sizes in bytes of the disk named by its target (vda) or source path. */
  blockInfo(disk: string, flags = 0): Promise<DomainBlockInfo> {
    return this.#call('domainGetBlockInfo', this.#ref, disk, flags);
  }

  /**
   * virDomainGetMetadata: the description or title (DomainMetadataType), or an ELEMENT's XML by its
   * namespace `uri`; NO_DOMAIN_METADATA when there is none. `flags` from DomainModificationImpact.
   */
  metadata(type: number, uri: string | null = null, flags = 0): Promise<string> {
    return this.#checked(async () => {
      checkOneDefFlags(flags);
      checkMetadataArgs('virDomainGetMetadata', type, undefined, null, uri);
      return this.#engine.call('domainGetMetadata', this.#ref, type, uri, flags);
    });
  }

  /**
   * virDomainSetMetadata: sets (null or '' removes) the description or title, or an ELEMENT under
   * namespace `uri` with prefix `key`. A title cannot hold a newline.
   */
  setMetadata(type: number, metadata: string | null, key: string | null = null, uri: string | null = null, flags = 0): Promise<void> {
    return this.#checked(async () => {
      this.#engine.checkAllowed('domainSetMetadata');
      checkMetadataArgs('virDomainSetMetadata', type, metadata, key, uri);
      return this.#engine.call('domainSetMetadata', this.#ref, type, metadata, key, uri, flags);
    });
  }

  /** virDomainGetBlkioParameters: weight and per-device limits; `flags` from DomainModificationImpact (and TypedParameterFlags). */
  blkioParameters(flags = 0): Promise<TypedParameter[]> {
    return this.#checked(async () => {
      checkOneDefFlags(flags);
      return this.#engine.call('domainGetBlkioParameters', this.#ref, flags);
    });
  }

  /** virDomainSetBlkioParameters: `flags` from DomainModificationImpact. */
  setBlkioParameters(params: TypedParameter[], flags = 0): Promise<void> {
    return this.#checked(async () => {
      this.#engine.checkAllowed('domainSetBlkioParameters');
      return this.#engine.call('domainSetBlkioParameters', this.#ref, params, flags);
    });
  }

  // ---- CPUs, scheduler and IOThreads (CPU maps: bit n of the bytes is host CPU n)

  /** virDomainGetVcpusFlags: a vcpu count; `flags` from DomainVcpuFlags (VCPU_MAXIMUM for the maximum, VCPU_LIVE or VCPU_CONFIG for which definition). */
  vcpusFlags(flags = 0): Promise<number> {
    return this.#call('domainGetVcpusFlags', this.#ref, flags);
  }

  /** virDomainGetMaxVcpus: the most vcpus the running domain can have. */
  maxVcpus(): Promise<number> {
    return this.#call('domainGetMaxVcpus', this.#ref);
  }

  /** virDomainGetVcpus: at most `maxinfo` vcpus of the running domain, with CPU maps of `maplen` bytes. */
  vcpus(maxinfo: number, maplen: number): Promise<DomainVcpus> {
    return this.#checked(async () => {
      positive('maxinfo', maxinfo, 'virDomainGetVcpus');
      positive('maplen', maplen, 'virDomainGetVcpus');
      return this.#engine.call('domainGetVcpus', this.#ref, maxinfo, maplen);
    });
  }

  /** virDomainGetVcpuPinInfo: the CPU maps (`maplen` bytes) of at most `ncpumaps` vcpus; `flags` from DomainModificationImpact. */
  vcpuPinInfo(ncpumaps: number, maplen: number, flags = 0): Promise<Uint8Array[]> {
    return this.#checked(async () => {
      positive('ncpumaps', ncpumaps, 'virDomainGetVcpuPinInfo');
      positive('maplen', maplen, 'virDomainGetVcpuPinInfo');
      return this.#engine.call('domainGetVcpuPinInfo', this.#ref, ncpumaps, maplen, flags);
    });
  }

  /** virDomainPinVcpu: the host CPUs vcpu `vcpu` of the running domain may run on. */
  pinVcpu(vcpu: number, cpumap: Uint8Array): Promise<void> {
    return this.#pinning('domainPinVcpu', cpumap, () => this.#engine.call('domainPinVcpu', this.#ref, vcpu, cpumap));
  }

  /** virDomainPinVcpuFlags: `flags` from DomainModificationImpact. */
  pinVcpuFlags(vcpu: number, cpumap: Uint8Array, flags: number): Promise<void> {
    return this.#pinning('domainPinVcpuFlags', cpumap, () => this.#engine.call('domainPinVcpuFlags', this.#ref, vcpu, cpumap, flags));
  }

  /** virDomainPinEmulator: the host CPUs the emulator threads may run on; `flags` from DomainModificationImpact. */
  pinEmulator(cpumap: Uint8Array, flags = 0): Promise<void> {
    return this.#pinning('domainPinEmulator', cpumap, () => this.#engine.call('domainPinEmulator', this.#ref, cpumap, flags));
  }

  /** virDomainGetEmulatorPinInfo: the emulator's CPU map, `maplen` bytes; `flags` from DomainModificationImpact. */
  emulatorPinInfo(maplen: number, flags = 0): Promise<Uint8Array> {
    return this.#checked(async () => {
      positive('maplen', maplen, 'virDomainGetEmulatorPinInfo');
      return this.#engine.call('domainGetEmulatorPinInfo', this.#ref, maplen, flags);
    });
  }

  /**
   * virDomainGetCPUStats: the statistics of `ncpus` host CPUs from `startCpu` (0: every CPU from
   * there), one array each (empty for a CPU the domain has not used); `startCpu` -1 gives the
   * domain's totals, one array. Parameters are DomainCPUStatsField (nanoseconds, ULLONG).
   */
  CPUStats(startCpu: number, ncpus = 0, flags = 0): Promise<TypedParameter[][]> {
    return this.#checked(async () => {
      if (!Number.isSafeInteger(startCpu) || startCpu < -1) throw invalidArg('start_cpu', 'virDomainGetCPUStats', 'must be -1 or a CPU number');
      let count = startCpu === -1 ? 1 : ncpus;
      if (count === 0) {
        // Past the last CPU, one is asked for, so that the driver says how far it goes.
        count = Math.max(1, (await this.#engine.call('domainGetCPUStats', this.#ref, 0, 0, 0, flags)).count - startCpu);
      }
      const { count: nparams } = await this.#engine.call('domainGetCPUStats', this.#ref, 0, startCpu, startCpu === -1 ? 1 : count, flags);
      if (nparams === 0) return [];
      return (await this.#engine.call('domainGetCPUStats', this.#ref, nparams, startCpu, count, flags)).params;
    });
  }

  /** virDomainGetSchedulerType: the scheduler's name ("credit", "fair"...) and how many parameters it has. */
  schedulerType(): Promise<SchedulerType> {
    return this.#call('domainGetSchedulerType', this.#ref);
  }

  /** virDomainGetSchedulerParameters: every scheduler parameter (DomainSchedulerField). */
  schedulerParameters(): Promise<TypedParameter[]> {
    return this.#checked(async () => {
      const { nparams } = await this.#engine.call('domainGetSchedulerType', this.#ref);
      return nparams === 0 ? [] : this.#engine.call('domainGetSchedulerParameters', this.#ref, nparams);
    });
  }

  /**
   * virDomainGetSchedulerParametersFlags: `flags` from DomainModificationImpact. STRING_OKAY is
   * added, as libvirt 9's API adds it for a driver that takes string parameters (every driver here
   * with this call: the test driver, and libvirtd's through the remote one).
   */
  schedulerParametersFlags(flags: number): Promise<TypedParameter[]> {
    return this.#checked(async () => {
      const { nparams } = await this.#engine.call('domainGetSchedulerType', this.#ref);
      return nparams === 0 ? [] : this.#engine.call('domainGetSchedulerParametersFlags', this.#ref, nparams, flags | TypedParameterFlags.STRING_OKAY);
    });
  }

  /** virDomainSetSchedulerParameters. */
  setSchedulerParameters(params: TypedParameter[]): Promise<void> {
    return this.#call('domainSetSchedulerParameters', this.#ref, params);
  }

  /** virDomainSetSchedulerParametersFlags: `flags` from DomainModificationImpact. */
  setSchedulerParametersFlags(params: TypedParameter[], flags: number): Promise<void> {
    return this.#call('domainSetSchedulerParametersFlags', this.#ref, params, flags);
  }

  /** virDomainGetControlInfo: the state of the control interface to the running domain. */
  controlInfo(flags = 0): Promise<DomainControlInfo> {
    return this.#call('domainGetControlInfo', this.#ref, flags);
  }

  /** virDomainGetIOThreadInfo: each IOThread's id and CPU map; `flags` from DomainModificationImpact. */
  IOThreadInfo(flags = 0): Promise<IOThreadInfo[]> {
    return this.#call('domainGetIOThreadInfo', this.#ref, flags);
  }

  /** virDomainPinIOThread: the host CPUs IOThread `iothreadId` may run on; `flags` from DomainModificationImpact. */
  pinIOThread(iothreadId: number, cpumap: Uint8Array, flags = 0): Promise<void> {
    return this.#pinning('domainPinIOThread', cpumap, () => this.#engine.call('domainPinIOThread', this.#ref, iothreadId, cpumap, flags));
  }

  /** virDomainAddIOThread: a new IOThread `iothreadId`; `flags` from DomainModificationImpact. */
  addIOThread(iothreadId: number, flags = 0): Promise<void> {
    return this.#call('domainAddIOThread', this.#ref, iothreadId, flags);
  }

  /** virDomainDelIOThread: `flags` from DomainModificationImpact. */
  delIOThread(iothreadId: number, flags = 0): Promise<void> {
    return this.#call('domainDelIOThread', this.#ref, iothreadId, flags);
  }

  /** virDomainSetIOThreadParams: DomainIOThreadField parameters of IOThread `iothreadId`; `flags` from DomainModificationImpact. */
  setIOThreadParams(iothreadId: number, params: TypedParameter[], flags = 0): Promise<void> {
    return this.#call('domainSetIOThreadParams', this.#ref, iothreadId, params, flags);
  }

  /** A pinning call: refused on a read-only connection, then the map checked (libvirt.c's order). */
  #pinning(method: DriverMethod, cpumap: Uint8Array, call: () => Answer<void>): Promise<void> {
    return this.#checked(async () => {
      this.#engine.checkAllowed(method);
      positive('maplen', cpumap.length, CALL_RULES[method].api);
      return call();
    });
  }
}


/** A new handle over `ref` (the engine's handle table): not exported from the package. */
export function newDomain(engine: ConnectionEngine, ref: DomainRef): Domain {
  return makeDomain(engine, ref);
}

/** The ref a handle reads (virDomainListGetStats hands the driver its domains): not exported from the package. */
export function refOfDomain(dom: Domain): DomainRef {
  return readRef(dom);
}

/** The handle's name without any check (the default error printer names the domain of an error). */
export function handleName(dom: Domain): string {
  return readName(dom);
}

/**
 * libvirt's bound on a memory size in KiB (virMemoryMaxValue / 1024: LLONG_MAX bytes), which
 * virDomainSetMemory* check after the zero check: at or above it is an overflow.
 */
const MEMORY_LIMIT_KIB = 9007199254740991;

/** The OVERFLOW error libvirt 9 gives a memory size at or past MEMORY_LIMIT_KIB; `kib` as the caller wrote it. */
function memoryOverflow(kib: number): VirtError {
  return new VirtError({ code: 'OVERFLOW', domain: 'DOM', info: `input too large: ${kib}` });
}

/** virCheckPositiveArgGoto: `argument in api must be greater than zero`. */
function positive(argument: string, value: number, api: string): void {
  if (!Number.isSafeInteger(value) || value <= 0) throw invalidArg(argument, api, 'must be greater than zero');
}

function invalidArg(argument: string, api: string, what: string): VirtError {
  return new VirtError({ code: 'INVALID_ARG', domain: 'DOM', message: `${argument} in ${api} ${what}` });
}

/**
 * libvirt's public-API argument check (virCheckNonZeroArgGoto): a size or count must be a positive
 * whole number; zero reads `memory in virDomainSetMemory must not be zero`.
 */
function nonZero(argument: string, value: number, api: string): number {
  if (argument === 'memory' && value >= MEMORY_LIMIT_KIB) throw memoryOverflow(value);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new VirtError({ code: 'INVALID_ARG', domain: 'DOM', message: `${argument} in ${api} must be a non-negative integer, not ${value}` });
  }
  if (value === 0) throw new VirtError({ code: 'INVALID_ARG', domain: 'DOM', message: `${argument} in ${api} must not be zero` });
  return value;
}
