import type { SExpr } from './ast.js';
import { parse as parseWithGrammar } from './generated/sexpr-parser.js';
import { SexprError, type SexprErrorCode } from './sexpr-error.js';
import { ParseTape } from './parse-tape.js';
import { nodeAt } from './parsed-nodes.js';
import { SourceText } from './source-text.js';

export interface ParseOptions {
  /**
   * Deepest list nesting accepted (default 1000; xend never goes past ten). The generated
   * parser recurses once per level, so this bound is what keeps hostile input from
   * overflowing the stack.
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

/** The shape of the `SyntaxError` peggy throws for input the grammar rejects. */
interface PeggySyntaxError {
  expected: { type: string; description?: string; text?: string }[] | null;
  found: string | null;
  location: { start: { offset: number } };
}

/**
 * Parses text holding exactly one expression, such as an answer from xend.
 * Throws SexprError (with line:column and an excerpt) for anything else.
 */
export function parseSexpr(text: string, options: ParseOptions = {}): SExpr {
  const source = new SourceText(text);
  const expressions = parseSource(source, options);
  const [first, second] = expressions;
  if (first === undefined) {
    throw SexprError.at('EMPTY_INPUT', 'no expression: the input is empty', source, text.length, {
      expected: ['an expression'],
    });
  }
  if (second !== undefined && !options.lenient) {
    throw SexprError.at(
      'TRAILING_INPUT',
      'more than one expression: text follows the first one',
      source,
      second.span!.startOffset,
      { expected: ['end of input'] },
    );
  }
  return first;
}

/** Parses text holding any number of expressions one after the other (none is fine). */
export function parseSexprs(text: string, options: ParseOptions = {}): SExpr[] {
  return parseSource(new SourceText(text), options);
}

function parseSource(source: SourceText, options: ParseOptions): SExpr[] {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const fail = (code: SexprErrorCode, message: string, offset: number, expected: string[]): never => {
    throw SexprError.at(code, message, source, offset, { expected });
  };
  const tape = new ParseTape(source);
  try {
    const roots = parseWithGrammar(source.text, {
      maxDepth,
      lenient: options.lenient === true,
      fail,
      atom: (value: string | undefined, start: number, end: number) => tape.atom(value, start, end),
      list: (items: number[], start: number, end: number) => tape.list(items, start, end),
    }) as number[];
    return roots.map((root) => nodeAt(tape, root));
  } catch (error) {
    if (SexprError.isInstance(error)) throw error;
    if (error instanceof RangeError) {
      // Only reachable with a maxDepth raised beyond what the stack can hold.
      throw new SexprError({ code: 'TOO_DEEP', message: `nesting too deep for the call stack (maxDepth ${maxDepth})`, cause: error });
    }
    if (isPeggySyntaxError(error)) throw fromPeggy(error, source);
    throw error;
  }
}

function isPeggySyntaxError(error: unknown): error is PeggySyntaxError {
  return error instanceof SyntaxError && 'location' in error && 'found' in error;
}

// The grammar accepts every character except in one place: a ")" with no list open.
function fromPeggy(error: PeggySyntaxError, source: SourceText): SexprError {
  const offset = error.location.start.offset;
  const expected = (error.expected ?? [])
    .map((item) => item.description ?? item.text ?? item.type)
    .filter((item, index, all) => all.indexOf(item) === index);
  if (error.found === ')') {
    return SexprError.at('UNBALANCED', 'unexpected ")" without a matching "("', source, offset, { expected });
  }
  const found = error.found === null ? 'end of input' : JSON.stringify(error.found);
  return SexprError.at('SYNTAX', `unexpected ${found}`, source, offset, { expected });
}
