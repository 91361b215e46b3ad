import { headOf, type SExpr, type SexprList } from './ast.js';
import { ParsedList } from './parsed-nodes.js';
import { SexprError } from './sexpr-error.js';

// Paths work as in libvirt's sexpr_lookup: "domain/image/linux/kernel" means the node's head
// must be `domain`, then the first child list headed `image`, in it the first headed `linux`,
// and so on.

export function splitPath(path: string): string[] {
  const segments = path.split('/');
  if (path === '' || segments.some((segment) => segment === '')) {
    throw new SexprError({ code: 'BAD_PATH', message: 'a lookup path needs non-empty segments separated by "/"', path });
  }
  return segments;
}

// A lookup passes many lists that are not the one sought (every field of a domain, for each
// field read); a parsed list answers from its tape without making its items.
function isHeaded(node: SExpr | undefined, key: string): node is SexprList {
  return node instanceof ParsedList ? node.isHeaded(key) : headOf(node) === key;
}

function childHeaded(parent: SexprList, key: string): SexprList | undefined {
  for (let index = 1; index < parent.items.length; index++) {
    const child = parent.items[index];
    if (isHeaded(child, key)) return child;
  }
  return undefined;
}

function findSegments(node: SExpr, segments: readonly string[]): SexprList | undefined {
  if (!isHeaded(node, segments[0]!)) return undefined;
  let current = node as SexprList;
  for (let index = 1; index < segments.length; index++) {
    const next = childHeaded(current, segments[index]!);
    if (next === undefined) return undefined;
    current = next;
  }
  return current;
}

/** The whole list at `path`: `find(root, 'domain/image')` is `(image (linux ...))`. */
export function find(node: SExpr, path: string): SexprList | undefined {
  return findSegments(node, splitPath(path));
}

/**
 * The value at `path`: the first item after the key, so `(memory 420)` gives the atom `420`
 * and `(image (linux ...))` gives the list `(linux ...)`. A missing path, or a key with no
 * value such as `(foo)`, is `undefined`.
 */
export function lookup(node: SExpr, path: string): SExpr | undefined {
  return find(node, path)?.items[1];
}

/**
 * Every list headed by the last segment, in order: `all(domain, 'device')` gives each
 * `(device ...)` of a `(domain ...)`. With a longer path the last segment's parent is found
 * first, as with `find`: `all(root, 'domain/device')`. Headless lists are searched too, so
 * `all(answer, 'domain')` lists the domains of `((domain ...) (domain ...))`.
 */
export function all(node: SExpr, path: string): SexprList[] {
  const segments = splitPath(path);
  const key = segments.pop()!;
  const parent = segments.length === 0 ? node : findSegments(node, segments);
  if (parent?.type !== 'list') return [];
  return parent.items.filter((child): child is SexprList => isHeaded(child, key));
}
