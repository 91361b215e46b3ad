import { parseError } from '../errors.js';

/** One token of a command line: a word, the end of one command, or the end of input. */
export type Token = { kind: 'word'; text: string } | { kind: 'command-end' } | { kind: 'end' };

/** Where the parser takes its tokens from: a script string or the words of argv. */
export interface TokenSource {
  next(): Token;
}

const END: Token = { kind: 'end' };
const COMMAND_END: Token = { kind: 'command-end' };

/**
 * Reads a script the way virsh 9's vshCommandStringGetArg does: words split on blanks;
 * `;` and newlines end a command; a word starting with `#` comments out the rest of the
 * line; '...' is literal; "..." allows `\` escapes; `\` escapes outside quotes;
 * backslash-newline continues the line. An unterminated '...' simply ends with the text.
 */
export class ScriptTokens implements TokenSource {
  #pos = 0;

  constructor(private readonly text: string) {}

  next(): Token {
    const text = this.text;
    let p = this.#pos;
    while (text[p] === ' ' || text[p] === '\t' || (text[p] === '\\' && text[p + 1] === '\n')) {
      p += text[p] === '\\' ? 2 : 1;
    }
    if (p >= text.length) {
      this.#pos = p;
      return END;
    }
    if (text[p] === ';' || text[p] === '\n') {
      this.#pos = p + 1;
      return COMMAND_END;
    }
    if (text[p] === '#') {
      const eol = text.indexOf('\n', p);
      this.#pos = eol < 0 ? text.length : eol + 1;
      return COMMAND_END;
    }
    // Fast path: a plain word (no quotes, escapes) is one slice of the text.
    const plainEnd = plainWordEnd(text, p);
    if (plainEnd !== undefined) {
      this.#pos = plainEnd;
      return { kind: 'word', text: text.slice(p, plainEnd) };
    }
    let word = '';
    let single = false;
    let double = false;
    while (p < text.length) {
      const ch = text[p] as string;
      if (!single && !double && (ch === ' ' || ch === '\t' || ch === ';' || ch === '\n')) break;
      if (!double && ch === "'") {
        single = !single;
        p++;
        continue;
      }
      if (!single && ch === '"') {
        double = !double;
        p++;
        continue;
      }
      if (!single && ch === '\\') {
        p++;
        if (p >= text.length) throw parseError('dangling \\');
        if (text[p] === '\n') {
          p++;
          continue;
        }
      }
      word += text[p];
      p++;
    }
    if (double) throw parseError('missing "');
    this.#pos = p;
    return { kind: 'word', text: word };
  }
}

/** Where a word without quotes or backslashes ends; undefined when it has any. */
function plainWordEnd(text: string, start: number): number | undefined {
  for (let i = start; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    // blank, tab, newline, ';' end the word; quotes and backslash need the full reader.
    if (ch === 32 || ch === 9 || ch === 10 || ch === 59) return i;
    if (ch === 39 || ch === 34 || ch === 92) return undefined;
  }
  return text.length;
}

/** Several argv words are one command, taken literally (virsh's vshCommandArgvGetArg). */
export class ArgvTokens implements TokenSource {
  #index = 0;

  constructor(private readonly words: readonly string[]) {}

  next(): Token {
    const word = this.words[this.#index];
    if (word === undefined) return END;
    this.#index++;
    return { kind: 'word', text: word };
  }
}
