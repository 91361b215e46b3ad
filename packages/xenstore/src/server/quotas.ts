import { XenstoreError } from '../errors.js';
import { HEADER_SIZE, PAYLOAD_MAX } from '../protocol/header.js';

/** Limits per connection or domain; C xenstored's defaults. */
export interface Quotas {
  /** Nodes a non-dom0 domain may own (ENOSPC beyond, checked again when a transaction commits). */
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

const MAX_FRAME = HEADER_SIZE + PAYLOAD_MAX;

/**
 * The values each quota may take. A zero would wedge or refuse everything (C xenstored refuses
 * values below 1 too); the upper ends keep what one client can make the daemon hold (replies,
 * events, watches, transactions) to tens of megabytes.
 */
export const QUOTA_RANGES: Readonly<Record<keyof Quotas, readonly [min: number, max: number]>> = {
  nodesPerDomain: [1, 1_000_000],
  valueBytes: [1, PAYLOAD_MAX],
  watchesPerConnection: [1, 10_000],
  transactionsPerConnection: [1, 1000],
  outstandingRequests: [1, 1000],
  pendingOutputBytes: [MAX_FRAME, 64 * 1024 * 1024],
};

/** Throws EINVAL unless `value` is an integer in the quota's range. */
export function checkQuota(name: keyof Quotas, value: number): void {
  const [min, max] = QUOTA_RANGES[name];
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new XenstoreError({ code: 'EINVAL', message: `quota ${name} must be an integer from ${min} to ${max}, not ${value}` });
  }
}

/** The defaults with `overrides` applied, each checked against its range. */
export function quotasWith(overrides: Partial<Quotas> = {}): Quotas {
  const quotas = { ...DEFAULT_QUOTAS, ...overrides };
  for (const name of QUOTA_NAMES) checkQuota(name, quotas[name]);
  return quotas;
}

/**
 * Once all connections together hold more than this many `pendingOutputBytes` of unsent output,
 * a connection that holds more than 1/SLOW_READER_SHARE of its own limit (a slow reader) is
 * dropped at its next watch event; clients that keep up are spared.
 */
export const SLOW_READER_SHARE = 16;

export function serverOutputBudget(pendingOutputBytes: number): number {
  return SLOW_READER_SHARE * pendingOutputBytes;
}
