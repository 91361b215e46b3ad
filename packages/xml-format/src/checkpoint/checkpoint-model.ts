import type { DomainConfig } from '../model/domain.js';

/** virDomainCheckpointType's names: what a checkpoint keeps of one disk (`default` is written only when given). */
export const CHECKPOINT_TYPES = ['default', 'no', 'bitmap'] as const;
export type CheckpointType = (typeof CHECKPOINT_TYPES)[number];

/** One `<disks><disk>` of a checkpoint. */
export interface CheckpointDisk {
  /** The disk's target (`vda`) or source path. */
  name: string;
  /** `checkpoint=`; libvirt reads an absent one as `bitmap`. */
  checkpoint: CheckpointType;
  /** `bitmap=`: the dirty bitmap's name. */
  bitmap?: string;
}

/**
 * A `<domaincheckpoint>` document (libvirt's domaincheckpoint XML). Every field is as the document
 * has it: what a hypervisor fills in (name, creation time, disks, domain) is the caller's to decide.
 */
export interface DomainCheckpointConfig {
  name?: string;
  description?: string;
  /** The parent checkpoint's name. */
  parent?: string;
  /** Seconds since the epoch. */
  creationTime?: number;
  /** Undefined when the document has no `<disks>`. */
  disks?: CheckpointDisk[];
  /** The domain's definition at the time of the checkpoint. */
  domain?: DomainConfig;
}
