// Builds a small element tree from XML text with saxes: strict
// well-formedness, source offsets on every element and attribute (turned
// into line:column only when an error needs them), no DTD processing,
// bounded size and depth. Pure: no I/O.
import { SaxesParser } from 'saxes';
import { XmlFormatError } from '../errors/xml-format-error.js';

/** 1-based line and column of the first character of an element or attribute. */
export interface XmlPosition {
  line: number;
  column: number;
}

export interface XmlElement {
  name: string;
  /** Attribute values by name, in document order (a null-prototype object from saxes). */
  attributes: Readonly<Record<string, string>>;
  children: XmlElement[];
  /** Concatenated character data (text and CDATA) directly inside this element. */
  text: string;
  /** String index of the start tag's '<'. */
  offset: number;
  /** String index where the content starts (after the start tag). */
  textOffset: number;
  parent: XmlElement | undefined;
  /** Set by readers: this element was read. */
  read?: boolean;
  /** Set by readers: the attributes that were read. */
  readAttributes?: Set<string>;
}

export interface XmlTreeLimits {
  /** Longest input accepted, in UTF-16 code units. */
  maxLength: number;
  /** Deepest element nesting accepted. */
  maxDepth: number;
}

// Real domain documents are a few KiB; 4 MiB leaves room for thousands of devices.
export const DEFAULT_XML_TREE_LIMITS: XmlTreeLimits = { maxLength: 4 * 1024 * 1024, maxDepth: 64 };

const NO_CHILDREN: XmlElement[] = Object.freeze([]) as unknown as XmlElement[];

/** The parser left by the last parse that succeeded, for the next one. */
let spareBuilder: TreeBuilder | undefined;


/** Parses `xml` into its root element, or throws XmlFormatError (code XML_ERROR) naming line:column. */
export function parseXmlTree(xml: string, limits: XmlTreeLimits = DEFAULT_XML_TREE_LIMITS): XmlElement {
  if (typeof xml !== 'string') {
    throw new XmlFormatError({ code: 'INVALID_ARG', reason: 'domain XML must be a string', value: String(xml) });
  }
  if (xml.length > limits.maxLength) {
    throw new XmlFormatError({
      code: 'XML_ERROR',
      reason: `XML document is ${xml.length} characters, over the limit of ${limits.maxLength}`,
    });
  }
  // One saxes parser serves parse after parse (end() resets it): building one per document was a
  // tenth of the parse for small documents, as when a node file holds a thousand domains. A parse
  // that throws leaves its parser mid-document, so it is not handed back.
  const builder = spareBuilder ?? new TreeBuilder();
  spareBuilder = undefined;
  const root = builder.parse(xml, limits);
  spareBuilder = builder;
  return root;
}

/** A saxes parser with handlers that build the tree of the document being parsed. */
class TreeBuilder {
  readonly #parser = new SaxesParser<{ position: true; xmlns: false }>({ position: true, xmlns: false });
  #xml = '';
  #limits = DEFAULT_XML_TREE_LIMITS;
  #root: XmlElement | undefined;
  #current: XmlElement | undefined;
  #depth = 0;

  constructor() {
    const parser = this.#parser;
    parser.on('error', (error) => {
      // saxes prefixes "line:column: "; the position goes into our own fields.
      this.#fail(`XML is not well formed: ${error.message.replace(/^\d+:\d+: /, '')}`);
    });
    parser.on('doctype', (doctype) => {
      // An internal subset is where entities live (XXE, billion laughs): refuse it.
      // A bare <!DOCTYPE domain> or an external id (never fetched) is harmless.
      if (doctype.includes('[')) this.#fail('DOCTYPE with an internal subset (entity declarations) is not accepted');
    });
    parser.on('opentag', (tag) => {
      // saxes reports an element after its start tag; attribute values cannot
      // hold a raw '<', so the last one before here opened this tag.
      const tagOffset = this.#xml.lastIndexOf('<', parser.position - 1);
      this.#depth += 1;
      if (this.#depth > this.#limits.maxDepth) this.#fail(`elements nested deeper than ${this.#limits.maxDepth}`, tagOffset);
      const current = this.#current;
      // A shared empty children list for leaves: fewer objects outliving the
      // parse keeps big documents cheap to collect.
      const element: XmlElement = {
        name: tag.name,
        attributes: tag.attributes,
        children: NO_CHILDREN,
        text: '',
        offset: tagOffset,
        textOffset: parser.position,
        parent: current,
      };
      if (current === undefined) this.#root = element;
      else if (current.children === NO_CHILDREN) current.children = [element];
      else current.children.push(element);
      this.#current = element;
    });
    parser.on('closetag', () => {
      this.#depth -= 1;
      this.#current = this.#current?.parent;
    });
    const addText = (text: string): void => {
      if (this.#current !== undefined) this.#current.text += text;
    };
    parser.on('text', addText);
    parser.on('cdata', addText);
  }

  parse(xml: string, limits: XmlTreeLimits): XmlElement {
    this.#xml = xml;
    this.#limits = limits;
    this.#root = undefined;
    this.#current = undefined;
    this.#depth = 0;
    this.#parser.write(xml).close();
    const root = this.#root;
    // Nothing of this document stays reachable from the spare builder.
    this.#xml = '';
    this.#root = undefined;
    this.#current = undefined;
    if (root === undefined) this.#fail('XML document has no root element');
    return root as XmlElement;
  }

  #fail(reason: string, offset?: number): never {
    const parser = this.#parser;
    const at = offset === undefined ? { line: parser.line, column: parser.column + 1 } : locate(this.#xml, offset);
    throw new XmlFormatError({ code: 'XML_ERROR', reason, line: at.line, column: at.column });
  }
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
