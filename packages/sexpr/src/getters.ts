import type { SExpr } from './ast.js';
import { lookup } from './lookup.js';
import { SexprError } from './sexpr-error.js';
import type { SourceSpan } from './source-text.js';

// Typed reads of `lookup(node, path)`. A missing path is `undefined`; a value of the wrong
// type is a SexprError naming the path (and where it was in the text, for parsed trees).
// SexprCursor's typed reads convert and fail through the same functions.

const INTEGER = /^[+-]?(?:0[xX][0-9a-fA-F]+|[0-9]+)$/;
const FLOAT = /^[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|inf|infinity|nan)$/i;

/** WRONG_TYPE about the value at `path`, which was at `span` in the text (if parsed). */
export function wrongType(span: SourceSpan | undefined, path: string, message: string): SexprError {
  return new SexprError({ code: 'WRONG_TYPE', message, path, position: span?.start, excerpt: span?.source.excerpt(span.startOffset) });
}

export const LIST_FOR_ATOM = 'expected an atom but found a list';

/** An atom's text as an integer (decimal, or hexadecimal with 0x); `where` is asked only on failure. */
export function integerAt(text: string, path: string, where: () => SourceSpan | undefined): number {
  const value = INTEGER.test(text) ? parseSignedInteger(text) : Number.NaN;
  if (!Number.isSafeInteger(value)) throw wrongType(where(), path, `expected an integer but found "${text}"`);
  return value;
}

function parseSignedInteger(text: string): number {
  const negative = text.startsWith('-');
  const digits = text.replace(/^[+-]/, '');
  const magnitude = /^0x/i.test(digits) ? Number.parseInt(digits.slice(2), 16) : Number.parseInt(digits, 10);
  return negative ? -magnitude : magnitude;
}

/** An atom's text as a floating-point number (also `inf` and `nan`); `where` is asked only on failure. */
export function floatAt(text: string, path: string, where: () => SourceSpan | undefined): number {
  if (!FLOAT.test(text)) throw wrongType(where(), path, `expected a number but found "${text}"`);
  const lower = text.toLowerCase().replace(/^\+/, '');
  if (lower === 'nan') return Number.NaN;
  if (lower.endsWith('inf') || lower.endsWith('infinity')) return lower.startsWith('-') ? -Infinity : Infinity;
  return Number(text);
}

/** The atom at `path` as a string. */
export function lookupString(node: SExpr, path: string): string | undefined {
  const value = lookup(node, path);
  if (value === undefined) return undefined;
  if (value.type !== 'atom') throw wrongType(value.span, path, LIST_FOR_ATOM);
  return value.value;
}

/** The atom at `path` as an integer (decimal, or hexadecimal with 0x). */
export function lookupInt(node: SExpr, path: string): number | undefined {
  const text = lookupString(node, path);
  return text === undefined ? undefined : integerAt(text, path, () => lookup(node, path)!.span);
}

/** The atom at `path` as a floating-point number (`cpu_time 12.5`). */
export function lookupFloat(node: SExpr, path: string): number | undefined {
  const text = lookupString(node, path);
  return text === undefined ? undefined : floatAt(text, path, () => lookup(node, path)!.span);
}
