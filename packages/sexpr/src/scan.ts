import { NONE, type ParseTape } from './parse-tape.js';
import { SexprError, type SexprErrorCode } from './sexpr-error.js';

// The parser: one pass over the text that records each node in a ParseTape, in a loop with
// an explicit stack of open lists (no recursion, so depth is bounded by `maxDepth` alone).
// src/grammar.peggy is the grammar of record; test/grammar-agreement.test.ts checks that this
// scanner and the parser peggy generates from it give the same trees and the same errors at
// the same line:column. A generated parser makes several function calls per token with
// positions saved and restored around each; this loop is what makes large xend answers cheap.

export interface ScanOptions {
  maxDepth: number;
  lenient: boolean;
}

const TAB = 9;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const OPEN = 40;
const CLOSE = 41;
const BACKSLASH = 92;

/** Space, \t \n \v \f \r. Past the end of the text charCodeAt gives NaN, which is no whitespace. */
function isWhitespace(code: number): boolean {
  return code === SPACE || (code >= TAB && code <= CARRIAGE_RETURN);
}

function skipWhitespace(text: string, position: number): number {
  while (isWhitespace(text.charCodeAt(position))) position++;
  return position;
}

/** The end of a bare atom: the first whitespace, parenthesis or end of text. */
function bareEnd(text: string, position: number): number {
  for (let code = text.charCodeAt(position); code > CLOSE || code < TAB || (code > CARRIAGE_RETURN && code !== SPACE && code < OPEN); ) {
    code = text.charCodeAt(++position);
  }
  return position;
}

function fail(tape: ParseTape, code: SexprErrorCode, message: string, offset: number, expected: string[]): never {
  throw SexprError.at(code, message, tape.source, offset, { expected });
}

/** Records every expression of the tape's text; the first is record 0 and each links to the next. */
export function scanInto(tape: ParseTape, options: ScanOptions): void {
  const text = tape.source.text;
  const length = text.length;
  const open: number[] = [];
  // The last record at the current level, which the next one there follows.
  let previous = NONE;
  let position = skipWhitespace(text, 0);
  while (position < length) {
    const code = text.charCodeAt(position);
    if (code === CLOSE) {
      const list = open.pop();
      if (list === undefined) {
        if (!options.lenient) {
          fail(tape, 'UNBALANCED', 'unexpected ")" without a matching "("', position, ['an expression', 'end of input']);
        }
        return; // libvirt's reader stopped at a stray ")" and ignored the rest.
      }
      tape.close(list, ++position);
      previous = list;
    } else {
      let record: number;
      if (code === OPEN) {
        if (open.length >= options.maxDepth) {
          fail(tape, 'TOO_DEEP', `nesting deeper than ${options.maxDepth} levels`, position, [`at most ${options.maxDepth} nested lists`]);
        }
        record = tape.openList(position++);
      } else if (code === SINGLE_QUOTE || code === DOUBLE_QUOTE) {
        const start = position;
        position = quotedEnd(text, position, code);
        record = position < 0 ? decodeQuoted(tape, start) : tape.quotedAtom(start, position);
        position = tape.end(record);
      } else {
        const start = position;
        position = bareEnd(text, position);
        record = tape.bareAtom(start, position);
      }
      if (previous !== NONE) tape.link(previous, record);
      if (code === OPEN) {
        open.push(record);
        previous = NONE;
      } else {
        previous = record;
      }
    }
    position = skipWhitespace(text, position);
  }
  const innermost = open.at(-1);
  if (innermost === undefined) return;
  if (!options.lenient) fail(tape, 'UNBALANCED', 'this "(" is never closed: input ends inside the list', tape.start(innermost), [')']);
  // libvirt's reader closed the lists left open at the end of the input.
  for (const list of open) tape.close(list, length);
}

/**
 * The end of a quoted string without escapes (after its closing quote), or -1 when it has a
 * backslash (decodeQuoted reads it then) or is never closed (decodeQuoted reports it).
 */
function quotedEnd(text: string, start: number, quote: number): number {
  for (let position = start + 1; position < text.length; position++) {
    const code = text.charCodeAt(position);
    if (code === quote) return position + 1;
    if (code === BACKSLASH) return -1;
  }
  return -1;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v' };
const HEX_PAIR = /[0-9a-fA-F]{2}/y;
const OCTAL = /[0-7]{1,3}/y;

/** Records a quoted string with escapes, or reports it unterminated or badly escaped. */
function decodeQuoted(tape: ParseTape, start: number): number {
  const text = tape.source.text;
  const quote = text[start]!;
  let value = '';
  let runStart = start + 1;
  for (let position = runStart; position < text.length; ) {
    const char = text[position]!;
    if (char === quote) return tape.quotedAtom(start, position + 1, value + text.slice(runStart, position));
    if (char !== '\\') {
      position++;
      continue;
    }
    value += text.slice(runStart, position);
    const [decoded, length] = escapeAt(tape, position + 1);
    value += decoded;
    position += 1 + length;
    runStart = position;
  }
  return fail(tape, 'UNTERMINATED_STRING', 'this string is never closed: input ends before its closing quote', start, [quote]);
}

/** The character an escape stands for and how many characters after the backslash it takes. */
function escapeAt(tape: ParseTape, position: number): [decoded: string, length: number] {
  const text = tape.source.text;
  const char = text[position];
  if (char === undefined) return ['', 0]; // A backslash at the very end: the string is unterminated.
  if (char === 'x') {
    HEX_PAIR.lastIndex = position + 1;
    const digits = HEX_PAIR.exec(text)?.[0];
    if (digits === undefined) fail(tape, 'BAD_ESCAPE', '\\x must be followed by two hexadecimal digits', position - 1, ['two hexadecimal digits']);
    return [String.fromCharCode(Number.parseInt(digits, 16)), 3];
  }
  OCTAL.lastIndex = position;
  const octal = OCTAL.exec(text)?.[0];
  if (octal !== undefined) return [String.fromCharCode(Number.parseInt(octal, 8)), octal.length];
  return [SIMPLE_ESCAPES[char] ?? char, 1];
}
