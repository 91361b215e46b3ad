/** Limits per connection or domain; C xenstored's defaults. */
export interface Quotas {
  /** Nodes a non-dom0 domain may own (ENOSPC beyond). */
  nodesPerDomain: number;
  /** Bytes in one node's value from a non-dom0 domain (ENOSPC beyond). */
  valueBytes: number;
  /** Watches per connection (E2BIG beyond). */
  watchesPerConnection: number;
  /** Open transactions per connection (ENOSPC beyond). */
  transactionsPerConnection: number;
  /** Replies not yet taken by the client before the server stops reading its requests. */
  outstandingRequests: number;
  /** Bytes of unread replies and events after which the connection is dropped. */
  pendingOutputBytes: number;
}

export const DEFAULT_QUOTAS: Quotas = {
  nodesPerDomain: 1000,
  valueBytes: 2048,
  watchesPerConnection: 128,
  transactionsPerConnection: 10,
  outstandingRequests: 20,
  pendingOutputBytes: 4 * 1024 * 1024,
};

export const QUOTA_NAMES = Object.keys(DEFAULT_QUOTAS) as (keyof Quotas)[];
