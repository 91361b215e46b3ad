import type { SExpr } from './ast.js';

// Characters that end a bare atom or start a quoted one, plus the backslash and control
// characters (which are clearer escaped). Non-ASCII text stays bare.
const NEEDS_QUOTES = /[\s()'"\\\x00-\x1f\x7f]/;
const TO_ESCAPE = /[\\'\x00-\x1f\x7f]/g;

const NAMED_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\t': '\\t',
  '\r': '\\r',
};

/** An atom as xend would write it: bare when it can be, else single-quoted with escapes. */
export function printAtom(value: string): string {
  if (value !== '' && !NEEDS_QUOTES.test(value)) return value;
  const escaped = value.replace(
    TO_ESCAPE,
    (char) => NAMED_ESCAPES[char] ?? `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  return `'${escaped}'`;
}

/**
 * Prints a tree on one line, items separated by single spaces: `(domain (domid 0) (name x))`.
 * `parseSexpr(printSexpr(x))` is `x` for every tree. Iterative, so any depth prints.
 */
export function printSexpr(node: SExpr): string {
  const out: string[] = [];
  // Each frame is a list being printed and the index of its next item.
  const stack: { items: readonly SExpr[]; next: number }[] = [];
  let current: SExpr | undefined = node;
  for (;;) {
    if (current !== undefined) {
      if (current.type === 'atom') {
        out.push(printAtom(current.value));
      } else {
        out.push('(');
        stack.push({ items: current.items, next: 0 });
      }
    }
    const frame = stack[stack.length - 1];
    if (frame === undefined) break;
    if (frame.next < frame.items.length) {
      if (frame.next > 0) out.push(' ');
      current = frame.items[frame.next++];
    } else {
      out.push(')');
      stack.pop();
      current = undefined;
    }
  }
  return out.join('');
}
