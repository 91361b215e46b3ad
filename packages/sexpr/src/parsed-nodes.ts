import type { SExpr, SexprAtom, SexprList } from './ast.js';
import { SourceSpan, type SourceText } from './source-text.js';

// The nodes parseSexpr builds. A 1,000-domain xend answer has some 150,000 nodes, and
// allocation is most of the cost of parsing it, so a parsed node keeps its source and
// offsets in private fields and makes its SourceSpan only when asked.

export class ParsedAtom implements SexprAtom {
  #value: string | undefined;
  readonly #source: SourceText;
  readonly #start: number;
  readonly #end: number;

  /** `value` is undefined for a bare atom: its text is sliced from the source on first use. */
  constructor(value: string | undefined, source: SourceText, start: number, end: number) {
    this.#value = value;
    this.#source = source;
    this.#start = start;
    this.#end = end;
  }

  get value(): string {
    if (this.#value === undefined) this.#value = this.#source.text.slice(this.#start, this.#end);
    return this.#value;
  }

  // On the prototype rather than in each node: one field less to allocate per node.
  get type(): 'atom' {
    return 'atom';
  }

  get span(): SourceSpan {
    return new SourceSpan(this.#source, this.#start, this.#end);
  }
}

export class ParsedList implements SexprList {
  readonly #source: SourceText;
  readonly #start: number;
  readonly #end: number;

  constructor(
    readonly items: readonly SExpr[],
    source: SourceText,
    start: number,
    end: number,
  ) {
    this.#source = source;
    this.#start = start;
    this.#end = end;
  }

  get type(): 'list' {
    return 'list';
  }

  get span(): SourceSpan {
    return new SourceSpan(this.#source, this.#start, this.#end);
  }
}
