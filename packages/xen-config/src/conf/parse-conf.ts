// Parser for the xl/xm config syntax as libvirt's virConf reads it: a subset
// of Python. `name = value` statements separated by newlines or ';', values
// are numbers, strings ('…', "…" or """…""" spanning lines, no escapes) and
// lists `[ v, v, ]` that may span lines; `#` starts a comment.
import { XenConfigError } from '../xen-config-error.js';
import type { ConfEntry, ConfValue, XenConfFile } from './conf-value.js';

/** Largest config accepted (libvirt's limit for a config file). */
const MAX_CONFIG_LENGTH = 10 * 1024 * 1024;
/** Lists nest at most this deep (virConf recurses without a limit; we keep the stack safe). */
const MAX_LIST_DEPTH = 64;

/**
 * Parses config text. Throws XenConfigError (code CONF_SYNTAX, with the
 * 1-based line and column) where virConf would report a syntax error.
 */
export function parseXenConf(text: string): XenConfFile {
  if (typeof text !== 'string') throw new XenConfigError({ code: 'INVALID_ARG', reason: 'config text must be a string' });
  if (text.length > MAX_CONFIG_LENGTH) throw new XenConfigError({ code: 'CONF_SYNTAX', reason: `config is longer than ${MAX_CONFIG_LENGTH} characters` });
  return new ConfParser(text).parse();
}

const isBlank = (c: string): boolean => c === ' ' || c === '\t';
const isEol = (c: string): boolean => c === '\n' || c === '\r';
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isAlpha = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

class ConfParser {
  private pos = 0;
  private readonly entries: ConfEntry[] = [];

  constructor(private readonly text: string) {}

  parse(): XenConfFile {
    while (this.pos < this.text.length) {
      this.statement();
      this.separator();
    }
    return { entries: this.entries };
  }

  /** The current character, or '' at the end (C's terminating NUL). */
  private peek(): string {
    return this.text.charAt(this.pos);
  }

  private fail(reason: string): never {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < this.pos && i < this.text.length; i++) {
      if (this.text[i] === '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    throw new XenConfigError({ code: 'CONF_SYNTAX', reason, line, column: this.pos - lineStart + 1 });
  }

  private skipBlanks(): void {
    while (isBlank(this.peek())) this.pos++;
  }

  private skipBlanksAndEols(): void {
    while (isBlank(this.peek()) || isEol(this.peek())) this.pos++;
  }

  private restOfLine(): string {
    const start = this.pos;
    while (this.pos < this.text.length && !isEol(this.peek())) this.pos++;
    return this.text.slice(start, this.pos);
  }

  private statement(): void {
    this.skipBlanksAndEols();
    if (this.peek() === '#') {
      this.pos++;
      this.entries.push({ comment: this.restOfLine() });
      return;
    }
    const name = this.name();
    this.skipBlanks();
    if (this.peek() !== '=') this.fail('expecting an assignment');
    this.pos++;
    this.skipBlanks();
    const value = this.value(0);
    this.skipBlanks();
    if (this.peek() === '#') {
      this.pos++;
      this.entries.push({ name, value, comment: this.restOfLine() });
    } else {
      this.entries.push({ name, value });
    }
  }

  private separator(): void {
    this.skipBlanks();
    if (this.pos >= this.text.length) return;
    if (isEol(this.peek())) {
      this.skipBlanksAndEols();
    } else if (this.peek() === ';') {
      this.pos++;
      this.skipBlanksAndEols();
    } else {
      this.fail('expecting a separator');
    }
  }

  private name(): string {
    this.skipBlanks();
    const start = this.pos;
    if (!isAlpha(this.peek())) this.fail('expecting a name');
    while (isAlpha(this.peek()) || isDigit(this.peek()) || this.peek() === '_') this.pos++;
    return this.text.slice(start, this.pos);
  }

  private value(depth: number): ConfValue {
    this.skipBlanks();
    if (this.pos >= this.text.length) this.fail('expecting a value');
    const c = this.peek();
    if (c === '"' || c === "'") return { type: 'string', value: this.string() };
    if (c === '[') return this.list(depth);
    if (isDigit(c) || c === '-' || c === '+') return this.number();
    return this.fail('expecting a value');
  }

  private number(): ConfValue {
    const signed = this.peek() === '-';
    if (this.peek() === '-' || this.peek() === '+') this.pos++;
    if (!isDigit(this.peek())) this.fail('unterminated number');
    const start = this.pos;
    while (isDigit(this.peek())) this.pos++;
    const magnitude = Number(this.text.slice(start, this.pos));
    if (!Number.isSafeInteger(magnitude)) this.fail('number too large');
    return { type: 'number', value: signed ? -magnitude : magnitude, signed };
  }

  private string(): string {
    if (this.peek() === "'") return this.quoted("'");
    if (this.text.startsWith('"""', this.pos) && this.pos + 6 < this.text.length) {
      this.pos += 3;
      const end = this.text.indexOf('"""', this.pos);
      if (end < 0) {
        this.pos = this.text.length;
        this.fail('unterminated string');
      }
      const value = this.text.slice(this.pos, end);
      this.pos = end + 3;
      return value;
    }
    return this.quoted('"');
  }

  /** A string in single or double quotes: no escapes, ends at the line. */
  private quoted(quote: string): string {
    this.pos++;
    const start = this.pos;
    while (this.pos < this.text.length && this.peek() !== quote && !isEol(this.peek())) this.pos++;
    if (this.peek() !== quote) this.fail('unterminated string');
    const value = this.text.slice(start, this.pos);
    this.pos++;
    return value;
  }

  private list(depth: number): ConfValue {
    if (depth >= MAX_LIST_DEPTH) this.fail(`lists nested deeper than ${MAX_LIST_DEPTH}`);
    this.pos++;
    const items: ConfValue[] = [];
    this.skipBlanksAndEols();
    if (this.pos < this.text.length && this.peek() !== ']') {
      items.push(this.value(depth + 1));
      this.skipBlanksAndEols();
    }
    while (this.pos < this.text.length && this.peek() !== ']') {
      if (this.peek() !== ',') this.fail('expecting a separator in list');
      this.pos++;
      this.skipBlanksAndEols();
      if (this.peek() === ']') break;
      items.push(this.value(depth + 1));
      this.skipBlanksAndEols();
    }
    if (this.peek() !== ']') this.fail('list is not closed with ]');
    this.pos++;
    return { type: 'list', items };
  }
}
