import type { DomainSnapshotConfig } from '@libvirt-ts/xml-format';
import { DomainSnapshotListFlags } from '../../constants.js';

/** A snapshot as the test driver keeps it: a complete definition (name, state, creation time, disks, domain). */
export type TestSnapshot = DomainSnapshotConfig & { name: string };

const { ROOTS, LEAVES, NO_LEAVES, METADATA, NO_METADATA, INACTIVE, ACTIVE, DISK_ONLY, INTERNAL, EXTERNAL, TOPOLOGICAL } = DomainSnapshotListFlags;
const STATUS_FILTERS = INACTIVE | ACTIVE | DISK_ONLY;
const LOCATION_FILTERS = INTERNAL | EXTERNAL;

/**
 * The snapshots of one test domain (libvirt's virDomainSnapshotObjList): a forest linked by parent
 * names, and the current snapshot. A snapshot whose parent is missing is a root, as libvirt links it
 * under its meta-root.
 */
export class SnapshotTree {
  readonly #byName = new Map<string, TestSnapshot>();
  current: string | undefined;

  get size(): number {
    return this.#byName.size;
  }

  get(name: string): TestSnapshot | undefined {
    return this.#byName.get(name);
  }

  /** Adds a snapshot, or replaces the one of the same name where it stands. */
  set(snapshot: TestSnapshot): void {
    this.#byName.set(snapshot.name, snapshot);
  }

  remove(name: string): void {
    this.#byName.delete(name);
    if (this.current === name) this.current = undefined;
  }

  /**
   * The direct children of `name` (undefined: the roots), newest first, as libvirt links a new
   * child in front of its siblings.
   */
  children(name: string | undefined): TestSnapshot[] {
    const found: TestSnapshot[] = [];
    for (const snapshot of this.#byName.values()) {
      const parent = snapshot.parent !== undefined && this.#byName.has(snapshot.parent) ? snapshot.parent : undefined;
      if (parent === name) found.unshift(snapshot);
    }
    return found;
  }

  /** Every snapshot below `name` (undefined: all of them), parents before children. */
  descendants(name: string | undefined): TestSnapshot[] {
    const out: TestSnapshot[] = [];
    const walk = (at: string | undefined): void => {
      for (const child of this.children(at)) {
        out.push(child);
        walk(child.name);
      }
    };
    walk(name);
    return out;
  }

  /**
   * virDomainSnapshotObjListGetNames: the snapshots of the domain (`from` undefined; flag 1 is ROOTS)
   * or below `from` (flag 1 is DESCENDANTS), through the leaf, metadata, status and location filters.
   */
  list(from: string | undefined, flags: number): TestSnapshot[] {
    if ((flags & NO_METADATA) !== 0 && (flags & METADATA) === 0) return [];
    const wide = (flags & ROOTS) !== 0 ? from !== undefined : from === undefined;
    let found = wide ? this.descendants(from) : this.children(from);
    if ((flags & TOPOLOGICAL) === 0) found = this.#inOrder(found);
    // Both leaf filters together keep nothing, as libvirt applies each.
    if ((flags & LEAVES) !== 0) found = found.filter((s) => this.children(s.name).length === 0);
    if ((flags & NO_LEAVES) !== 0) found = found.filter((s) => this.children(s.name).length > 0);
    if ((flags & STATUS_FILTERS) !== 0) found = found.filter((s) => (flags & statusFilter(s)) !== 0);
    if ((flags & LOCATION_FILTERS) !== 0) found = found.filter((s) => (flags & (isExternal(s) ? EXTERNAL : INTERNAL)) !== 0);
    return found;
  }

  /** Insertion order, libvirt's hash order standing in for none in particular. */
  #inOrder(found: TestSnapshot[]): TestSnapshot[] {
    const wanted = new Set(found);
    return [...this.#byName.values()].filter((s) => wanted.has(s));
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
