import type { SExpr } from './ast.js';
import { floatAt, integerAt, LIST_FOR_ATOM, wrongType } from './getters.js';
import { splitPath } from './lookup.js';
import { NONE, ParseTape } from './parse-tape.js';
import { ParsedAtom, ParsedList, nodeAt } from './parsed-nodes.js';
import { printSexpr } from './print.js';
import { scanInto } from './scan.js';
import { type SourceSpan, SourceText } from './source-text.js';

/**
 * Reads a parsed tree by node number, straight from the parser's tape, making no node
 * objects: what a decoder that reads a few fields of many records wants (xend-client reads
 * 8 fields of each of 1,000 domains). Nodes are numbers; `SexprCursor.NONE` (-1) is no node.
 * Paths and typed reads work as `lookup`, `lookupString`, `lookupInt` and `lookupFloat` do.
 *
 * ```ts
 * const cursor = SexprCursor.of(parseSexpr(answer));
 * for (let domain = cursor.firstChild(cursor.root); domain !== SexprCursor.NONE; domain = cursor.nextSibling(domain)) {
 *   cursor.lookupString(domain, 'domain/name');
 * }
 * ```
 */
export class SexprCursor {
  static readonly NONE = NONE;

  private constructor(
    private readonly tape: ParseTape,
    /** The node the cursor was made for. */
    readonly root: number,
  ) {}

  /**
   * A cursor over a parsed node's tree (any node parseSexpr returned or led to). A tree built
   * by hand has no tape: it is printed and parsed again, so its nodes read the same.
   */
  static of(node: SExpr): SexprCursor {
    if (node instanceof ParsedList || node instanceof ParsedAtom) return new SexprCursor(node.tape, node.record);
    const tape = new ParseTape(new SourceText(printSexpr(node)));
    scanInto(tape, { maxDepth: Number.POSITIVE_INFINITY, lenient: false });
    return new SexprCursor(tape, 0);
  }

  isList(node: number): boolean {
    return this.tape.isList(node);
  }

  /** An atom's value. */
  value(node: number): string {
    return this.tape.value(node);
  }

  /** Whether the node is an atom whose value is `text` (compared in place, making no string). */
  atomIs(node: number, text: string): boolean {
    return this.tape.atomIs(node, text);
  }

  /** Whether the node is a list whose first item is the atom `key`. */
  isHeaded(node: number, key: string): boolean {
    return this.tape.isHeaded(node, key);
  }

  /** A list's first item, or NONE (also for an atom). */
  firstChild(node: number): number {
    return this.tape.isList(node) ? this.tape.firstChild(node) : NONE;
  }

  /** The item after this one in its list, or NONE. */
  nextSibling(node: number): number {
    return this.tape.nextSibling(node);
  }

  /** The first item of a list after its head that is a list headed by `key` (one step of a path), or NONE. */
  child(list: number, key: string): number {
    const head = this.firstChild(list);
    for (let item = head === NONE ? NONE : this.tape.nextSibling(head); item !== NONE; item = this.tape.nextSibling(item)) {
      if (this.tape.isHeaded(item, key)) return item;
    }
    return NONE;
  }

  /** As `find`: the whole `(key ...)` list at `path`, or NONE. */
  find(node: number, path: string): number {
    const [first, ...rest] = splitPath(path);
    if (!this.tape.isHeaded(node, first!)) return NONE;
    let current = node;
    for (const segment of rest) {
      current = this.child(current, segment);
      if (current === NONE) return NONE;
    }
    return current;
  }

  /** As `lookup`: the item after the key at `path`, or NONE. */
  lookup(node: number, path: string): number {
    const found = this.find(node, path);
    return found === NONE ? NONE : this.tape.nextSibling(this.tape.firstChild(found));
  }

  /** As `lookupString`: the atom at `path`, undefined when missing, WRONG_TYPE for a list. */
  lookupString(node: number, path: string): string | undefined {
    const value = this.lookup(node, path);
    if (value === NONE) return undefined;
    if (this.tape.isList(value)) throw wrongType(this.span(value), path, LIST_FOR_ATOM);
    return this.tape.value(value);
  }

  /** As `lookupInt`. */
  lookupInt(node: number, path: string): number | undefined {
    const text = this.lookupString(node, path);
    return text === undefined ? undefined : integerAt(text, path, () => this.span(this.lookup(node, path)));
  }

  /** As `lookupFloat`. */
  lookupFloat(node: number, path: string): number | undefined {
    const text = this.lookupString(node, path);
    return text === undefined ? undefined : floatAt(text, path, () => this.span(this.lookup(node, path)));
  }

  /** The node as an SExpr (made when its items or value are first read, as parseSexpr's are). */
  node(node: number): SExpr {
    return nodeAt(this.tape, node);
  }

  /** Where the node is in the parsed text. */
  span(node: number): SourceSpan {
    return this.tape.span(node);
  }
}
