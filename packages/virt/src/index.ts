export { open, openReadOnly } from './open.js';
export { Connection } from './connection.js';
export { Domain } from './domain.js';
export type { Driver, DomainRef } from './driver.js';
export { VirtError, ErrorCode, ErrorDomain, ErrorLevel } from './errors/virt-error.js';
export type { ErrorCodeName, ErrorDomainName, VirtErrorInit } from './errors/virt-error.js';
export { DomainState } from './types.js';
export type { DomainInfo, DomainStateWithReason, NodeInfo, OpenOptions } from './types.js';
export { formatUuid, parseUuid } from './uuid.js';
