import { headOf, type SExpr, type SexprAtom, type SexprList } from './ast.js';
import type { ParseTape } from './parse-tape.js';
import { SourceSpan } from './source-text.js';

// The nodes parseSexpr returns: views of a ParseTape record, made when first visited (a
// list makes its children when its `items` are first read; a bare atom slices its text when
// its `value` is first read). `type` lives on the prototype, not in each node.

export function nodeAt(tape: ParseTape, record: number): SExpr {
  return tape.isList(record) ? new ParsedList(tape, record) : new ParsedAtom(tape, record);
}

export class ParsedAtom implements SexprAtom {
  readonly #tape: ParseTape;
  readonly #record: number;
  #value: string | undefined;

  constructor(tape: ParseTape, record: number) {
    this.#tape = tape;
    this.#record = record;
  }

  get type(): 'atom' {
    return 'atom';
  }

  get value(): string {
    if (this.#value === undefined) this.#value = this.#tape.value(this.#record);
    return this.#value;
  }

  get span(): SourceSpan {
    return new SourceSpan(this.#tape.source, this.#tape.start(this.#record), this.#tape.end(this.#record));
  }
}

export class ParsedList implements SexprList {
  readonly #tape: ParseTape;
  readonly #record: number;
  #items: readonly SExpr[] | undefined;

  constructor(tape: ParseTape, record: number) {
    this.#tape = tape;
    this.#record = record;
  }

  get type(): 'list' {
    return 'list';
  }

  get items(): readonly SExpr[] {
    if (this.#items === undefined) {
      const tape = this.#tape;
      this.#items = tape.mapChildren(this.#record, (child) => nodeAt(tape, child));
    }
    return this.#items;
  }

  /** Whether the first item is the atom `key`, read from the tape when `items` was not made yet. */
  isHeaded(key: string): boolean {
    if (this.#items !== undefined) return headOf(this) === key;
    const first = this.#tape.firstChild(this.#record);
    return first !== -1 && this.#tape.atomIs(first, key);
  }

  get span(): SourceSpan {
    return new SourceSpan(this.#tape.source, this.#tape.start(this.#record), this.#tape.end(this.#record));
  }
}
