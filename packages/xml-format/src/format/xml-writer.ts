// Line-oriented XML output in libvirt's layout: two-space indent, attributes
// in single quotes, every value escaped. Pure string building.
import { XmlFormatError } from '../errors/xml-format-error.js';

/** An attribute to write; undefined values are skipped. */
export type XmlAttributes = readonly (readonly [name: string, value: string | number | undefined])[];

// Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  "'": '&apos;',
  '"': '&quot;',
  // A raw CR would come back from a parser as LF.
  '\r': '&#13;',
};
// In attributes, parsers also turn raw tabs and newlines into spaces.
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { ...TEXT_ESCAPES, '\t': '&#9;', '\n': '&#10;' };

export class XmlWriter {
  private readonly lines: string[] = [];
  private depth = 0;

  constructor(
    /** Where in the model the values come from, for error messages (`devices.disks[0].source.file`). */
    private location = 'domain',
  ) {}

  /** Runs `write` with `location` naming the model field being written. */
  at<T>(location: string, write: () => T): T {
    const outer = this.location;
    this.location = location;
    try {
      return write();
    } finally {
      this.location = outer;
    }
  }

  /** Fails with INVALID_ARG unless `value` is present (for callers without type checking). */
  require<T>(field: string, value: T | undefined | null): T {
    if (value === undefined || value === null || value === '') {
      throw new XmlFormatError({ code: 'INVALID_ARG', reason: 'UNWRITABLE_VALUE', detail: `${this.location}: missing required field '${field}'` });
    }
    return value;
  }

  /** Fails with INVALID_ARG unless `value` is absent or one of `allowed` (what the parser accepts back). */
  oneOf<T extends string>(field: string, value: T | undefined, allowed: readonly T[]): T | undefined {
    if (value !== undefined && !(allowed as readonly string[]).includes(value)) {
      throw new XmlFormatError({
        code: 'INVALID_ARG',
        reason: 'UNWRITABLE_VALUE',
        detail: `${this.location}: ${field} must be one of ${allowed.join(', ')}`,
        value: String(value),
      });
    }
    return value;
  }

  /** `<name attrs/>` */
  empty(name: string, attributes: XmlAttributes = []): void {
    this.line(`<${name}${this.attributes(attributes)}/>`);
  }

  /** `<name attrs>text</name>`; nothing when text is undefined. */
  text(name: string, text: string | number | undefined, attributes: XmlAttributes = []): void {
    if (text === undefined) return;
    const content = typeof text === 'number' ? this.number(name, text) : this.escape(text, TEXT_ESCAPES);
    this.line(`<${name}${this.attributes(attributes)}>${content}</${name}>`);
  }

  /**
   * `<name attrs>` children `</name>`, or `<name attrs/>` when `children`
   * writes nothing, unless `selfClose` is false (libvirt always opens and
   * closes `<devices>`, even empty).
   */
  element(name: string, attributes: XmlAttributes, children: () => void, selfClose = true): void {
    const openAt = this.lines.length;
    this.line(`<${name}${this.attributes(attributes)}>`);
    this.depth += 1;
    children();
    this.depth -= 1;
    if (selfClose && this.lines.length === openAt + 1) this.lines[openAt] = `${'  '.repeat(this.depth)}<${name}${this.attributes(attributes)}/>`;
    else this.line(`</${name}>`);
  }

  /** The document, one element per line, ending with a newline as libvirt's does. */
  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }

  private line(content: string): void {
    this.lines.push('  '.repeat(this.depth) + content);
  }

  private attributes(attributes: XmlAttributes): string {
    let out = '';
    for (const [name, value] of attributes) {
      if (value === undefined) continue;
      out += ` ${name}='${this.escape(typeof value === 'number' ? this.number(name, value) : value, ATTRIBUTE_ESCAPES)}'`;
    }
    return out;
  }

  private number(name: string, value: number): string {
    if (!Number.isSafeInteger(value)) {
      throw new XmlFormatError({ code: 'INVALID_ARG', reason: 'UNWRITABLE_VALUE', detail: `${this.location}: ${name} must be an integer`, value: String(value) });
    }
    return String(value);
  }

  private escape(value: string, escapes: Readonly<Record<string, string>>): string {
    if (typeof value !== 'string') {
      throw new XmlFormatError({ code: 'INVALID_ARG', reason: 'UNWRITABLE_VALUE', detail: `${this.location}: expected a string`, value: String(value) });
    }
    if (NOT_XML_CHAR.test(value)) {
      throw new XmlFormatError({ code: 'INVALID_ARG', reason: 'UNWRITABLE_VALUE', detail: `${this.location}: character not allowed in XML`, value });
    }
    return value.replace(/[&<>'"\r\t\n]/g, (char) => escapes[char] ?? char);
  }
}
