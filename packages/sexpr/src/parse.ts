import type { SExpr } from './ast.js';
import { NONE, ParseTape } from './parse-tape.js';
import { nodeAt } from './parsed-nodes.js';
import { scanInto } from './scan.js';
import { SexprError } from './sexpr-error.js';
import { SourceText } from './source-text.js';

export interface ParseOptions {
  /**
   * Deepest list nesting accepted (default 1000; xend never goes past ten), so that hostile
   * input cannot make the tree's readers (recursive walks such as toArray) overflow the stack.
   */
  maxDepth?: number;
  /**
   * Accept what libvirt's sexpr reader accepted (its test files rely on it): lists still open
   * at the end of the input are closed there, and whatever follows the first expression
   * (extra ")" included) is ignored. Off by default: a truncated xend answer is an error.
   */
  lenient?: boolean;
}

export const DEFAULT_MAX_DEPTH = 1000;

/**
 * Parses text holding exactly one expression, such as an answer from xend.
 * Throws SexprError (with line:column and an excerpt) for anything else.
 */
export function parseSexpr(text: string, options: ParseOptions = {}): SExpr {
  const tape = parseTape(text, options);
  if (tape.length === 0) {
    throw SexprError.at('EMPTY_INPUT', 'no expression: the input is empty', tape.source, text.length, {
      expected: ['an expression'],
    });
  }
  const second = tape.nextSibling(0);
  if (second !== NONE && !options.lenient) {
    throw SexprError.at('TRAILING_INPUT', 'more than one expression: text follows the first one', tape.source, tape.start(second), {
      expected: ['end of input'],
    });
  }
  return nodeAt(tape, 0);
}

/** Parses text holding any number of expressions one after the other (none is fine). */
export function parseSexprs(text: string, options: ParseOptions = {}): SExpr[] {
  const tape = parseTape(text, options);
  const expressions: SExpr[] = [];
  for (let record = tape.length === 0 ? NONE : 0; record !== NONE; record = tape.nextSibling(record)) {
    expressions.push(nodeAt(tape, record));
  }
  return expressions;
}

function parseTape(text: string, options: ParseOptions): ParseTape {
  const tape = new ParseTape(new SourceText(text));
  scanInto(tape, { maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH, lenient: options.lenient === true });
  return tape;
}
