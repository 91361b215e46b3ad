// Builds a small element tree from XML text with saxes: strict
// well-formedness, 1-based positions on every element and attribute, no DTD
// processing, bounded size and depth. Pure: no I/O.
import { SaxesParser } from 'saxes';
import { XmlFormatError } from '../errors/xml-format-error.js';

/** 1-based line and column of the first character of an element or attribute. */
export interface XmlPosition {
  line: number;
  column: number;
}

export interface XmlAttribute {
  value: string;
  position: XmlPosition;
}

export interface XmlElement {
  name: string;
  attributes: Map<string, XmlAttribute>;
  children: XmlElement[];
  /** Concatenated character data (text and CDATA) directly inside this element. */
  text: string;
  position: XmlPosition;
  /** Where the text content starts (after the start tag). */
  textPosition: XmlPosition;
  parent: XmlElement | undefined;
  /** 1-based rank among the parent's children of the same name. */
  sameNameIndex: number;
  /** How many children of each name this element has. */
  childNameCounts: Map<string, number>;
}

export interface XmlTreeLimits {
  /** Longest input accepted, in UTF-16 code units. */
  maxLength: number;
  /** Deepest element nesting accepted. */
  maxDepth: number;
}

export const DEFAULT_XML_TREE_LIMITS: XmlTreeLimits = { maxLength: 16 * 1024 * 1024, maxDepth: 64 };

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
  const parser = new SaxesParser({ position: true });
  let root: XmlElement | undefined;
  let current: XmlElement | undefined;
  let depth = 0;
  // saxes reports an element after its start tag; this is where '<' was.
  let tagStart: XmlPosition = { line: 1, column: 1 };
  const here = (): XmlPosition => ({ line: parser.line, column: parser.column + 1 });
  const fail = (reason: string, at: XmlPosition = here(), path?: string): never => {
    throw new XmlFormatError({ code: 'XML_ERROR', reason, line: at.line, column: at.column, path });
  };

  parser.on('error', (error) => {
    // saxes prefixes "line:column: "; the position goes into our own fields.
    fail(`XML is not well formed: ${error.message.replace(/^\d+:\d+: /, '')}`);
  });
  parser.on('doctype', (doctype) => {
    // An internal subset is where entities live (XXE, billion laughs): refuse it.
    // A bare <!DOCTYPE domain> or an external id (never fetched) is harmless.
    if (doctype.includes('[')) fail('DOCTYPE with an internal subset (entity declarations) is not accepted');
  });
  parser.on('opentagstart', (tag) => {
    // The parser has consumed "<name" and the character after it; step back to the '<'.
    const index = xml.lastIndexOf(`<${tag.name}`, parser.position - 1);
    tagStart = positionBack(xml, index, parser.position, here());
  });
  // Attributes arrive one by one before their 'opentag'.
  const pendingAttributes = new Map<string, XmlAttribute>();
  parser.on('attribute', (attribute) => {
    pendingAttributes.set(attribute.name, { value: attribute.value, position: attributeStart(xml, parser.position, here()) });
  });
  parser.on('opentag', (tag) => {
    depth += 1;
    if (depth > limits.maxDepth) fail(`elements nested deeper than ${limits.maxDepth}`, tagStart);
    const sameNameIndex = (current?.childNameCounts.get(tag.name) ?? 0) + 1;
    current?.childNameCounts.set(tag.name, sameNameIndex);
    const element: XmlElement = {
      name: tag.name,
      attributes: new Map(pendingAttributes),
      children: [],
      text: '',
      position: tagStart,
      textPosition: here(),
      parent: current,
      sameNameIndex,
      childNameCounts: new Map(),
    };
    pendingAttributes.clear();
    if (current === undefined) root = element;
    else current.children.push(element);
    current = element;
  });
  parser.on('closetag', () => {
    depth -= 1;
    current = current?.parent;
  });
  const addText = (text: string): void => {
    if (current !== undefined) current.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);

  parser.write(xml).close();
  if (root === undefined) fail('XML document has no root element');
  return root as XmlElement;
}

// saxes reports an attribute after its closing quote (at `end`, string index
// `endIndex`); walk back over the value, '=' and the name to where it starts.
function attributeStart(xml: string, endIndex: number, end: XmlPosition): XmlPosition {
  const quote = xml[endIndex - 1];
  const openQuote = quote === '"' || quote === "'" ? xml.lastIndexOf(quote, endIndex - 2) : endIndex;
  let index = xml.lastIndexOf('=', openQuote) - 1;
  while (index > 0 && /\s/.test(xml[index] ?? '')) index -= 1;
  while (index > 0 && !/[\s<]/.test(xml[index - 1] ?? '')) index -= 1;
  return positionBack(xml, index, endIndex, end);
}

// The position of string index `index`, knowing that `endIndex` is at `end`.
function positionBack(xml: string, index: number, endIndex: number, end: XmlPosition): XmlPosition {
  if (index < 0 || index > endIndex) return end;
  const skipped = xml.slice(index, endIndex);
  const newlines = skipped.split('\n').length - 1;
  if (newlines === 0) return { line: end.line, column: end.column - skipped.length };
  const lineStart = xml.lastIndexOf('\n', index - 1) + 1;
  return { line: end.line - newlines, column: index - lineStart + 1 };
}
