import type { SourceSpan } from './source-text.js';

/** An atom: xend writes numbers, names and strings all as atoms; the value is the text. */
export interface SexprAtom {
  readonly type: 'atom';
  readonly value: string;
  /** Where the atom was in the parsed text; absent on built nodes. */
  readonly span?: SourceSpan | undefined;
}

/** A parenthesised list. `()` is an empty list. */
export interface SexprList {
  readonly type: 'list';
  readonly items: readonly SExpr[];
  readonly span?: SourceSpan | undefined;
}

export type SExpr = SexprAtom | SexprList;

export function isAtom(node: SExpr | undefined): node is SexprAtom {
  return node?.type === 'atom';
}

export function isList(node: SExpr | undefined): node is SexprList {
  return node?.type === 'list';
}

/** An atom from a string or a number (numbers are written with `String(n)`). */
export function atom(value: string | number | bigint): SexprAtom {
  return { type: 'atom', value: String(value) };
}

/** A list of the given nodes: `list(atom('memory'), atom(420))` is `(memory 420)`. */
export function list(...items: SExpr[]): SexprList {
  return { type: 'list', items };
}

/** The head of a list when it is an atom: `memory` for `(memory 420)`. */
export function headOf(node: SExpr | undefined): string | undefined {
  if (node?.type !== 'list') return undefined;
  const first = node.items[0];
  return first?.type === 'atom' ? first.value : undefined;
}
