export { open, openReadOnly, DEFAULT_URI } from './open.js';
export { getVersion, initialize } from './get-version.js';
export { Connection, LIB_VERSION } from './connection.js';
export { Domain } from './domain.js';
export type { Driver, DriverFactory, DriverMethod, DriverOpenRequest, DomainRef } from './driver.js';
export { registerDriver, unregisterDriver, registeredDrivers, BUILTIN_DRIVER_PRIORITY } from './driver-registry.js';
export { CALL_RULES, type DispatchPolicy } from './dispatch.js';
export { parseUri, isXenName, type ParsedUri } from './uri.js';
export { VirtError, type VirtErrorInit } from './errors/virt-error.js';
export { ERROR_CODE_TABLE, errorCodeName, errorMessage, type ErrorCodeName } from './errors/error-codes.js';
export { errorDomainName, type ErrorDomainName } from './errors/error-domains.js';
export {
  setErrorHandler,
  getLastError,
  resetLastError,
  defaultErrorHandler,
  formatDefaultError,
  reportError,
  type ErrorHandler,
} from './errors/error-reporting.js';
export { toVirtError } from './errors/to-virt-error.js';
export * from './constants.js';
export type {
  DomainInfo,
  DomainStateWithReason,
  ListAllDomainsFlags,
  NodeInfo,
  OpenOptions,
  SecurityLabel,
  SecurityModel,
} from './types.js';
export { formatUuid, parseUuid } from './uuid.js';
export { xenHostAvailable } from './drivers/xen/xen-host-available.js';
export type { XenOpenOptions } from './drivers/xen/xen-options.js';
