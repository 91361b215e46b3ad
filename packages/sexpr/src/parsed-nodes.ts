import type { SExpr, SexprAtom, SexprList } from './ast.js';
import type { ParseTape } from './parse-tape.js';
import type { SourceSpan } from './source-text.js';

// The nodes parseSexpr returns: views of a ParseTape record, made when first visited (a
// list makes its children when its `items` are first read; a bare atom slices its text when
// its `value` is first read). `type` lives on the prototype, not in each node.

export function nodeAt(tape: ParseTape, record: number): SExpr {
  return tape.isList(record) ? new ParsedList(tape, record) : new ParsedAtom(tape, record);
}

export class ParsedAtom implements SexprAtom {
  /** The tape and record this node reads (src/sexpr-cursor.ts reads them too). */
  readonly tape: ParseTape;
  readonly record: number;
  #value: string | undefined;

  constructor(tape: ParseTape, record: number) {
    this.tape = tape;
    this.record = record;
  }

  get type(): 'atom' {
    return 'atom';
  }

  get value(): string {
    if (this.#value === undefined) this.#value = this.tape.value(this.record);
    return this.#value;
  }

  get span(): SourceSpan {
    return this.tape.span(this.record);
  }
}

export class ParsedList implements SexprList {
  /** The tape and record this node reads (src/sexpr-cursor.ts reads them too). */
  readonly tape: ParseTape;
  readonly record: number;
  #items: readonly SExpr[] | undefined;

  constructor(tape: ParseTape, record: number) {
    this.tape = tape;
    this.record = record;
  }

  get type(): 'list' {
    return 'list';
  }

  get items(): readonly SExpr[] {
    if (this.#items === undefined) {
      const tape = this.tape;
      const items = new Array<SExpr>(tape.childCount(this.record));
      for (let child = tape.firstChild(this.record), index = 0; index < items.length; child = tape.nextSibling(child)) {
        items[index++] = nodeAt(tape, child);
      }
      this.#items = items;
    }
    return this.#items;
  }

  /** Whether the first item is the atom `key`, read from the tape (no item is made). */
  isHeaded(key: string): boolean {
    return this.tape.isHeaded(this.record, key);
  }

  get span(): SourceSpan {
    return this.tape.span(this.record);
  }
}
