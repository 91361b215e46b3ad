/** What a snapshot and a checkpoint share (libvirt's virDomainMomentDef): a name and a parent's name. */
export interface Moment {
  name: string;
  parent?: string;
}

/** The list flags every moment list understands, as the bits of its own flag set (virDomainMomentObjListGetNames). */
export interface MomentListBits {
  /** ROOTS of a domain's list; DESCENDANTS of a moment's children (the same bit). */
  rootsOrDescendants: number;
  topological: number;
  leaves: number;
  noLeaves: number;
}

/**
 * The snapshots or checkpoints of one test domain (libvirt's virDomainMomentObjList): a forest
 * linked by parent names, and the current moment. A moment whose parent is missing is a root, as
 * libvirt links it under its meta-root.
 */
export class MomentTree<T extends Moment> {
  readonly #byName = new Map<string, T>();
  current: string | undefined;

  get size(): number {
    return this.#byName.size;
  }

  get(name: string): T | undefined {
    return this.#byName.get(name);
  }

  /** Adds a moment, or replaces the one of the same name where it stands. */
  set(moment: T): void {
    this.#byName.set(moment.name, moment);
  }

  remove(name: string): void {
    this.#byName.delete(name);
    if (this.current === name) this.current = undefined;
  }

  /**
   * The direct children of `name` (undefined: the roots), newest first, as libvirt links a new
   * child in front of its siblings.
   */
  children(name: string | undefined): T[] {
    const found: T[] = [];
    for (const moment of this.#byName.values()) {
      const parent = moment.parent !== undefined && this.#byName.has(moment.parent) ? moment.parent : undefined;
      if (parent === name) found.unshift(moment);
    }
    return found;
  }

  /** Every moment below `name` (undefined: all of them), parents before children. */
  descendants(name: string | undefined): T[] {
    const out: T[] = [];
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
   * The moments of the domain (`from` undefined; the roots-or-descendants bit asks for the roots) or
   * below `from` (the bit asks for all descendants), through the leaf filters (both keep nothing, as
   * libvirt applies each); insertion order unless topological.
   */
  listBy(from: string | undefined, flags: number, bits: MomentListBits): T[] {
    const wide = (flags & bits.rootsOrDescendants) !== 0 ? from !== undefined : from === undefined;
    let found = wide ? this.descendants(from) : this.children(from);
    if ((flags & bits.topological) === 0) found = this.#inOrder(found);
    if ((flags & bits.leaves) !== 0) found = found.filter((m) => this.children(m.name).length === 0);
    if ((flags & bits.noLeaves) !== 0) found = found.filter((m) => this.children(m.name).length > 0);
    return found;
  }

  /**
   * testDomainSnapshotDelete / testDomainCheckpointDelete: `name` (its children move up to its
   * parent), with its descendants too (`withChildren`), or only those (`childrenOnly`). The current
   * moment moves up to the nearest one left.
   */
  delete(name: string, withChildren: boolean, childrenOnly: boolean): void {
    const moment = this.#byName.get(name);
    if (moment === undefined) return;
    if (withChildren || childrenOnly) {
      let currentGone = false;
      for (const below of this.descendants(name)) {
        currentGone ||= this.current === below.name;
        this.remove(below.name);
      }
      if (currentGone) this.current = name;
    } else {
      for (const child of this.children(name)) {
        if (moment.parent === undefined) delete child.parent;
        else child.parent = moment.parent;
      }
    }
    if (childrenOnly) return;
    const wasCurrent = this.current === name;
    this.remove(name);
    if (wasCurrent) this.current = moment.parent !== undefined && this.#byName.has(moment.parent) ? moment.parent : undefined;
  }

  /** virDomainMomentCheckCycles: a redefined moment's parent must exist, and not be the moment or below it (`invalid` words the error). */
  checkCycles(moment: Moment, invalid: (detail: string) => Error): void {
    if (moment.parent === undefined) return;
    if (moment.parent === moment.name) throw invalid(`cannot set moment ${moment.name} as its own parent`);
    let parent = this.#byName.get(moment.parent);
    if (!parent) throw invalid(`parent ${moment.parent} for moment ${moment.name} not found`);
    while (parent?.parent !== undefined) {
      parent = this.#byName.get(parent.parent);
      if (parent?.name === moment.name) throw invalid(`parent ${moment.parent} would create cycle to ${moment.name}`);
    }
  }

  /** Insertion order, libvirt's hash order standing in for none in particular. */
  #inOrder(found: T[]): T[] {
    const wanted = new Set(found);
    return [...this.#byName.values()].filter((m) => wanted.has(m));
  }
}
