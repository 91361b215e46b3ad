import { atom, type SExpr } from './ast.js';

/** Nested JS arrays of strings and numbers, the shorthand `fromArray` accepts. */
export type SexprArray = string | number | bigint | SExpr | readonly SexprArray[];

/** Builds a tree from nested arrays: `fromArray(['memory', 420])` is `(memory 420)`. */
export function fromArray(value: SexprArray): SExpr {
  if (Array.isArray(value)) return { type: 'list', items: value.map(fromArray) };
  if (typeof value === 'object') return value as SExpr;
  return atom(value as string | number | bigint);
}

/** A tree as nested arrays of strings, without locations: handy to compare and to show. */
export function toArray(node: SExpr): string | unknown[] {
  return node.type === 'atom' ? node.value : node.items.map(toArray);
}

/** True when two trees have the same structure and atom values (locations are ignored). */
export function sexprEquals(left: SExpr, right: SExpr): boolean {
  const pending: [SExpr, SExpr][] = [[left, right]];
  for (let pair = pending.pop(); pair !== undefined; pair = pending.pop()) {
    const [a, b] = pair;
    if (a.type === 'atom' || b.type === 'atom') {
      if (a.type !== 'atom' || b.type !== 'atom' || a.value !== b.value) return false;
      continue;
    }
    if (a.items.length !== b.items.length) return false;
    for (let index = 0; index < a.items.length; index++) pending.push([a.items[index]!, b.items[index]!]);
  }
  return true;
}
