export { type ConnectOptions, type TransactionOptions, XenstoreClient } from './client.js';
export { XenstoreError, type XenstoreErrorCode, type XenstoreErrorInit } from './errors.js';
export { XenstoreOperations } from './operations.js';
export * from './protocol/index.js';
export { readTree, type TreeEntry } from './read-tree.js';
export { XenstoreTransaction } from './transaction.js';
export { candidatePaths, type LocateOptions, openTransport } from './transport/locate.js';
export type { XenstoreTransport } from './transport/transport.js';
export { type WatchEvent, type WatchOptions, XenstoreWatch } from './watch.js';
