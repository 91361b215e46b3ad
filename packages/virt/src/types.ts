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

export interface OpenOptions {
  readOnly?: boolean;
}
