/**
 * `@libvirt-ts/virt/driver`: what a driver author needs, and nothing a user of the API does. A driver
 * is a table of entry points (Driver) opened per connection by a registered factory (DriverFactory);
 * CALL_RULES says how each entry point is spread over a connection's drivers. See the README's
 * "Adding a driver".
 */

export { formatUuid, parseUuid } from '@libvirt-ts/xml-format';
export { CALL_RULES, type CallRule, type DispatchPolicy, noSupport } from './dispatch.js';
export type {
  DomainEventSink,
  DomainRef,
  Driver,
  DriverDomainEvent,
  DriverFactory,
  DriverMethod,
  DriverMethodArgs,
  DriverMethodResult,
  DriverOpenRequest,
  StoragePoolRef,
} from './driver.js';
export { BUILTIN_DRIVER_PRIORITY, registerDriver, registeredDrivers, unregisterDriver } from './driver-registry.js';
export { ERROR_CODE_TABLE, type ErrorCodeName, errorCodeName, errorMessage } from './errors/error-codes.js';
export { type ErrorDomainName, errorDomainName } from './errors/error-domains.js';
export { toVirtError } from './errors/to-virt-error.js';
export { VirtError, type VirtErrorInit } from './errors/virt-error.js';
export type {
  DomainControlInfo,
  DomainInfo,
  DomainStateWithReason,
  DomainVcpus,
  IOThreadInfo,
  ListAllDomainsFlags,
  NodeCPUMap,
  NodeInfo,
  OpenOptions,
  SchedulerType,
  SecurityLabel,
  SecurityModel,
  TypedParameter,
  VcpuInfo,
} from './types.js';
export { isXenName, type ParsedUri, parseUri } from './uri.js';
