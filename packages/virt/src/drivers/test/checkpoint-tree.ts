import type { DomainCheckpointConfig } from '@libvirt-ts/xml-format';
import { DomainCheckpointListFlags } from '../../constants.js';
import { MomentTree } from './moment-tree.js';

/** A checkpoint as the test driver keeps it: a complete definition (name, creation time, disks, domain). */
export type TestCheckpoint = DomainCheckpointConfig & { name: string };

const { ROOTS, TOPOLOGICAL, LEAVES, NO_LEAVES } = DomainCheckpointListFlags;
const MOMENT_BITS = { rootsOrDescendants: ROOTS, topological: TOPOLOGICAL, leaves: LEAVES, noLeaves: NO_LEAVES };

/** The checkpoints of one test domain (libvirt's virDomainCheckpointObjList). */
export class CheckpointTree extends MomentTree<TestCheckpoint> {
  /** virDomainCheckpointObjListGetNames: the domain's checkpoints (bit 1: the roots) or those below `from` (bit 1: all of them). */
  list(from: string | undefined, flags: number): TestCheckpoint[] {
    return this.listBy(from, flags, MOMENT_BITS);
  }
}
