import type { DomainConfig } from '../model/domain.js';

/** virDomainSnapshotState's names: a domain state, or `disk-snapshot`. */
export const SNAPSHOT_STATES = ['nostate', 'running', 'blocked', 'paused', 'shutdown', 'shutoff', 'crashed', 'pmsuspended', 'disk-snapshot'] as const;
export type SnapshotState = (typeof SNAPSHOT_STATES)[number];

/** virDomainSnapshotLocation's names (where memory or a disk is saved). */
export const SNAPSHOT_LOCATIONS = ['no', 'internal', 'external', 'manual'] as const;
export type SnapshotLocation = (typeof SNAPSHOT_LOCATIONS)[number];

/** One `<disks><disk>` of a snapshot. */
export interface SnapshotDisk {
  /** The disk's target (`vda`) or source path. */
  name: string;
  snapshot?: SnapshotLocation;
  /** `type=` of an external disk's storage (`file`, `block`, `network`...). */
  type?: string;
  /** `<driver type>`: the image format of an external disk (`qcow2`). */
  driverType?: string;
  /** `<source file>` of an external disk. */
  sourceFile?: string;
}

/**
 * A `<domainsnapshot>` document (libvirt's domainsnapshot XML). Every field is as the document has
 * it: what a hypervisor fills in (name, creation time, state, disks) is the caller's to decide.
 */
export interface DomainSnapshotConfig {
  name?: string;
  description?: string;
  state?: SnapshotState;
  /** The parent snapshot's name. */
  parent?: string;
  /** Seconds since the epoch. */
  creationTime?: number;
  memory?: { snapshot?: SnapshotLocation; file?: string };
  /** Undefined when the document has no `<disks>`. */
  disks?: SnapshotDisk[];
  /** The domain's definition at the time of the snapshot. */
  domain?: DomainConfig;
  /** `<domain><uuid>` alone, as snapshots of old libvirt have it (no `domain`). */
  domainUuid?: string;
  /** `<active>`: libvirt's own metadata files say whether this was the current snapshot. */
  active?: boolean;
}
