/** virDomainState: the state byte of virDomainInfo. Numbers are libvirt's. */
export const DomainState = {
  NOSTATE: 0,
  RUNNING: 1,
  BLOCKED: 2,
  PAUSED: 3,
  SHUTDOWN: 4,
  SHUTOFF: 5,
  CRASHED: 6,
  PMSUSPENDED: 7,
} as const;
export type DomainState = (typeof DomainState)[keyof typeof DomainState];

/** virDomainRunningReason. */
export const RunningReason = {
  UNKNOWN: 0,
  BOOTED: 1,
  MIGRATED: 2,
  RESTORED: 3,
  FROM_SNAPSHOT: 4,
  UNPAUSED: 5,
  MIGRATION_CANCELED: 6,
  SAVE_CANCELED: 7,
  WAKEUP: 8,
  CRASHED: 9,
} as const;

/** virDomainPausedReason. */
export const PausedReason = { UNKNOWN: 0, USER: 1, MIGRATION: 2, SAVE: 3, DUMP: 4, IOERROR: 5, WATCHDOG: 6 } as const;

/** virDomainShutdownReason. */
export const ShutdownReason = { UNKNOWN: 0, USER: 1 } as const;

/** virDomainShutoffReason. */
export const ShutoffReason = {
  UNKNOWN: 0,
  SHUTDOWN: 1,
  DESTROYED: 2,
  CRASHED: 3,
  MIGRATED: 4,
  SAVED: 5,
  FAILED: 6,
  FROM_SNAPSHOT: 7,
  DAEMON: 8,
} as const;

/** virDomainCrashedReason. */
export const CrashedReason = { UNKNOWN: 0, PANICKED: 1 } as const;

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

/** virNodeGetSecurityModel. */
export interface SecurityModel {
  model: string;
  doi: string;
}

/** virDomainGetSecurityLabel. `label` is empty for a domain without one (e.g. inactive). */
export interface SecurityLabel {
  label: string;
  enforcing: boolean;
}

/**
 * virDomainModificationImpact and the flags of the *Flags setters: CURRENT (0) changes the running
 * domain if active, else its persistent definition; LIVE and CONFIG choose explicitly.
 * MEM_MAXIMUM (setMemoryFlags) and VCPU_MAXIMUM (setVcpusFlags) change the maximum instead.
 */
export const ModificationFlags = { CURRENT: 0, LIVE: 1, CONFIG: 2, MEM_MAXIMUM: 4, VCPU_MAXIMUM: 4 } as const;

/** Filters of virConnectListAllDomains; neither set means both. */
export interface ListAllDomainsFlags {
  active?: boolean;
  inactive?: boolean;
}

/**
 * Options of open(). Driver-specific options (socket and device paths of the Xen drivers, see the
 * Xen drivers' options type) travel in the same object: each driver factory reads its own fields.
 */
export interface OpenOptions {
  readOnly?: boolean;
  [driverOption: string]: unknown;
}
