import type { SourceText } from './source-text.js';

// The parser's output before any node exists: one record per node in post-order (children
// before their list), four int32s each. Nodes are made from it only when somebody visits them
// (src/parsed-nodes.ts), so parsing allocates next to nothing per node: building ~150,000
// objects that live until the parse ends is what made the garbage collector the main cost.

const STRIDE = 4;
const START = 0;
const END = 1;
/** Records in the node's subtree, itself included: 1 for an atom or an empty list. */
const SIZE = 2;
/** LIST, BARE (value = the source text), or the index of a quoted atom's decoded value. */
const KIND = 3;
const LIST = -2;
const BARE = -1;

export class ParseTape {
  // Plain (TypeScript-private) fields: #private ones measured slower in this hot path (Node 20).
  private records: Int32Array;
  private count = 0;
  /** Decoded values of quoted atoms (escapes make them differ from the source text). */
  readonly #quoted: string[] = [];

  constructor(readonly source: SourceText) {
    // xend's answers hold a node per dozen characters or so; start near that to grow once or never.
    this.records = new Int32Array(STRIDE * Math.max(1024, source.text.length >> 3));
  }

  #append(start: number, end: number, size: number, kind: number): number {
    if ((this.count + 1) * STRIDE > this.records.length) {
      const grown = new Int32Array(this.records.length * 2);
      grown.set(this.records);
      this.records = grown;
    }
    const records = this.records;
    const base = this.count * STRIDE;
    records[base + START] = start;
    records[base + END] = end;
    records[base + SIZE] = size;
    records[base + KIND] = kind;
    return this.count++;
  }

  /** Records an atom; `value` is undefined for a bare atom (its text is its value). */
  atom(value: string | undefined, start: number, end: number): number {
    if (value === undefined) return this.#append(start, end, 1, BARE);
    this.#quoted.push(value);
    return this.#append(start, end, 1, this.#quoted.length - 1);
  }

  /** Records a list whose children were recorded just before (their record numbers in `items`). */
  list(items: readonly number[], start: number, end: number): number {
    const first = items[0];
    const size = first === undefined ? 1 : this.count - (first - this.size(first) + 1) + 1;
    return this.#append(start, end, size, LIST);
  }

  isList(record: number): boolean {
    return this.records[record * STRIDE + KIND] === LIST;
  }

  start(record: number): number {
    return this.records[record * STRIDE + START]!;
  }

  end(record: number): number {
    return this.records[record * STRIDE + END]!;
  }

  size(record: number): number {
    return this.records[record * STRIDE + SIZE]!;
  }

  /** An atom's value. */
  value(record: number): string {
    const kind = this.records[record * STRIDE + KIND]!;
    return kind === BARE ? this.source.text.slice(this.start(record), this.end(record)) : this.#quoted[kind]!;
  }

  /** Whether a record is an atom whose value is `text`; compares in place, making no string. */
  atomIs(record: number, text: string): boolean {
    const kind = this.records[record * STRIDE + KIND]!;
    if (kind === LIST) return false;
    if (kind !== BARE) return this.#quoted[kind] === text;
    const start = this.start(record);
    return this.end(record) - start === text.length && this.source.text.startsWith(text, start);
  }

  /** A list's first child, or -1 if it is empty: the walk goes back one sibling subtree at a time. */
  firstChild(record: number): number {
    const firstInSubtree = record - this.size(record) + 1;
    if (firstInSubtree === record) return -1;
    let child = record - 1;
    for (let start = child - this.size(child) + 1; start > firstInSubtree; start = child - this.size(child) + 1) {
      child = start - 1;
    }
    return child;
  }

  /** How many children a list has. */
  childCount(record: number): number {
    const firstInSubtree = record - this.size(record) + 1;
    let count = 0;
    for (let child = record - 1; child >= firstInSubtree; child -= this.size(child)) count++;
    return count;
  }

  /**
   * A list's children in order, each made by `make`: the walk goes back from the list one
   * subtree at a time, filling an array of the right length from its end.
   */
  mapChildren<T>(record: number, make: (child: number) => T): T[] {
    const children = new Array<T>(this.childCount(record));
    let slot = children.length;
    for (let child = record - 1; slot > 0; child -= this.size(child)) children[--slot] = make(child);
    return children;
  }
}
