/**
 * A small well-formedness scanner that reports the first error with libxml2's wording and cursor,
 * so that errors read exactly as libvirt 9 prints them (libvirt parses with libxml2). It also gives
 * a light element tree with source offsets, used to read test-driver node files and to slice their
 * inline `<domain>` elements. No DTD: a `<!DOCTYPE` is reported, never expanded.
 */

export interface XmlElement {
  name: string;
  attributes: ReadonlyMap<string, string>;
  children: readonly XmlElement[];
  /** Concatenated character data directly inside this element (entities decoded). */
  text: string;
  /** Offsets of `<` of the start tag and just past the end of the element. */
  start: number;
  end: number;
  /** 1-based line of the start tag. */
  line: number;
}

/** The first well-formedness error, as libxml2 reports it: message, line and the cursor offset. */
export class XmlScanError extends Error {
  override readonly name = 'XmlScanError';
  constructor(
    /** libxml2's text, e.g. "Premature end of data in tag domain line 1". */
    readonly libxmlMessage: string,
    /** 1-based line libxml2 reports. */
    readonly line: number,
    /** Offset of libxml2's input cursor when it stopped. */
    readonly offset: number,
  ) {
    super(`${line}: ${libxmlMessage}`);
  }
}

const NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;
// Runs matched from the cursor (sticky) by the regex engine: a node file is scanned once, mostly
// before the JIT optimises the scanner, and a character-by-character loop costs far more there.
const NAME_CHARS = /[A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]*/y;
const SPACES = /[ \t\r\n]*/y;
/** Attribute value characters up to a quote, '<' or '&'. */
const ATTRIBUTE_CHARS = /[^"'<&]*/y;
/** Character data up to markup, a reference or a ']]>' (not allowed in content). */
const CHAR_DATA = /(?:[^<&\]]|\](?!\]>))*/y;

// Most elements have no attributes and many no children: they share these empty ones, so a big
// node file allocates (and collects) thousands fewer objects.
const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();
const NO_CHILDREN: readonly XmlElement[] = Object.freeze([]);
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Scans `text`; returns the root element or throws XmlScanError. */
export function scanXml(text: string): XmlElement {
  return new Scanner(text).document();
}

class Scanner {
  #pos = 0;
  readonly #open: XmlElement[] = [];

  constructor(private readonly text: string) {}

  document(): XmlElement {
    if (this.text.length === 0) this.#fail('Document is empty');
    this.#skipMisc();
    if (this.text[this.#pos] !== '<') this.#fail("Start tag expected, '<' not found");
    const root = this.#element();
    this.#skipMisc();
    if (this.#pos < this.text.length) this.#fail('Extra content at the end of the document');
    return root;
  }

  /** Whitespace, comments, processing instructions and the XML declaration outside the root. */
  #skipMisc(): void {
    for (;;) {
      while (this.#pos < this.text.length && /\s/.test(this.text[this.#pos] ?? '')) this.#pos++;
      if (this.text.startsWith('<?', this.#pos)) this.#skipPast('?>', 'ParsePI: PI xml never end ...');
      else if (this.text.startsWith('<!--', this.#pos)) this.#skipPast('-->', 'Comment not terminated');
      else if (this.text.startsWith('<!DOCTYPE', this.#pos)) this.#fail('DOCTYPE is not accepted here');
      else return;
    }
  }

  #skipPast(terminator: string, message: string): void {
    const at = this.text.indexOf(terminator, this.#pos);
    if (at < 0) {
      this.#pos = this.text.length;
      this.#fail(message);
    }
    this.#pos = at + terminator.length;
  }

  #element(): XmlElement {
    const start = this.#pos;
    const line = this.#lineAt(start);
    this.#pos++; // '<'
    const name = this.#name('StartTag: invalid element name');
    const element: XmlElement = { name, attributes: NO_ATTRIBUTES, children: NO_CHILDREN, text: '', start, end: start, line };
    this.#attributes(element);
    if (this.text.startsWith('/>', this.#pos)) {
      this.#pos += 2;
      element.end = this.#pos;
      return element;
    }
    this.#pos++; // '>'
    this.#open.push(element);
    this.#content(element);
    this.#open.pop();
    element.end = this.#pos;
    return element;
  }

  #attributes(element: XmlElement): void {
    let attributes: Map<string, string> | undefined;
    for (;;) {
      const before = this.#pos;
      this.#skipSpaces();
      const c = this.text[this.#pos];
      if (c === undefined) this.#fail(`Couldn't find end of Start Tag ${element.name} line ${element.line}`);
      if (c === '>' || this.text.startsWith('/>', this.#pos)) return;
      if (this.#pos === before || !NAME_START.test(c)) this.#fail(`Couldn't find end of Start Tag ${element.name} line ${element.line}`);
      const name = this.#name('error parsing attribute name');
      this.#skipSpaces();
      if (this.text[this.#pos] !== '=') this.#fail(`Specification mandates value for attribute ${name}`);
      this.#pos++;
      this.#skipSpaces();
      const quote = this.text[this.#pos];
      if (quote !== '"' && quote !== "'") this.#fail(`AttValue: " or ' expected`);
      this.#pos++;
      let value = '';
      for (;;) {
        value += this.text.slice(this.#pos, this.#run(ATTRIBUTE_CHARS));
        const ch = this.text[this.#pos];
        if (ch === undefined) this.#fail(`AttValue: ${quote} expected`);
        if (ch === quote) break;
        if (ch === '<') this.#fail("Unescaped '<' not allowed in attributes values");
        if (ch === '&') value += this.#reference();
        else {
          value += ch;
          this.#pos++;
        }
      }
      this.#pos++;
      if (element.attributes.has(name)) this.#fail(`Attribute ${name} redefined`);
      if (attributes === undefined) {
        attributes = new Map();
        element.attributes = attributes;
      }
      attributes.set(name, value);
    }
  }

  #content(element: XmlElement): void {
    let children: XmlElement[] | undefined;
    for (;;) {
      const c = this.text[this.#pos];
      if (c === undefined) this.#prematureEnd();
      if (c === '<') {
        if (this.text.startsWith('</', this.#pos)) {
          this.#endTag(element);
          return;
        }
        if (this.text.startsWith('<!--', this.#pos)) this.#skipPast('-->', 'Comment not terminated');
        else if (this.text.startsWith('<![CDATA[', this.#pos)) {
          const at = this.text.indexOf(']]>', this.#pos);
          if (at < 0) this.#fail('CData section not finished');
          element.text += this.text.slice(this.#pos + 9, at);
          this.#pos = at + 3;
        } else if (this.text.startsWith('<?', this.#pos)) this.#skipPast('?>', 'ParsePI: PI never end ...');
        else if (children === undefined) {
          children = [this.#element()];
          element.children = children;
        } else children.push(this.#element());
      } else if (c === '&') {
        element.text += this.#reference();
      } else {
        const from = this.#pos;
        element.text += this.text.slice(from, this.#run(CHAR_DATA));
        if (this.text.startsWith(']]>', this.#pos)) this.#fail("Sequence ']]>' not allowed in content");
      }
    }
  }

  #endTag(element: XmlElement): void {
    this.#pos += 2;
    const name = this.#name('xmlParseEndTag: \'</\' not found');
    this.#skipSpaces();
    if (this.text[this.#pos] !== '>') this.#fail("expected '>'");
    this.#pos++;
    if (name !== element.name) this.#fail(`Opening and ending tag mismatch: ${element.name} line ${element.line} and ${name}`);
  }

  /** `&name;` or `&#n;` at the cursor, decoded. */
  #reference(): string {
    const semicolon = this.text.indexOf(';', this.#pos);
    const body = semicolon < 0 ? '' : this.text.slice(this.#pos + 1, semicolon);
    if (body.startsWith('#')) {
      const code = body.startsWith('#x') ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      this.#pos = semicolon + 1;
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) this.#fail(`xmlParseCharRef: invalid xmlChar value ${Number.isFinite(code) ? code : 0}`);
      return String.fromCodePoint(code);
    }
    if (semicolon < 0 || !/^[A-Za-z_:][\w:.-]*$/.test(body)) {
      this.#pos++;
      this.#run(NAME_CHARS);
      this.#fail("EntityRef: expecting ';'");
    }
    this.#pos = semicolon + 1;
    const value = PREDEFINED[body];
    if (value === undefined) this.#fail(`Entity '${body}' not defined`);
    return value;
  }

  #name(errorMessage: string): string {
    const start = this.#pos;
    if (!NAME_START.test(this.text[this.#pos] ?? '')) this.#fail(errorMessage);
    this.#run(NAME_CHARS);
    return this.text.slice(start, this.#pos);
  }

  #skipSpaces(): void {
    this.#run(SPACES);
  }

  /** Moves the cursor past what the sticky `pattern` matches there (possibly nothing); returns the new cursor. */
  #run(pattern: RegExp): number {
    pattern.lastIndex = this.#pos;
    if (pattern.test(this.text)) this.#pos = pattern.lastIndex;
    return this.#pos;
  }

  #prematureEnd(): never {
    const inner = this.#open[this.#open.length - 1];
    return this.#fail(inner ? `Premature end of data in tag ${inner.name} line ${inner.line}` : 'Document is empty');
  }

  // Lines are counted forward from the last offset asked about (offsets only grow while scanning),
  // so a document is walked once rather than from the start for every element.
  #countedTo = 0;
  #countedLines = 1;

  #lineAt(offset: number): number {
    if (offset < this.#countedTo) {
      this.#countedTo = 0;
      this.#countedLines = 1;
    }
    for (let i = this.text.indexOf('\n', this.#countedTo); i >= 0 && i < offset; i = this.text.indexOf('\n', i + 1)) this.#countedLines++;
    this.#countedTo = offset;
    return this.#countedLines;
  }

  #fail(message: string): never {
    const offset = Math.min(this.#pos, this.text.length);
    throw new XmlScanError(message, this.#lineAt(offset), offset);
  }
}

/**
 * libvirt's catchXMLError text for a libxml2 error: `<url>:<line>: <message>`, then the line the
 * cursor is on (trailing line ends skipped; "(null)" when empty) and a pointer of dashes (tabs kept)
 * up to the cursor.
 */
export function formatLibxmlError(url: string, error: XmlScanError, text: string): string {
  let cur = error.offset;
  while (cur > 0 && (text[cur] === '\n' || text[cur] === '\r')) cur--;
  while (cur > 0 && text[cur] !== '\n' && text[cur] !== '\r') cur--;
  if (text[cur] === '\n' || text[cur] === '\r') cur++;
  let end = cur;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  // libvirt prints the C NULL of an empty context buffer as "(null)".
  const context = end > cur ? text.slice(cur, end) : '(null)';

  let lineStart = error.offset;
  while (lineStart > 0 && text[lineStart] !== '\n' && text[lineStart] !== '\r') lineStart--;
  if (text[lineStart] === '\n' || text[lineStart] === '\r') lineStart++;
  const pointer = Array.from(text.slice(lineStart, error.offset), (ch) => (ch === '\t' ? '\t' : '-')).join('');
  return `${url}:${error.line}: ${error.libxmlMessage}\n${context}\n${pointer}^`;
}
