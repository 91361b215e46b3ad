// A xenstored for tests and machines without Xen: `startXenstored({ socketPath, socketRoPath })`.
export type { ConnectionStats } from './connection.js';
export { DEFAULT_QUOTAS, type Quotas } from './quotas.js';
export { startTemporaryXenstored, type TemporaryXenstored, type TemporaryXenstoredOptions } from './temporary-xenstored.js';
export { startXenstored, Xenstored, type XenstoredOptions } from './xenstored.js';
