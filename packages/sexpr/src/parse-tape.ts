import { SourceSpan, type SourceText } from './source-text.js';

// The parser's output before any node exists: one record per node in document order (a list
// before its children), four int32s each. Nodes are made from it only when somebody visits
// them (src/parsed-nodes.ts), or never (src/sexpr-cursor.ts reads it by record number):
// building ~150,000 objects that live until the parse ends is what made the garbage collector
// the main cost of a large xend answer.
//
// Record numbers are the nodes' numbers: a list's first child is the record after it, and
// each record links to its next sibling, so walking a list's children visits only them.

const STRIDE = 4;
const START = 0;
const END = 1;
/** The next sibling's record, or -1 for the last child of its list (or the last expression). */
const NEXT = 2;
/** LIST, BARE (value = the source text), QUOTED (value = the text inside the quotes), or the index of a decoded value. */
const KIND = 3;
const LIST = -3;
const QUOTED = -2;
const BARE = -1;

/** No node: the answer of `firstChild` for an empty list, `nextSibling` for a last child. */
export const NONE = -1;

export class ParseTape {
  // Plain (TypeScript-private) fields: #private ones measured slower in this hot path (Node 20).
  private records: Int32Array;
  private count = 0;
  /** Values of quoted atoms with escapes (so they differ from the source text). */
  private readonly decoded: string[] = [];

  constructor(readonly source: SourceText) {
    // xend's answers hold a node per dozen characters or so; start near that to grow once or never.
    this.records = new Int32Array(STRIDE * Math.max(1024, source.text.length >> 3));
  }

  get length(): number {
    return this.count;
  }

  private append(start: number, end: number, kind: number): number {
    if ((this.count + 1) * STRIDE > this.records.length) {
      const grown = new Int32Array(this.records.length * 2);
      grown.set(this.records);
      this.records = grown;
    }
    const base = this.count * STRIDE;
    const records = this.records;
    records[base + START] = start;
    records[base + END] = end;
    records[base + NEXT] = NONE;
    records[base + KIND] = kind;
    return this.count++;
  }

  /** Records a list opening at `start`; `close` sets its end once its children are recorded. */
  openList(start: number): number {
    return this.append(start, start, LIST);
  }

  close(record: number, end: number): void {
    this.records[record * STRIDE + END] = end;
  }

  /** Records a bare atom: its value is its text. */
  bareAtom(start: number, end: number): number {
    return this.append(start, end, BARE);
  }

  /** Records a quoted atom; `decoded` is its value when escapes make it differ from the text inside the quotes. */
  quotedAtom(start: number, end: number, decoded?: string): number {
    if (decoded === undefined) return this.append(start, end, QUOTED);
    this.decoded.push(decoded);
    return this.append(start, end, this.decoded.length - 1);
  }

  /** Links `record` as the sibling after `previous`. */
  link(previous: number, record: number): void {
    this.records[previous * STRIDE + NEXT] = record;
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

  span(record: number): SourceSpan {
    return new SourceSpan(this.source, this.start(record), this.end(record));
  }

  nextSibling(record: number): number {
    return this.records[record * STRIDE + NEXT]!;
  }

  /** A list's first child, or NONE: the next record when it starts inside the list. */
  firstChild(record: number): number {
    const child = record + 1;
    return child < this.count && this.start(child) < this.end(record) ? child : NONE;
  }

  /** An atom's value (a list's is its text, which nobody asks for). */
  value(record: number): string {
    const kind = this.records[record * STRIDE + KIND]!;
    if (kind >= 0) return this.decoded[kind]!;
    const text = this.source.text;
    return kind === QUOTED ? text.slice(this.start(record) + 1, this.end(record) - 1) : text.slice(this.start(record), this.end(record));
  }

  /** Whether a record is an atom whose value is `text`; compares in place, making no string. */
  atomIs(record: number, text: string): boolean {
    const kind = this.records[record * STRIDE + KIND]!;
    if (kind === LIST) return false;
    if (kind >= 0) return this.decoded[kind] === text;
    const quote = kind === QUOTED ? 1 : 0;
    const start = this.start(record) + quote;
    return this.end(record) - quote - start === text.length && this.source.text.startsWith(text, start);
  }

  /** Whether a record is a list whose first item is the atom `key`. */
  isHeaded(record: number, key: string): boolean {
    if (!this.isList(record)) return false;
    const first = this.firstChild(record);
    return first !== NONE && this.atomIs(first, key);
  }

  /** How many children a list has. */
  childCount(record: number): number {
    let count = 0;
    for (let child = this.firstChild(record); child !== NONE; child = this.nextSibling(child)) count++;
    return count;
  }
}
