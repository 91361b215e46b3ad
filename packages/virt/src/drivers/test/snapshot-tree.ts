import type { DomainSnapshotConfig } from '@libvirt-ts/xml-format';
import { DomainSnapshotListFlags } from '../../constants.js';
import { MomentTree } from './moment-tree.js';

/** A snapshot as the test driver keeps it: a complete definition (name, state, creation time, disks, domain). */
export type TestSnapshot = DomainSnapshotConfig & { name: string };

const { ROOTS, LEAVES, NO_LEAVES, METADATA, NO_METADATA, INACTIVE, ACTIVE, DISK_ONLY, INTERNAL, EXTERNAL, TOPOLOGICAL } = DomainSnapshotListFlags;
const STATUS_FILTERS = INACTIVE | ACTIVE | DISK_ONLY;
const LOCATION_FILTERS = INTERNAL | EXTERNAL;
const MOMENT_BITS = { rootsOrDescendants: ROOTS, topological: TOPOLOGICAL, leaves: LEAVES, noLeaves: NO_LEAVES };

/** The snapshots of one test domain (libvirt's virDomainSnapshotObjList). */
export class SnapshotTree extends MomentTree<TestSnapshot> {
  /**
   * virDomainSnapshotObjListGetNames: the snapshots of the domain (`from` undefined; flag 1 is ROOTS)
   * or below `from` (flag 1 is DESCENDANTS), through the leaf, metadata, status and location filters.
   */
  list(from: string | undefined, flags: number): TestSnapshot[] {
    if ((flags & NO_METADATA) !== 0 && (flags & METADATA) === 0) return [];
    let found = this.listBy(from, flags, MOMENT_BITS);
    if ((flags & STATUS_FILTERS) !== 0) found = found.filter((s) => (flags & statusFilter(s)) !== 0);
    if ((flags & LOCATION_FILTERS) !== 0) found = found.filter((s) => (flags & (isExternal(s) ? EXTERNAL : INTERNAL)) !== 0);
    return found;
  }
}

function statusFilter(snapshot: TestSnapshot): number {
  if (snapshot.state === 'shutoff') return INACTIVE;
  if (snapshot.state === 'disk-snapshot') return DISK_ONLY;
  return ACTIVE;
}

/** virDomainSnapshotDefIsExternal: external memory or any external disk. */
export function isExternal(snapshot: DomainSnapshotConfig): boolean {
  return snapshot.memory?.snapshot === 'external' || (snapshot.disks ?? []).some((d) => d.snapshot === 'external');
}
