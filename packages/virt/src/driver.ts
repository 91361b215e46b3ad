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
  OpenOptions,
  QemuMonitorReply,
  SchedulerType,
  SecurityLabel,
  SecurityModel,
  TypedParameter,
} from './types.js';
import type { ParsedUri } from './uri.js';

/**
 * What a driver knows about one domain: enough to build a Domain handle.
 * `id` is -1 for a defined but inactive domain. Drivers receive the handle's current ref back.
 */
export interface DomainRef {
  id: number;
  name: string;
  /** 16 raw bytes, never changed once handed out (handles keep the driver's array). */
  uuid: Uint8Array;
  /**
   * The domain's info when the driver had it at hand (xend lists domains with their details in one
   * request): Connection.listAllDomainsWithInfo uses it instead of asking again.
   */
  info?: DomainInfo;
}

/**
 * One opened driver's table of entry points, as libvirt's driver.h: the methods take and return
 * plain data. Every entry point is optional; a call that no open driver implements fails with
 * NO_SUPPORT. How each call is spread over the connection's drivers is in dispatch.ts.
 *
 * Contract for implementers:
 * - Fail by rejecting with a VirtError carrying your layer's ErrorDomain (XEN, XEND, XENSTORE, PROXY,
 *   TEST...) and libvirt 9's message text; wrap a package error (XendError, XenstoreError...) as `cause`.
 *   Reject with code NO_SUPPORT when you implement the method but not for this case: the dispatcher
 *   then prefers another driver's answer or error.
 * - Lookups resolve `undefined` when the domain is not known to you (the connection then reports
 *   NO_DOMAIN "no domain with matching name 'x'" once no driver found it), or reject with NO_DOMAIN
 *   worded as your layer words it (the test driver: libvirt 9's bare "Domain not found").
 * - Read-only connections are refused by the connection before a mutating call reaches you
 *   (OPERATION_DENIED), so drivers need not check.
 * - The getters typed `Answer<T>` may answer at once (a value, or a thrown error) rather than in a
 *   promise: a driver that holds its state in memory (the test driver) spares a promise per call,
 *   which is most of what a short virsh command costs. The connection still answers its caller
 *   with a promise.
 */
export interface Driver {
  /** libvirt's driver name: "Xen", "XenProxy", "XenDaemon", "XenStore", "Test". */
  readonly name: string;
  close(): Promise<void>;

  // Connection and node
  /** virConnectGetType; when no driver implements it the first driver's `name` is used. */
  getType?(): Promise<string>;
  /** Hypervisor version, encoded major*1,000,000 + minor*1,000 + micro. */
  getVersion?(): Promise<number>;
  getHostname?(): Promise<string>;
  getCapabilities?(): Promise<string>;
  nodeGetInfo?(): Promise<NodeInfo>;
  nodeGetSecurityModel?(): Answer<SecurityModel>;
  /** virConnectDomainXMLToNative: domain XML to a native config (`xen-xl`, `xen-xm`); flags must be 0. */
  connectDomainXMLToNative?(format: string, xml: string, flags: number): Promise<string>;
  /** virConnectDomainXMLFromNative: a native config to domain XML; flags must be 0. */
  connectDomainXMLFromNative?(format: string, config: string, flags: number): Promise<string>;

  /**
   * virConnectSetKeepAlive: probe the peer every `interval` seconds and close after `count`
   * unanswered probes (interval <= 0 stops probing). Resolves 0, or 1 when the peer has no keepalive.
   */
  connectSetKeepAlive?(interval: number, count: number): Promise<0 | 1>;

  // Listing
  listDomainIDs?(): Promise<number[]>;
  numOfDomains?(): Promise<number>;
  listDefinedDomains?(): Promise<string[]>;
  numOfDefinedDomains?(): Promise<number>;
  /** Active domains by id, then inactive ones; a fast path for listing (one round trip). */
  listAllDomains?(flags: ListAllDomainsFlags): Answer<DomainRef[]>;

  // Lookups: undefined when not found by this driver
  lookupByID?(id: number): Answer<DomainRef | undefined>;
  lookupByName?(name: string): Answer<DomainRef | undefined>;
  lookupByUUID?(uuid: Uint8Array): Answer<DomainRef | undefined>;

  // Creation and definition
  /** virDomainCreateXML / virDomainCreateLinux: create and start a (transient) domain. */
  domainCreateXML?(xml: string, flags: number): Promise<DomainRef>;
  domainDefineXML?(xml: string): Promise<DomainRef>;
  domainUndefine?(dom: DomainRef): Promise<void>;
  /** virDomainRename: gives a domain a new name (flags: none defined yet). */
  domainRename?(dom: DomainRef, newName: string, flags: number): Promise<void>;
  /** virDomainCreate: start a defined domain; resolves with its ref (new id). */
  domainCreate?(dom: DomainRef): Promise<DomainRef>;
  /** virDomainRestore: resolves with the restored domain's ref when the driver knows it. */
  domainRestore?(file: string): Promise<DomainRef | undefined>;

  // Lifecycle
  domainSuspend?(dom: DomainRef): Promise<void>;
  domainResume?(dom: DomainRef): Promise<void>;
  domainShutdown?(dom: DomainRef): Promise<void>;
  domainReboot?(dom: DomainRef, flags: number): Promise<void>;
  /** virDomainReset: a hard reset, without the guest's cooperation (flags: none defined yet). */
  domainReset?(dom: DomainRef, flags: number): Promise<void>;
  domainDestroy?(dom: DomainRef): Promise<void>;
  domainSave?(dom: DomainRef, file: string): Promise<void>;

  // Queries
  domainGetInfo?(dom: DomainRef): Answer<DomainInfo>;
  domainGetState?(dom: DomainRef): Answer<DomainStateWithReason>;
  domainGetOSType?(dom: DomainRef): Answer<string>;
  domainGetMaxMemory?(dom: DomainRef): Promise<number>;
  domainGetXMLDesc?(dom: DomainRef, flags: number): Promise<string>;
  domainIsActive?(dom: DomainRef): Promise<boolean>;
  domainIsPersistent?(dom: DomainRef): Answer<boolean>;
  domainGetAutostart?(dom: DomainRef): Answer<boolean>;
  domainSetAutostart?(dom: DomainRef, autostart: boolean): Promise<void>;
  domainHasManagedSaveImage?(dom: DomainRef): Answer<boolean>;
  domainGetSecurityLabel?(dom: DomainRef): Answer<SecurityLabel>;
  domainGetMessages?(dom: DomainRef): Answer<string[]>;

  // Resources (KiB / count)
  domainSetMaxMemory?(dom: DomainRef, kib: number): Promise<void>;
  domainSetMemory?(dom: DomainRef, kib: number): Promise<void>;
  domainSetVcpus?(dom: DomainRef, count: number): Promise<void>;
  /** virDomainSetMemoryFlags: DomainMemoryModFlags (MEM_CURRENT, MEM_LIVE, MEM_CONFIG, MEM_MAXIMUM). */
  domainSetMemoryFlags?(dom: DomainRef, kib: number, flags: number): Promise<void>;
  /** virDomainSetVcpusFlags: DomainVcpuFlags (VCPU_CURRENT, VCPU_LIVE, VCPU_CONFIG, VCPU_MAXIMUM...). */
  domainSetVcpusFlags?(dom: DomainRef, count: number, flags: number): Promise<void>;

  // Devices (libvirt 9's test driver has none of these: NO_SUPPORT)
  /** virDomainAttachDevice: add the device described by `xml` to the running domain. */
  domainAttachDevice?(dom: DomainRef, xml: string): Promise<void>;
  /** virDomainAttachDeviceFlags: DomainDeviceModifyFlags (AFFECT_CURRENT, AFFECT_LIVE, AFFECT_CONFIG). */
  domainAttachDeviceFlags?(dom: DomainRef, xml: string, flags: number): Promise<void>;
  /** virDomainDetachDevice: remove the device described by `xml` from the running domain. */
  domainDetachDevice?(dom: DomainRef, xml: string): Promise<void>;
  /** virDomainDetachDeviceFlags: DomainDeviceModifyFlags. */
  domainDetachDeviceFlags?(dom: DomainRef, xml: string, flags: number): Promise<void>;

  // Daily domain commands: managed save, statistics, metadata, blkio tuning
  /** virDomainManagedSave: DomainSaveRestoreFlags (SAVE_BYPASS_CACHE, SAVE_RUNNING, SAVE_PAUSED). */
  domainManagedSave?(dom: DomainRef, flags: number): Promise<void>;
  domainManagedSaveRemove?(dom: DomainRef, flags: number): Promise<void>;
  /** virDomainMemoryStats: at most `nrStats` records. */
  domainMemoryStats?(dom: DomainRef, nrStats: number, flags: number): Promise<DomainMemoryStat[]>;
  /** virDomainSetMemoryStatsPeriod: seconds between balloon statistics (0 stops them); DomainModificationImpact. */
  domainSetMemoryStatsPeriod?(dom: DomainRef, period: number, flags: number): Promise<void>;
  /** virDomainGetBlockInfo: `disk` is a target (vda) or a source path. */
  domainGetBlockInfo?(dom: DomainRef, disk: string, flags: number): Promise<DomainBlockInfo>;
  /** virDomainGetMetadata: DomainMetadataType; `uri` only for ELEMENT. */
  domainGetMetadata?(dom: DomainRef, type: number, uri: string | null, flags: number): Promise<string>;
  /** virDomainSetMetadata: `metadata` null removes it; `key` and `uri` only for ELEMENT. */
  domainSetMetadata?(dom: DomainRef, type: number, metadata: string | null, key: string | null, uri: string | null, flags: number): Promise<void>;
  /** virDomainGetBlkioParameters: every parameter the driver has (the API's two-call size dance is the caller's). */
  domainGetBlkioParameters?(dom: DomainRef, flags: number): Promise<TypedParameter[]>;
  domainSetBlkioParameters?(dom: DomainRef, params: TypedParameter[], flags: number): Promise<void>;
  /**
   * virConnectGetAllDomainStats / virDomainListGetStats: DomainStatsTypes `stats` of the domains
   * `doms` (undefined: every domain the ConnectGetAllDomainStatsFlags filters keep).
   */
  connectGetAllDomainStats?(doms: DomainRef[] | undefined, stats: number, flags: number): Promise<DriverStatsRecord[]>;
  // CPUs, scheduler and IOThreads. CPU maps are bytes, bit n standing for host CPU n (libvirt's cpumaps).
  /** virNodeGetCPUMap: flags must be 0. */
  nodeGetCPUMap?(flags: number): Promise<NodeCPUMap>;
  /** virDomainGetVcpusFlags: DomainVcpuFlags (VCPU_LIVE, VCPU_CONFIG, VCPU_MAXIMUM, VCPU_GUEST). */
  domainGetVcpusFlags?(dom: DomainRef, flags: number): Promise<number>;
  /** virDomainGetMaxVcpus. */
  domainGetMaxVcpus?(dom: DomainRef): Promise<number>;
  /** virDomainGetVcpus: at most `maxinfo` vcpus of a running domain, each CPU map `maplen` bytes. */
  domainGetVcpus?(dom: DomainRef, maxinfo: number, maplen: number): Promise<DomainVcpus>;
  /** virDomainGetVcpuPinInfo: the CPU maps (`maplen` bytes) of at most `ncpumaps` vcpus; DomainModificationImpact. */
  domainGetVcpuPinInfo?(dom: DomainRef, ncpumaps: number, maplen: number, flags: number): Promise<Uint8Array[]>;
  /** virDomainPinVcpu. */
  domainPinVcpu?(dom: DomainRef, vcpu: number, cpumap: Uint8Array): Promise<void>;
  /** virDomainPinVcpuFlags: DomainModificationImpact. */
  domainPinVcpuFlags?(dom: DomainRef, vcpu: number, cpumap: Uint8Array, flags: number): Promise<void>;
  /** virDomainPinEmulator: DomainModificationImpact. */
  domainPinEmulator?(dom: DomainRef, cpumap: Uint8Array, flags: number): Promise<void>;
  /** virDomainGetEmulatorPinInfo: the emulator's CPU map, `maplen` bytes; DomainModificationImpact. */
  domainGetEmulatorPinInfo?(dom: DomainRef, maplen: number, flags: number): Promise<Uint8Array>;
  /**
   * virDomainGetCPUStats as libvirt's drivers answer it: with `nparams` 0, `count` is how many
   * parameters each CPU has (or, with `ncpus` 0 too, how many CPUs there are; `startCpu` -1 asks for
   * the totals); otherwise `params` holds `ncpus` arrays (`startCpu` -1: one, the totals) of at most
   * `nparams` parameters, empty for a CPU the domain has not used, and `count` how many each has.
   */
  domainGetCPUStats?(dom: DomainRef, nparams: number, startCpu: number, ncpus: number, flags: number): Promise<{ count: number; params: TypedParameter[][] }>;
  /** virDomainGetSchedulerType. */
  domainGetSchedulerType?(dom: DomainRef): Promise<SchedulerType>;
  /** virDomainGetSchedulerParameters: at most `nparams` parameters. */
  domainGetSchedulerParameters?(dom: DomainRef, nparams: number): Promise<TypedParameter[]>;
  /** virDomainGetSchedulerParametersFlags: DomainModificationImpact and TypedParameterFlags. */
  domainGetSchedulerParametersFlags?(dom: DomainRef, nparams: number, flags: number): Promise<TypedParameter[]>;
  /** virDomainSetSchedulerParameters. */
  domainSetSchedulerParameters?(dom: DomainRef, params: TypedParameter[]): Promise<void>;
  /** virDomainSetSchedulerParametersFlags: DomainModificationImpact. */
  domainSetSchedulerParametersFlags?(dom: DomainRef, params: TypedParameter[], flags: number): Promise<void>;
  /** virDomainGetControlInfo: flags must be 0. */
  domainGetControlInfo?(dom: DomainRef, flags: number): Promise<DomainControlInfo>;
  /** virDomainGetIOThreadInfo: DomainModificationImpact. */
  domainGetIOThreadInfo?(dom: DomainRef, flags: number): Promise<IOThreadInfo[]>;
  /** virDomainPinIOThread: DomainModificationImpact. */
  domainPinIOThread?(dom: DomainRef, iothreadId: number, cpumap: Uint8Array, flags: number): Promise<void>;
  /** virDomainAddIOThread: DomainModificationImpact. */
  domainAddIOThread?(dom: DomainRef, iothreadId: number, flags: number): Promise<void>;
  /** virDomainDelIOThread: DomainModificationImpact. */
  domainDelIOThread?(dom: DomainRef, iothreadId: number, flags: number): Promise<void>;
  /** virDomainSetIOThreadParams: DomainIOThreadField parameters; DomainModificationImpact. */
  domainSetIOThreadParams?(dom: DomainRef, iothreadId: number, params: TypedParameter[], flags: number): Promise<void>;

  // Storage pools (libvirt-storage.h): none of our drivers has them yet (NO_SUPPORT)
  /** virStoragePoolDefineXML: defines (or redefines) a persistent pool from its `<pool>` XML; flags from StoragePoolDefineFlags. */
  storagePoolDefineXML?(xml: string, flags: number): Promise<StoragePoolRef>;

  // libvirt-qemu.h: the QEMU driver's own calls. None of our drivers has them (NO_SUPPORT); the remote
  // driver would need libvirt-qemu's separate protocol (QEMU_PROGRAM), which it does not speak.
  /** virDomainQemuMonitorCommand: the monitor's reply; DomainQemuMonitorCommandFlags (HMP). */
  domainQemuMonitorCommand?(dom: DomainRef, cmd: string, flags: number): Promise<string>;
  /** virDomainQemuMonitorCommandWithFiles: also passes the file descriptors `fds` along. */
  domainQemuMonitorCommandWithFiles?(dom: DomainRef, cmd: string, fds: number[], flags: number): Promise<QemuMonitorReply>;

  // Snapshots (libvirt-domain-snapshot.h): a snapshot is named by its domain's ref and its name
  /** virDomainSnapshotCreateXML: resolves with the new snapshot's name and the domain's ref after it (HALT stops it). */
  domainSnapshotCreateXML?(dom: DomainRef, xml: string, flags: number): Promise<SnapshotCreated>;
  /** virDomainSnapshotNum: DomainSnapshotListFlags. */
  domainSnapshotNum?(dom: DomainRef, flags: number): Promise<number>;
  /** virDomainSnapshotListNames. */
  domainSnapshotListNames?(dom: DomainRef, flags: number): Promise<string[]>;
  /** virDomainListAllSnapshots: the names, in the driver's order (TOPOLOGICAL: parents first). */
  domainListAllSnapshots?(dom: DomainRef, flags: number): Promise<string[]>;
  /** virDomainSnapshotLookupByName: resolves with the name as the driver has it. */
  domainSnapshotLookupByName?(dom: DomainRef, name: string, flags: number): Promise<string>;
  domainHasCurrentSnapshot?(dom: DomainRef, flags: number): Promise<boolean>;
  /** virDomainSnapshotCurrent: the current snapshot's name. */
  domainSnapshotCurrent?(dom: DomainRef, flags: number): Promise<string>;
  /** virDomainRevertToSnapshot: resolves with the domain's ref after the revert (a new id when it started). */
  domainRevertToSnapshot?(dom: DomainRef, snapshot: string, flags: number): Promise<DomainRef>;
  domainSnapshotGetXMLDesc?(dom: DomainRef, snapshot: string, flags: number): Promise<string>;
  /** virDomainSnapshotGetParent: the parent's name. */
  domainSnapshotGetParent?(dom: DomainRef, snapshot: string, flags: number): Promise<string>;
  domainSnapshotNumChildren?(dom: DomainRef, snapshot: string, flags: number): Promise<number>;
  domainSnapshotListChildrenNames?(dom: DomainRef, snapshot: string, flags: number): Promise<string[]>;
  domainSnapshotListAllChildren?(dom: DomainRef, snapshot: string, flags: number): Promise<string[]>;
  domainSnapshotIsCurrent?(dom: DomainRef, snapshot: string, flags: number): Promise<boolean>;
  domainSnapshotHasMetadata?(dom: DomainRef, snapshot: string, flags: number): Promise<boolean>;
  domainSnapshotDelete?(dom: DomainRef, snapshot: string, flags: number): Promise<void>;

  // Checkpoints (libvirt-domain-checkpoint.h): a checkpoint is named by its domain's ref and its name
  /** virDomainCheckpointCreateXML: DomainCheckpointCreateFlags; resolves with the new checkpoint's name. */
  domainCheckpointCreateXML?(dom: DomainRef, xml: string, flags: number): Promise<string>;
  /** virDomainListAllCheckpoints: the names, in the driver's order (TOPOLOGICAL: parents first); DomainCheckpointListFlags. */
  domainListAllCheckpoints?(dom: DomainRef, flags: number): Promise<string[]>;
  /** virDomainCheckpointListAllChildren: DomainCheckpointListFlags (DESCENDANTS: all below). */
  domainCheckpointListAllChildren?(dom: DomainRef, checkpoint: string, flags: number): Promise<string[]>;
  /** virDomainCheckpointLookupByName: resolves with the name as the driver has it. */
  domainCheckpointLookupByName?(dom: DomainRef, name: string, flags: number): Promise<string>;
  /** virDomainCheckpointGetParent: the parent's name (NO_DOMAIN_CHECKPOINT for a root). */
  domainCheckpointGetParent?(dom: DomainRef, checkpoint: string, flags: number): Promise<string>;
  /** virDomainCheckpointGetXMLDesc: DomainCheckpointXMLFlags. */
  domainCheckpointGetXMLDesc?(dom: DomainRef, checkpoint: string, flags: number): Promise<string>;
  /** virDomainCheckpointDelete: DomainCheckpointDeleteFlags. */
  domainCheckpointDelete?(dom: DomainRef, checkpoint: string, flags: number): Promise<void>;

  // Events (not dispatched: the connection subscribes to the first driver that has them)
  /**
   * virConnectDomainEventRegisterAny for lifecycle events: from now on, hand every domain lifecycle
   * event this driver sees to `sink`, until the returned function is called. A source that breaks
   * (a lost watch, a dropped daemon connection) calls `sink.fail` once and sends nothing more.
   * `peers` are the connection's other drivers, in priority order: a source may need what they
   * read (the xenstore driver of a xend host watches, and the hypervisor or xend lists domains).
   */
  domainEventSubscribe?(sink: DomainEventSink, peers: readonly Driver[]): Promise<() => Promise<void>>;
}

/** What virDomainSnapshotCreateXML made: the snapshot's name, and the domain as it is now. */
export interface SnapshotCreated {
  name: string;
  dom: DomainRef;
}

/** What a driver knows about one storage pool: enough to build a StoragePool handle. */
export interface StoragePoolRef {
  name: string;
  /** 16 raw bytes, never changed once handed out (handles keep the driver's array). */
  uuid: Uint8Array;
}

/** One lifecycle event as a driver reports it: the domain, virDomainEventType and its detail. */
export interface DriverDomainEvent {
  ref: DomainRef;
  event: number;
  detail: number;
}

/** Where a driver delivers the events of one subscription. */
export interface DomainEventSink {
  event(event: DriverDomainEvent): void;
  fail(error: unknown): void;
}

/** A driver's answer: a value at once or a promise of it (see the contract above). */
export type Answer<T> = T | Promise<T>;

/** One domain's statistics as a driver reports them. */
export interface DriverStatsRecord {
  ref: DomainRef;
  params: TypedParameter[];
}

/** The entry points of Driver that dispatch.ts routes. */
export type DriverMethod = Exclude<keyof Driver, 'name' | 'close' | 'domainEventSubscribe'>;
/** The arguments of one entry point. */
export type DriverMethodArgs<M extends DriverMethod> = Parameters<NonNullable<Driver[M]>>;
/** What one entry point resolves to. */
export type DriverMethodResult<M extends DriverMethod> = Awaited<ReturnType<NonNullable<Driver[M]>>>;

/** What a driver factory is given when a connection opens. */
export interface DriverOpenRequest {
  /** The name passed to open() as is; undefined for the default connection (Xen). */
  name: string | undefined;
  /** `name` parsed; undefined when there is no name or it is not a URI (e.g. a bare socket path). */
  uri: ParsedUri | undefined;
  readOnly: boolean;
  /**
   * libvirt's VIR_DRV_OPEN_QUIET: read-only opens ignore individual driver failures, so a
   * driver should decline (resolve undefined) rather than fail loudly where it cannot open.
   */
  quiet: boolean;
  /** All options given to open(), including driver-specific paths. */
  options: OpenOptions;
}

/**
 * A registered driver: opens one Driver per connection. Resolve `undefined` to decline (the name is
 * not yours); reject with a VirtError when it is yours but could not be opened (the connection then
 * goes on without you, unless `failureAbortsOpen` says otherwise).
 *
 * The rules libvirt's open and dispatch apply to particular drivers are declared here as properties,
 * never recognised by a driver's name.
 */
export interface DriverFactory {
  /** libvirt's driver name ("Xen", "Test"...): unique in the registry (registering it again replaces it). */
  readonly name: string;
  /**
   * Where this driver stands among a connection's drivers: lower numbers open first and are asked
   * first by "first success" calls. The built-in ones are in BUILTIN_DRIVER_PRIORITY.
   */
  readonly priority: number;
  /** The driver's version for virGetVersion(type), encoded major*1,000,000 + minor*1,000 + micro. */
  readonly version: number;
  /**
   * The driver acts on the hypervisor directly, beneath a layer that keeps the domains' books (the
   * Xen hypervisor driver beneath xend): calls whose rule is `first-direct-last` or
   * `every-direct-last` (suspend, resume, destroy) ask it after the other drivers.
   */
  readonly direct?: boolean;
  /**
   * Whether this driver's open failure fails the whole open instead of being skipped. libvirt's Xen
   * rule: a read-write open of a Xen name (none, or one starting with "xen") needs every Xen driver
   * but the proxy.
   */
  failureAbortsOpen?(request: DriverOpenRequest): boolean;
  open(request: DriverOpenRequest): Promise<Driver | undefined>;
}

/** A driver a connection opened, with the factory that opened it (its declared rules). */
export interface OpenedDriver {
  readonly driver: Driver;
  readonly factory: DriverFactory;
}
