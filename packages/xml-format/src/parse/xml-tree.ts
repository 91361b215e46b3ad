// XML text -> a small element tree, in one non-recursive pass that checks well-formedness the
// way libxml2 2.9 does and words its errors the same (libvirt parses with libxml2, and its
// messages quote libxml2's). Offsets on every element; line numbers only computed for errors.
// Limits as libxml2's: 256 open elements, 10,000,000-character text runs and attribute values.
// No DTD: a bare DOCTYPE is skipped, an internal subset (entity declarations) refused. Pure.
import { XmlFormatError, type XmlFormatReason } from '../errors/xml-format-error.js';
import { BYTE_ESCAPE_BASE, bytesAt } from './decode-xml-bytes.js';
import { XmlAttributes } from './xml-attributes.js';

export interface XmlElement {
  name: string;
  /** Attribute values by name, in document order. */
  attributes: XmlAttributes;
  children: XmlElement[];
  /** Concatenated character data (text, CDATA, references) directly inside this element. */
  text: string;
  /** String index of the start tag's '<'. */
  offset: number;
  /** String index where the content starts (after the start tag). */
  textOffset: number;
  /** String index just past the element (its end tag, or the `/>` of an empty one). */
  end: number;
  parent: XmlElement | undefined;
  /** Set by readers: this element was read. */
  read?: boolean;
  /** Set by readers: the attributes that were read. */
  readAttributes?: Set<string>;
}

export interface XmlTreeLimits {
  /** Longest input accepted, in UTF-16 code units (not a libxml2 limit). */
  maxLength: number;
  /** Most elements open around a new one (libxml2's xmlParserMaxDepth, 256). */
  maxDepth: number;
  /** Longest text run (libxml2's XML_MAX_TEXT_LENGTH, 10,000,000, where it reads a file in chunks). */
  maxTextLength: number;
  /** Longest attribute value (libxml2's XML_MAX_TEXT_LENGTH again, also for text in memory). */
  maxAttributeLength: number;
}

/** 1-based line and column of a string index. */
export interface XmlPosition {
  line: number;
  column: number;
}

// Real domain documents are a few KiB; 4 MiB leaves room for thousands of devices.
export const DEFAULT_XML_TREE_LIMITS: XmlTreeLimits = { maxLength: 4 * 1024 * 1024, maxDepth: 256, maxTextLength: 10_000_000, maxAttributeLength: 10_000_000 };

const NO_CHILDREN: XmlElement[] = Object.freeze([]) as unknown as XmlElement[];
const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = { __proto__: null, lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as never;

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const EQUALS = 0x3d;
const BRACKET = 0x5d;
const CR = 0x0d;

/** Parses `xml` into its root element, or throws XmlFormatError (code XML_ERROR) with libxml2's words and cursor. */
export function parseXmlTree(xml: string, limits: XmlTreeLimits = DEFAULT_XML_TREE_LIMITS): XmlElement {
  if (typeof xml !== 'string') {
    throw new XmlFormatError({ code: 'INVALID_ARG', reason: 'BAD_ARGUMENT', detail: 'XML must be a string', value: String(xml) });
  }
  if (xml.length > limits.maxLength) {
    throw new XmlFormatError({
      code: 'XML_ERROR',
      reason: 'TOO_LONG',
      detail: `XML document is ${xml.length} characters, over the limit of ${limits.maxLength}`,
    });
  }
  return new TreeParser(xml, limits).document();
}

class TreeParser {
  #pos = 0;
  /**
   * libxml2's input ends at the first NUL: nothing after one is read. It also ends at the first
   * lone surrogate (a byte that was not UTF-8, or a character UTF-16 cannot carry to libvirt):
   * libxml2 stops where it meets one, so whatever fails from there is reported as that character.
   */
  readonly #end: number;
  /** String index of the first lone surrogate before any NUL, or -1. */
  #badCharAt: number;

  constructor(
    private readonly xml: string,
    private readonly limits: XmlTreeLimits,
  ) {
    const nul = xml.indexOf('\0');
    const end = nul < 0 ? xml.length : nul;
    const bad = xml.search(LONE_SURROGATE);
    this.#badCharAt = bad >= 0 && bad < end ? bad : -1;
    this.#end = this.#badCharAt >= 0 ? this.#badCharAt : end;
  }

  document(): XmlElement {
    const xml = this.xml;
    if (this.#end === 0 && this.#badCharAt !== 0) this.#fail('EMPTY_DOCUMENT', 'Document is empty');
    if (xml.charCodeAt(0) === 0xfeff) this.#pos = 1;
    if (xml.startsWith('<?xml', this.#pos) && isBlank(xml.charCodeAt(this.#pos + 5))) this.#xmlDeclaration();
    this.#misc(true);
    if (this.#pos >= this.#end || xml.charCodeAt(this.#pos) !== LT) this.#fail('START_TAG_EXPECTED', "Start tag expected, '<' not found");
    const root = this.#elements();
    this.#misc(false);
    if (this.#pos < this.#end || this.#badCharAt >= 0) this.#fail('EXTRA_CONTENT', 'Extra content at the end of the document');
    return root;
  }

  /** `<?xml ...?>`: only its end matters here (libxml2 checks version and encoding; we read UTF-16 text). */
  #xmlDeclaration(): void {
    const close = this.xml.indexOf('?>', this.#pos);
    if (close < 0 || close > this.#end) {
      this.#pos = this.#end;
      this.#fail('UNTERMINATED', 'Blank needed here');
    }
    this.#pos = close + 2;
  }

  /** Whitespace, comments and processing instructions before or after the root (and a DOCTYPE before it). */
  #misc(prolog: boolean): void {
    const xml = this.xml;
    for (;;) {
      this.#skipBlanks();
      if (xml.charCodeAt(this.#pos) !== LT || this.#pos >= this.#end) return;
      const next = xml.charCodeAt(this.#pos + 1);
      if (next === QUESTION) this.#processingInstruction();
      else if (xml.startsWith('<!--', this.#pos)) this.#comment();
      else if (prolog && xml.startsWith('<!DOCTYPE', this.#pos)) this.#doctype();
      else return;
    }
  }

  /**
   * The root element and everything in it, with an explicit stack of open elements (each one's
   * parent), so no nesting depth can exhaust the JavaScript stack.
   */
  #elements(): XmlElement {
    const xml = this.xml;
    const end = this.#end;
    const maxDepth = this.limits.maxDepth;
    const root = this.#startTag(undefined);
    let current: XmlElement | undefined = root.end < 0 ? root : undefined;
    if (current === undefined) return root;
    let depth = 1;
    let runStart = -1;
    let runLength = 0;
    while (current !== undefined) {
      const pos = this.#pos;
      if (pos >= end) this.#prematureEnd(current);
      const c = xml.charCodeAt(pos);
      if (c === LT) {
        runStart = -1;
        const next = xml.charCodeAt(pos + 1);
        if (next === SLASH) {
          this.#endTag(current);
          depth -= 1;
          current = current.parent;
        } else if (next === BANG) {
          if (xml.startsWith('<!--', pos)) this.#comment();
          else if (xml.startsWith('<![CDATA[', pos)) current.text += this.#cdata();
          else this.#fail('INVALID_ELEMENT_NAME', 'StartTag: invalid element name', pos + 1);
        } else if (next === QUESTION) {
          this.#processingInstruction();
        } else {
          // libxml2 refuses a start tag while more than xmlParserMaxDepth elements are open.
          if (depth > maxDepth) {
            this.#fail('TOO_DEEP', `Excessive depth in document: ${maxDepth} use XML_PARSE_HUGE option`);
          }
          const child = this.#startTag(current);
          if (child.end < 0) {
            current = child;
            depth += 1;
          }
        }
      } else {
        if (runStart < 0) {
          runStart = pos;
          runLength = 0;
        }
        const text = c === AMP ? this.#reference() : this.#charData();
        runLength += text.length;
        if (runLength > this.limits.maxTextLength) {
          this.#fail('HUGE_TEXT_NODE', 'xmlSAX2Characters: huge text node', runStart + this.limits.maxTextLength);
        }
        current.text += text;
      }
    }
    return root;
  }

  /** `<name attr='value'...>` or `.../>` at the cursor; the element's `end` stays -1 while it is open. */
  #startTag(parent: XmlElement | undefined): XmlElement {
    const xml = this.xml;
    const offset = this.#pos;
    this.#pos += 1;
    const name = this.#name();
    if (name === undefined) this.#fail('INVALID_ELEMENT_NAME', 'StartTag: invalid element name');
    const element: XmlElement = { name, attributes: XmlAttributes.EMPTY, children: NO_CHILDREN, text: '', offset, textOffset: -1, end: -1, parent };
    if (parent !== undefined) {
      if (parent.children === NO_CHILDREN) parent.children = [element];
      else parent.children.push(element);
    }
    this.#skipBlanks();
    let attributes: string[] | undefined;
    // Duplicates are found by scanning the pairs; past a few attributes, by a set.
    let seen: Set<string> | undefined;
    for (;;) {
      const c = xml.charCodeAt(this.#pos);
      if (c === GT) {
        this.#pos += 1;
        element.textOffset = this.#pos;
        return element;
      }
      if (c === SLASH && xml.charCodeAt(this.#pos + 1) === GT) {
        this.#pos += 2;
        element.textOffset = this.#pos;
        element.end = this.#pos;
        return element;
      }
      if (this.#pos >= this.#end || !isByteChar(c)) {
        this.#fail('START_TAG_UNFINISHED', `Couldn't find end of Start Tag ${name} line ${this.#lineAt(offset)}`);
      }
      const attribute = this.#name();
      if (attribute === undefined) this.#fail('ATTRIBUTE_NAME', 'error parsing attribute name');
      this.#skipBlanks();
      if (xml.charCodeAt(this.#pos) !== EQUALS) this.#fail('ATTRIBUTE_WITHOUT_VALUE', `Specification mandates value for attribute ${attribute}`);
      this.#pos += 1;
      this.#skipBlanks();
      const value = this.#attributeValue();
      if (attributes === undefined) {
        attributes = [attribute, value];
        element.attributes = new XmlAttributes(attributes);
      } else {
        if (attributes.length === 16) seen = new Set(attributes.filter((_, i) => i % 2 === 0));
        if (seen === undefined ? hasName(attributes, attribute) : seen.has(attribute)) {
          this.#fail('ATTRIBUTE_REDEFINED', `Attribute ${attribute} redefined`);
        }
        seen?.add(attribute);
        attributes.push(attribute, value);
      }
      const after = xml.charCodeAt(this.#pos);
      if (after === GT || (after === SLASH && xml.charCodeAt(this.#pos + 1) === GT)) continue;
      if (this.#skipBlanks() === 0) this.#fail('START_TAG_UNFINISHED', 'attributes construct error');
    }
  }

  /** `'...'` or `"..."` at the cursor: references decoded, TAB/CR/LF as spaces (attribute-value normalisation). */
  #attributeValue(): string {
    const xml = this.xml;
    const quote = xml.charCodeAt(this.#pos);
    if (quote !== 0x22 && quote !== 0x27) this.#fail('ATTRIBUTE_VALUE_UNQUOTED', 'AttValue: " or \' expected');
    const start = this.#pos + 1;
    let pos = start;
    const end = this.#end;
    // The common case: a run of plain characters up to the closing quote.
    for (;;) {
      const c = xml.charCodeAt(pos);
      if (c === quote || !(c < 128 ? CHAR_CLASS[c] === PLAIN : c < 0xfffe && pos < end)) break;
      pos += 1;
    }
    let value = xml.slice(start, pos);
    for (;;) {
      if (pos - start > this.limits.maxAttributeLength) this.#fail('ATTRIBUTE_TOO_LONG', 'AttValue length too long', start);
      const c = xml.charCodeAt(pos);
      if (c === quote) break;
      this.#pos = pos;
      if (pos >= this.#end) {
        if (pos < xml.length) this.#fail('INVALID_CHARACTER', 'Char 0x0 out of allowed range');
        this.#fail('ATTRIBUTE_VALUE_UNQUOTED', `AttValue: ${String.fromCharCode(quote)} expected`);
      }
      if (c === LT) this.#fail('ATTRIBUTE_VALUE_LT', "Unescaped '<' not allowed in attributes values");
      if (c === AMP) {
        value += this.#reference();
        pos = this.#pos;
      } else if (c === 0x09 || c === 0x0a || c === CR) {
        value += ' ';
        // CR LF is one line end, normalised to one space.
        pos += c === CR && xml.charCodeAt(pos + 1) === 0x0a ? 2 : 1;
      } else if (c < 0x20 || c === 0xfffe || c === 0xffff) {
        this.#fail('INVALID_CHARACTER', 'invalid character in attribute value');
      } else {
        value += xml[pos];
        pos += 1;
      }
    }
    if (pos - start > this.limits.maxAttributeLength) this.#fail('ATTRIBUTE_TOO_LONG', 'AttValue length too long', start);
    this.#pos = pos + 1;
    return value;
  }

  /** `</name>` closing `element`. */
  #endTag(element: XmlElement): void {
    const xml = this.xml;
    this.#pos += 2;
    const name = this.#name();
    this.#skipBlanks();
    if (xml.charCodeAt(this.#pos) !== GT || this.#pos >= this.#end) this.#fail('END_TAG_MALFORMED', "expected '>'");
    this.#pos += 1;
    if (name !== element.name) {
      this.#fail('TAG_MISMATCH', `Opening and ending tag mismatch: ${element.name} line ${this.#lineAt(element.offset)} and ${name ?? 'unparsable'}`);
    }
    element.end = this.#pos;
  }

  /** Character data up to markup or a reference: line ends normalised, characters XML forbids refused. */
  #charData(): string {
    const xml = this.xml;
    const start = this.#pos;
    let pos = start;
    const end = this.#end;
    for (;;) {
      const c = xml.charCodeAt(pos);
      if (!(c < 128 ? CHAR_CLASS[c] === PLAIN || c === 0x0a || c === 0x09 : c < 0xfffe && pos < end)) break;
      pos += 1;
    }
    let text = xml.slice(start, pos);
    for (;;) {
      const c = xml.charCodeAt(pos);
      this.#pos = pos;
      if (pos >= this.#end || c === LT || c === AMP) return text;
      if (c === BRACKET) {
        if (xml.startsWith(']]>', pos)) this.#fail('CDATA_END_IN_CONTENT', "Sequence ']]>' not allowed in content");
        text += ']';
        pos += 1;
      } else if (c === CR) {
        text += '\n';
        pos += xml.charCodeAt(pos + 1) === 0x0a ? 2 : 1;
      } else if (c < 0x20 && c !== 0x09 && c !== 0x0a) {
        this.#fail('INVALID_CHARACTER', `PCDATA invalid Char value ${c}`);
      } else if (c === 0xfffe || c === 0xffff) {
        this.#fail('INVALID_CHARACTER', `Char 0x${c.toString(16).toUpperCase()} out of allowed range`);
      } else {
        // Back to the plain run.
        const from = pos;
        for (;;) {
          const d = xml.charCodeAt(pos);
          if (!(d < 128 ? CHAR_CLASS[d] === PLAIN || d === 0x0a || d === 0x09 : d < 0xfffe && pos < end)) break;
          pos += 1;
        }
        text += xml.slice(from, pos);
      }
    }
  }

  /** `&name;` or `&#n;` / `&#xh;` at the cursor, decoded. */
  #reference(): string {
    const xml = this.xml;
    const start = this.#pos;
    if (xml.charCodeAt(start + 1) === 0x23) return this.#characterReference();
    this.#pos = start + 1;
    const name = this.#name();
    if (name === undefined) this.#fail('ENTITY_REFERENCE', 'xmlParseEntityRef: no name');
    if (xml.charCodeAt(this.#pos) !== 0x3b) this.#fail('ENTITY_REFERENCE', "EntityRef: expecting ';'");
    this.#pos += 1;
    const value = PREDEFINED_ENTITIES[name];
    if (value === undefined) this.#fail('ENTITY_REFERENCE', `Entity '${name}' not defined`);
    return value;
  }

  #characterReference(): string {
    const xml = this.xml;
    const hex = xml.charCodeAt(this.#pos + 2) === 0x78;
    let pos = this.#pos + (hex ? 3 : 2);
    let code = 0;
    let digits = 0;
    for (;; pos += 1) {
      const c = xml.charCodeAt(pos);
      const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : hex && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1;
      if (digit < 0) break;
      // libxml2 stops counting past 0x110000 and reports the reference as out of bounds.
      code = Math.min(code * (hex ? 16 : 10) + digit, 0x110000);
      digits += 1;
    }
    this.#pos = pos;
    if (xml.charCodeAt(pos) !== 0x3b) {
      this.#fail('CHARACTER_REFERENCE', hex ? 'CharRef: invalid hexadecimal value' : 'CharRef: invalid decimal value');
    }
    this.#pos = pos + 1;
    if (code >= 0x110000) this.#fail('CHARACTER_REFERENCE', 'xmlParseCharRef: character reference out of bounds');
    if (digits === 0 || !isXmlChar(code)) this.#fail('CHARACTER_REFERENCE', `xmlParseCharRef: invalid xmlChar value ${code}`);
    return String.fromCodePoint(code);
  }

  /** `<![CDATA[...]]>` at the cursor; its text. */
  #cdata(): string {
    const start = this.#pos + 9;
    const close = this.xml.indexOf(']]>', start);
    if (close < 0 || close > this.#end) {
      this.#pos = this.#end;
      // libxml2 2.9 raises this error without a message of its own.
      this.#fail('UNTERMINATED', 'Unregistered error message');
    }
    this.#pos = close + 3;
    return this.xml.slice(start, close).replace(/\r\n?/g, '\n');
  }

  /** `<!--...-->` at the cursor: skipped, with libxml2's checks. */
  #comment(): void {
    const xml = this.xml;
    const start = this.#pos + 4;
    const close = xml.indexOf('-->', start);
    const stop = close < 0 || close > this.#end ? this.#end : close;
    const doubleHyphen = xml.indexOf('--', start);
    if (doubleHyphen >= 0 && doubleHyphen < stop) {
      this.#pos = doubleHyphen;
      this.#fail('UNTERMINATED', `Double hyphen within comment: <!--${xml.slice(start, Math.min(doubleHyphen, start + 50))}`);
    }
    for (let pos = start; pos < stop; pos += 1) {
      const c = xml.charCodeAt(pos);
      if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== CR) || c === 0xfffe || c === 0xffff) {
        this.#pos = pos;
        this.#fail('INVALID_CHARACTER', `xmlParseComment: invalid xmlChar value ${c}`);
      }
    }
    if (stop !== close) {
      this.#pos = this.#end;
      this.#fail('UNTERMINATED', 'Comment not terminated');
    }
    this.#pos = close + 3;
  }

  /** `<?target ...?>` at the cursor: skipped. */
  #processingInstruction(): void {
    this.#pos += 2;
    const target = this.#name() ?? '';
    if (target.toLowerCase() === 'xml') {
      this.#fail('UNTERMINATED', 'XML declaration allowed only at the start of the document');
    }
    const close = this.xml.indexOf('?>', this.#pos);
    if (close < 0 || close > this.#end) {
      this.#pos = this.#end;
      this.#fail('UNTERMINATED', `ParsePI: PI ${target} never end ...`);
    }
    this.#pos = close + 2;
  }

  /** `<!DOCTYPE name ...>`: skipped when bare, refused with an internal subset. */
  #doctype(): void {
    const close = this.xml.indexOf('>', this.#pos);
    const bracket = this.xml.indexOf('[', this.#pos);
    if (bracket >= 0 && (close < 0 || bracket < close)) {
      this.#fail('DOCTYPE_SUBSET', 'DOCTYPE with an internal subset (entity declarations) is not accepted');
    }
    if (close < 0 || close > this.#end) {
      this.#pos = this.#end;
      this.#fail('UNTERMINATED', 'DOCTYPE improperly terminated');
    }
    this.#pos = close + 1;
  }

  /** A name at the cursor (moved past it), or undefined (cursor unmoved) when none starts there. */
  #name(): string | undefined {
    const xml = this.xml;
    const start = this.#pos;
    if (start >= this.#end || !isNameStart(xml.charCodeAt(start))) return undefined;
    let pos = start + 1;
    while (pos < this.#end && isNameChar(xml.charCodeAt(pos))) pos += 1;
    this.#pos = pos;
    return xml.slice(start, pos);
  }

  /** Moves past spaces, tabs and line ends; returns how many. */
  #skipBlanks(): number {
    const xml = this.xml;
    const start = this.#pos;
    let pos = start;
    while (isBlank(xml.charCodeAt(pos))) pos += 1;
    this.#pos = pos;
    return pos - start;
  }

  #prematureEnd(open: XmlElement): never {
    return this.#fail('PREMATURE_END', `Premature end of data in tag ${open.name} line ${this.#lineAt(open.offset)}`);
  }

  /** libxml2's error for the first lone surrogate: a byte that is not UTF-8, or a surrogate it decoded. */
  #badCharacter(): never {
    const at = this.#badCharAt;
    const unit = this.xml.charCodeAt(at);
    this.#badCharAt = -1;
    if (unit >= BYTE_ESCAPE_BASE + 0x80 && unit <= BYTE_ESCAPE_BASE + 0xff) {
      const bytes = bytesAt(this.xml, at, 4).map((byte) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`);
      this.#fail('NOT_UTF8', `Input is not proper UTF-8, indicate encoding !\nBytes: ${bytes.join(' ')}`, at);
    }
    this.#fail('INVALID_CHARACTER', `Char 0x${unit.toString(16).toUpperCase()} out of allowed range`, at);
  }

  /** libxml2 counts LF only: a lone CR does not start a line for it. */
  #lineAt(offset: number): number {
    let line = 1;
    for (let at = this.xml.indexOf('\n'); at >= 0 && at < offset; at = this.xml.indexOf('\n', at + 1)) line += 1;
    return line;
  }

  #fail(reason: XmlFormatReason, detail: string, offset = this.#pos): never {
    // Before and after the root element libxml2 tests the byte for '<' without decoding it.
    if (this.#badCharAt >= 0 && offset >= this.#badCharAt && reason !== 'EXTRA_CONTENT' && reason !== 'START_TAG_EXPECTED') this.#badCharacter();
    const at = Math.min(offset, this.xml.length);
    const line = this.#lineAt(at);
    // The column counts from the last LF or CR, as libvirt's context line does.
    const lineStart = at === 0 ? 0 : Math.max(this.xml.lastIndexOf('\n', at - 1), this.xml.lastIndexOf('\r', at - 1)) + 1;
    throw new XmlFormatError({ code: 'XML_ERROR', reason, detail, line, column: at - lineStart + 1, offset: at });
  }
}

const PLAIN = 1;

/** A UTF-16 surrogate without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Character classes of XML 1.0 (fifth edition) as libxml2 2.9 applies them, for the hot loops above:
// a table for ASCII, ranges above it. Kept in this module: under vitest, an imported binding is a
// getter call on every use, which doubled the cost of these loops in the benchmark.
/** CHAR_CLASS[c] for c < 128: 1 where c may stand in a plain run of text or an attribute value. */
const CHAR_CLASS: Uint8Array = (() => {
  const table = new Uint8Array(128);
  for (let c = 0x20; c < 128; c += 1) table[c] = 1;
  for (const c of '<&]') table[c.charCodeAt(0)] = 0;
  return table;
})();

const NAME_START = new Uint8Array(128);
const NAME_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c += 1) {
  const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x3a;
  NAME_START[c] = letter ? 1 : 0;
  NAME_CHAR[c] = letter || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e ? 1 : 0;
}

/** NameStartChar; UTF-16 surrogates count as name characters (libxml2 accepts planes 1-14). */
function isNameStart(c: number): boolean {
  if (c < 128) return NAME_START[c] === 1;
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    c === 0x200c ||
    c === 0x200d ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xdfff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd)
  );
}

/** NameChar: NameStartChar, digits, '-', '.', U+00B7 and the combining ranges. */
function isNameChar(c: number): boolean {
  if (c < 128) return NAME_CHAR[c] === 1;
  return isNameStart(c) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040;
}

/** Whether `name` is among the names (even indexes) of name/value `pairs`. */
function hasName(pairs: readonly string[], name: string): boolean {
  for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === name) return true;
  return false;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === CR;
}

/** libxml2's IS_BYTE_CHAR: what may stand in a start tag before it looks for its end. */
function isByteChar(c: number): boolean {
  return c >= 0x20 || c === 0x09 || c === 0x0a || c === CR;
}

/** XML 1.0's Char production. */
function isXmlChar(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === CR;
  return code <= 0xd7ff || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** 1-based line and column of string index `offset` (CRLF, CR and LF each end a line, as in XML). */
export function locate(xml: string, offset: number): XmlPosition {
  const before = xml.slice(0, Math.max(0, offset));
  const lineBreaks = before.match(/\r\n?|\n/g)?.length ?? 0;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line: lineBreaks + 1, column: before.length - lineStart + 1 };
}

/**
 * Where attribute `name` of the element whose start tag begins at
 * `elementOffset` starts: walks the (well-formed) start tag attribute by attribute.
 */
export function attributeOffset(xml: string, elementOffset: number, name: string): number {
  const isSpace = (char: string | undefined): boolean => char === ' ' || char === '\t' || char === '\n' || char === '\r';
  let index = elementOffset + 1;
  while (index < xml.length && !isSpace(xml[index]) && xml[index] !== '>' && xml[index] !== '/') index += 1;
  for (;;) {
    while (isSpace(xml[index])) index += 1;
    const nameStart = index;
    const equals = xml.indexOf('=', index);
    if (equals === -1 || xml[index] === '>' || xml[index] === '/') return elementOffset;
    if (xml.slice(nameStart, equals).trim() === name) return nameStart;
    const quoteAt = xml.slice(equals + 1).search(/['"]/) + equals + 1;
    const closing = xml.indexOf(xml[quoteAt] ?? '"', quoteAt + 1);
    if (closing === -1) return elementOffset;
    index = closing + 1;
  }
}
