/**
 * `@libvirt-ts/virt`: libvirt's API. Connections come from open()/openReadOnly(); Domain handles
 * from a connection's lookups, listings, createXML and defineXML. Driver authors use
 * `@libvirt-ts/virt/driver`; the enums and flags alone are in `@libvirt-ts/virt/constants`.
 */

export { Connection } from './connection.js';
export * from './constants.js';
export { Domain } from './domain.js';
export { DomainCheckpoint } from './domain-checkpoint.js';
export { DomainSnapshot } from './domain-snapshot.js';
export { xenHostAvailable } from './drivers/xen/xen-host-available.js';
export type { XenOpenOptions } from './drivers/xen/xen-options.js';
export type { ErrorCodeName } from './errors/error-codes.js';
export type { ErrorDomainName } from './errors/error-domains.js';
export { defaultErrorFunc, type ErrorFunc, getLastError, resetLastError, setErrorFunc } from './errors/error-reporting.js';
export { VirtError } from './errors/virt-error.js';
export { getVersion, initialize } from './get-version.js';
export { open, openAuth, openReadOnly } from './open.js';
export { StoragePool } from './storage-pool.js';
export type {
  ConnectAuth,
  ConnectCredential,
  DomainBlockInfo,
  DomainControlInfo,
  DomainEvent,
  DomainEventsOptions,
  DomainInfo,
  DomainMemoryStat,
  DomainStateWithReason,
  DomainStatsRecord,
  DomainVcpus,
  IOThreadInfo,
  NodeCPUMap,
  NodeInfo,
  OpenOptions,
  QemuMonitorReply,
  SchedulerType,
  SecurityLabel,
  SecurityModel,
  TypedParameter,
  VcpuInfo,
} from './types.js';
