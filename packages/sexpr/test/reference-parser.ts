import { parse } from '../src/generated/sexpr-parser.js';
import { SexprError, type SexprErrorCode } from '../src/sexpr-error.js';
import { SourceText } from '../src/source-text.js';

// The parser peggy generates from src/grammar.peggy, the grammar of record, used as the
// reference that the package's scanner (src/scan.ts) is checked against.

/** A node as the reference parser builds it: its value or items, and its offsets. */
export type ReferenceNode = { value: string; start: number; end: number } | { items: ReferenceNode[]; start: number; end: number };

export function referenceParse(text: string, options: { maxDepth?: number; lenient?: boolean } = {}): ReferenceNode[] {
  const source = new SourceText(text);
  return parse(text, {
    maxDepth: options.maxDepth ?? 1000,
    lenient: options.lenient === true,
    fail: (code: SexprErrorCode, message: string, offset: number, expected: string[]): never => {
      throw SexprError.at(code, message, source, offset, { expected });
    },
    atom: (value: string, start: number, end: number) => ({ value, start, end }),
    list: (items: ReferenceNode[], start: number, end: number) => ({ items, start, end }),
  }) as ReferenceNode[];
}
