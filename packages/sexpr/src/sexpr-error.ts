import type { Position, SourceText } from './source-text.js';

const marker = Symbol.for('libvirt-ts.SexprError');

/** A one-character token in quotes (`")"`, `'"'`); descriptions such as "end of input" as they are. */
function quoteToken(token: string): string {
  if (token.length !== 1) return token;
  return token === '"' ? `'"'` : `"${token}"`;
}

/** Stable error codes of the sexpr package. */
export type SexprErrorCode =
  /** The text is empty or holds only whitespace. */
  | 'EMPTY_INPUT'
  /** A ")" without its "(", or input that ends inside a list. */
  | 'UNBALANCED'
  /** A quoted string without its closing quote. */
  | 'UNTERMINATED_STRING'
  /** A malformed backslash escape in a quoted string. */
  | 'BAD_ESCAPE'
  /** Lists nested deeper than the parser's `maxDepth`. */
  | 'TOO_DEEP'
  /** More than the one expression `parseSexpr` expects. */
  | 'TRAILING_INPUT'
  /** Any other text the grammar does not accept. */
  | 'SYNTAX'
  /** A looked-up value is not of the type asked for (a list for a string, "abc" for an int). */
  | 'WRONG_TYPE'
  /** A lookup path is malformed (empty, or with an empty segment). */
  | 'BAD_PATH';

export interface SexprErrorInit {
  code: SexprErrorCode;
  message: string;
  /** Where in the text, for parse errors and for lookups on parsed trees. */
  position?: Position | undefined;
  /** The offending line with a caret under the position. */
  excerpt?: string | undefined;
  /** What the parser would have accepted at the position. */
  expected?: readonly string[] | undefined;
  /** The lookup path, for lookup errors. */
  path?: string | undefined;
  cause?: unknown;
}

/** Every error thrown by @libvirt-ts/sexpr. */
export class SexprError extends Error {
  override readonly name = 'SexprError';
  readonly code: SexprErrorCode;
  readonly position: Position | undefined;
  readonly excerpt: string | undefined;
  readonly expected: readonly string[];
  readonly path: string | undefined;
  readonly [marker] = true;

  constructor(init: SexprErrorInit) {
    const { code, message, ...details } = init;
    const where = details.position ? `${details.position.line}:${details.position.column}: ` : '';
    const path = details.path !== undefined ? ` (at path "${details.path}")` : '';
    const expected = details.expected?.length ? `; expected ${details.expected.map(quoteToken).join(' or ')}` : '';
    const excerpt = details.excerpt ? `\n${details.excerpt}` : '';
    super(`${where}${message}${path}${expected}${excerpt}`, { cause: details.cause });
    this.code = code;
    this.position = details.position;
    this.excerpt = details.excerpt;
    this.expected = details.expected ?? [];
    this.path = details.path;
  }

  /** A SexprError about `offset` in `source`, with its line:column and excerpt. */
  static at(
    code: SexprErrorCode,
    message: string,
    source: SourceText,
    offset: number,
    details: Omit<SexprErrorInit, 'code' | 'message' | 'position' | 'excerpt'> = {},
  ): SexprError {
    return new SexprError({ code, message, ...details, position: source.position(offset), excerpt: source.excerpt(offset) });
  }

  /** True for a SexprError from any copy of this package. */
  static isInstance(value: unknown): value is SexprError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}
