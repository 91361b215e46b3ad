import type { CredentialType, DomainControlState, DomainEventType, DomainState, TypedParameterType, VcpuState } from './constants.js';
import type { Domain } from './domain.js';

/** virDomainInfo. Memory in KiB, cpuTime in nanoseconds. */
export interface DomainInfo {
  state: DomainState;
  maxMem: number;
  memory: number;
  nrVirtCpu: number;
  cpuTime: bigint;
}

/** virNodeInfo. */
export interface NodeInfo {
  model: string;
  /** KiB */
  memory: number;
  cpus: number;
  mhz: number;
  nodes: number;
  sockets: number;
  cores: number;
  threads: number;
}

/** virDomainGetState: the state plus its reason (numbers as in libvirt's per-state reason enums). */
export interface DomainStateWithReason {
  state: DomainState;
  reason: number;
}

/** virSecurityModel: what virNodeGetSecurityModel resolves to. */
export interface SecurityModel {
  model: string;
  doi: string;
}

/** virSecurityLabel (virDomainGetSecurityLabel). `label` is empty for a domain without one (e.g. inactive). */
export interface SecurityLabel {
  label: string;
  enforcing: boolean;
}

/** Filters of virConnectListAllDomains; neither set means both. */
export interface ListAllDomainsFlags {
  active?: boolean;
  inactive?: boolean;
}

/** One credential asked of a ConnectAuth callback (virConnectCredential). */
export interface ConnectCredential {
  type: CredentialType;
  /** What to show the user, e.g. "Enter username for localhost". */
  prompt: string;
  /** The host or realm the credential is for. */
  challenge: string;
  /** The answer to use when the user gives none. */
  defaultResult: string | undefined;
  /** Set by the callback: the answer. */
  result?: string;
}

/** virConnectAuth: the credential types a callback can answer, and the callback itself. */
export interface ConnectAuth {
  credentialTypes: readonly CredentialType[];
  /** Sets each credential's `result`; throwing (or rejecting) says it could not. */
  callback(credentials: ConnectCredential[]): void | Promise<void>;
}

/**
 * Options of open(). Driver-specific options (socket and device paths of the Xen drivers, see the
 * Xen drivers' options type) travel in the same object: each driver factory reads its own fields.
 */
export interface OpenOptions {
  readOnly?: boolean;
  /** virConnectOpenAuth's auth: how a driver that needs credentials (a test node file with `<auth>`) asks for them. */
  auth?: ConnectAuth;
  [driverOption: string]: unknown;
}

/** One domain lifecycle event (virConnectDomainEventCallback): what happened to which domain, and when it was received. */
export interface DomainEvent {
  domain: Domain;
  /** virDomainEventType (DomainEventType in the constants). */
  event: DomainEventType;
  /** The event's detail: DomainEventStartedDetail, DomainEventStoppedDetail... by `event`. */
  detail: number;
  /** When this process received it. */
  timestamp: Date;
}

/** Options of Connection.domainEvents. */
export interface DomainEventsOptions {
  /** Only this domain's events (matched by UUID). */
  domain?: Domain;
  /** Only these event types; all by default. */
  events?: readonly DomainEventType[];
  /** Aborting ends the iteration with the signal's reason. */
  signal?: AbortSignal;
  /** How many unread events may wait before the subscription ends with OVERFLOW (default 1,000). */
  queueLimit?: number;
}

/** virDomainMemoryStatStruct: one virDomainMemoryStats record, a DomainMemoryStatTags tag and its value (KiB for sizes). */
export interface DomainMemoryStat {
  tag: number;
  val: bigint;
}

/** virDomainBlockInfo (virDomainGetBlockInfo), bytes. */
export interface DomainBlockInfo {
  capacity: bigint;
  allocation: bigint;
  physical: bigint;
}

/**
 * virTypedParameter: a named value of one of libvirt's types. INT, UINT and DOUBLE are numbers,
 * LLONG and ULLONG bigints, BOOLEAN a boolean, STRING a string.
 */
export type TypedParameter =
  | { field: string; type: typeof TypedParameterType.INT | typeof TypedParameterType.UINT | typeof TypedParameterType.DOUBLE; value: number }
  | { field: string; type: typeof TypedParameterType.LLONG | typeof TypedParameterType.ULLONG; value: bigint }
  | { field: string; type: typeof TypedParameterType.BOOLEAN; value: boolean }
  | { field: string; type: typeof TypedParameterType.STRING; value: string };

/** virDomainStatsRecord: one domain's statistics (virConnectGetAllDomainStats, virDomainListGetStats). */
export interface DomainStatsRecord {
  domain: Domain;
  params: TypedParameter[];
}

/** virVcpuInfo: one vcpu of a running domain (virDomainGetVcpus). cpuTime in nanoseconds. */
export interface VcpuInfo {
  number: number;
  state: VcpuState;
  cpuTime: bigint;
  /** The host CPU it runs on (-1 when unknown). */
  cpu: number;
}

/** virDomainGetVcpus: each vcpu's info, and beside it its CPU map (`maplen` bytes, bit n = host CPU n). */
export interface DomainVcpus {
  info: VcpuInfo[];
  cpumaps: Uint8Array[];
}

/** virDomainControlInfo: the state of the control interface to a domain. */
export interface DomainControlInfo {
  state: DomainControlState;
  /** For state ERROR: a DomainControlErrorReason. */
  details: number;
  /** Milliseconds in this state (0 for OK). */
  stateTime: bigint;
}

/** virNodeGetCPUMap: the host's CPUs and which of them are online. */
export interface NodeCPUMap {
  /** How many CPUs the host has (the size of `cpumap` in bits). */
  cpus: number;
  /** Bit n set: CPU n is online. */
  cpumap: Uint8Array;
  /** How many are online. */
  online: number;
}

/** virDomainGetSchedulerType: the scheduler's name and how many parameters it has. */
export interface SchedulerType {
  type: string;
  nparams: number;
}

/** virDomainIOThreadInfo: one IOThread's id and the host CPUs it may run on. */
export interface IOThreadInfo {
  iothreadId: number;
  cpumap: Uint8Array;
}

/** What virDomainQemuMonitorCommandWithFiles answers: the monitor's reply and the descriptors QEMU passed back. */
export interface QemuMonitorReply {
  result: string;
  fds: number[];
}
