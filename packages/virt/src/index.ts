/**
 * `@libvirt-ts/virt`: libvirt's API. Connections come from open()/openReadOnly(); Domain handles
 * from a connection's lookups, listings, createXML and defineXML. Driver authors use
 * `@libvirt-ts/virt/driver`; the enums and flags alone are in `@libvirt-ts/virt/constants`.
 */
export { open, openAuth, openReadOnly } from './open.js';
export { getVersion, initialize } from './get-version.js';
export { Connection } from './connection.js';
export { Domain } from './domain.js';
export { DomainSnapshot } from './domain-snapshot.js';
export { VirtError } from './errors/virt-error.js';
export { setErrorFunc, getLastError, resetLastError, defaultErrorFunc, type ErrorFunc } from './errors/error-reporting.js';
export { xenHostAvailable } from './drivers/xen/xen-host-available.js';
export * from './constants.js';
export type { ErrorCodeName } from './errors/error-codes.js';
export type { ErrorDomainName } from './errors/error-domains.js';
export type {
  DomainBlockInfo,
  DomainEvent,
  DomainEventsOptions,
  DomainInfo,
  DomainMemoryStat,
  DomainStateWithReason,
  DomainStatsRecord,
  NodeInfo,
  ConnectAuth,
  ConnectCredential,
  OpenOptions,
  SecurityLabel,
  SecurityModel,
  TypedParameter,
  DomainControlInfo,
  DomainVcpus,
  IOThreadInfo,
  NodeCPUMap,
  SchedulerType,
  VcpuInfo,
} from './types.js';
export type { XenOpenOptions } from './drivers/xen/xen-options.js';
