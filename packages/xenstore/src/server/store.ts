import { XenstoreError } from '../errors.js';
import type { Permission } from '../protocol/permissions.js';
import { ChildList } from './child-list.js';

/** One node. Records are never mutated: a change puts a new record. */
export interface NodeRecord {
  readonly value: Uint8Array;
  readonly perms: readonly Permission[];
  /** Child names in creation order, as C xenstored lists them. */
  readonly children: ChildList;
  /** Bumped by every committed change to the node; DIRECTORY_PART's generation count. */
  readonly generation: number;
}

/** What node operations read and write: the live tree, or a transaction's view of it. */
export interface NodeView {
  get(path: string): NodeRecord | undefined;
  put(path: string, record: Omit<NodeRecord, 'generation'>): void;
  remove(path: string): void;
  /** How many nodes `domid` owns (for the per-domain node quota). */
  ownedBy(domid: number): number;
}

/** The live tree: a flat map from absolute path to node. */
export class NodeStore implements NodeView {
  private readonly nodes = new Map<string, NodeRecord>();
  private readonly owned = new Map<number, number>();
  private generationCounter = 0;

  constructor() {
    this.put('/', { value: new Uint8Array(0), perms: [{ access: 'n', domid: 0 }], children: ChildList.empty() });
  }

  get size(): number {
    return this.nodes.size;
  }

  get(path: string): NodeRecord | undefined {
    return this.nodes.get(path);
  }

  /** The generation the path has now; -1 when it does not exist. */
  generationOf(path: string): number {
    return this.nodes.get(path)?.generation ?? -1;
  }

  put(path: string, record: Omit<NodeRecord, 'generation'>): void {
    this.countOwner(this.nodes.get(path), -1);
    const stored = { ...record, generation: ++this.generationCounter };
    this.nodes.set(path, stored);
    this.countOwner(stored, +1);
  }

  remove(path: string): void {
    this.countOwner(this.nodes.get(path), -1);
    this.nodes.delete(path);
  }

  ownedBy(domid: number): number {
    return this.owned.get(domid) ?? 0;
  }

  /** Every path with its value, depth-first in child order (for tests and dumps). */
  *entries(path = '/'): Generator<[string, NodeRecord]> {
    const node = this.nodes.get(path);
    if (!node) return;
    yield [path, node];
    for (const child of node.children) yield* this.entries(path === '/' ? `/${child}` : `${path}/${child}`);
  }

  private countOwner(record: NodeRecord | undefined, delta: number): void {
    const owner = record?.perms[0]?.domid;
    if (owner !== undefined) this.owned.set(owner, (this.owned.get(owner) ?? 0) + delta);
  }
}

/**
 * A transaction's view: changes go to an overlay, and the generation of every path it touches is
 * remembered at first touch. `commit()` fails with EAGAIN if any of them changed meanwhile (C
 * xenstored's rule since Xen 4.9: only conflicting changes fail a transaction).
 */
export class TransactionView implements NodeView {
  private readonly overlay = new Map<string, NodeRecord | null>();
  private readonly observed = new Map<string, number>();
  private readonly ownedDelta = new Map<number, number>();

  constructor(private readonly store: NodeStore) {}

  get(path: string): NodeRecord | undefined {
    const changed = this.overlay.get(path);
    if (changed !== undefined) return changed ?? undefined;
    this.observe(path);
    return this.store.get(path);
  }

  put(path: string, record: Omit<NodeRecord, 'generation'>): void {
    this.countOwner(this.get(path), -1);
    const stored = { ...record, generation: 0 };
    this.overlay.set(path, stored);
    this.countOwner(stored, +1);
  }

  remove(path: string): void {
    this.countOwner(this.get(path), -1);
    this.overlay.set(path, null);
  }

  ownedBy(domid: number): number {
    return this.store.ownedBy(domid) + (this.ownedDelta.get(domid) ?? 0);
  }

  /** The domains that would own more nodes after this transaction, with how many more. */
  ownersGrowing(): [domid: number, added: number][] {
    return [...this.ownedDelta].filter(([, added]) => added > 0);
  }

  /** Applies the overlay to the store, or throws EAGAIN when a touched node changed. */
  commit(): void {
    for (const [path, generation] of this.observed) {
      if (this.store.generationOf(path) !== generation) {
        throw new XenstoreError({ code: 'EAGAIN', message: 'a node the transaction used changed meanwhile', path });
      }
    }
    for (const [path, record] of this.overlay) {
      if (record === null) this.store.remove(path);
      else this.store.put(path, record);
    }
  }

  private observe(path: string): void {
    if (!this.observed.has(path)) this.observed.set(path, this.store.generationOf(path));
  }

  private countOwner(record: NodeRecord | undefined, delta: number): void {
    const owner = record?.perms[0]?.domid;
    if (owner !== undefined) this.ownedDelta.set(owner, (this.ownedDelta.get(owner) ?? 0) + delta);
  }
}
