import { XmlFormatError } from '../errors/xml-format-error.js';
import type { DomainConfig } from '../model/domain.js';
import { ElementReader, ReadTracker } from './element-reader.js';
import { readDomain } from './read-domain.js';
import { DEFAULT_XML_TREE_LIMITS, parseXmlTree, type XmlElement, type XmlTreeLimits } from './xml-tree.js';

export interface ParseXmlTreeOptions {
  /** Longest document accepted, in characters (default 4 Mi; libxml2 has no such limit). */
  maxLength?: number;
  /** Most elements open around a new one (default 256, libxml2's: 257 levels pass, 258 do not). */
  maxDepth?: number;
  /** Longest text run, in characters (default 10,000,000: libxml2's, where it reads a file in chunks). */
  maxTextLength?: number;
  /** Longest attribute value, in characters (default 10,000,000, libxml2's). */
  maxAttributeLength?: number;
}

export interface ReadDomainOptions {
  /**
   * Report unknown elements and attributes (code CONFIG_UNSUPPORTED) instead
   * of ignoring them as libvirt does.
   */
  strict?: boolean;
}

export interface ParseDomainXmlOptions extends ParseXmlTreeOptions, ReadDomainOptions {}

/**
 * Parses a `<domain>` document into a complete DomainConfig, with libvirt's
 * defaults filled in. Throws XmlFormatError (with code, reason, element path,
 * line:column and offending value) for anything malformed or invalid.
 */
export function parseDomainXml(xml: string, options: ParseDomainXmlOptions = {}): DomainConfig {
  return readDomainElement(parseXml(xml, options), xml, options);
}

/**
 * Checks that `xml` is well-formed XML, as libxml2 does and in its words (XmlFormatError code
 * XML_ERROR, `reason` saying which check failed, `offset` where libxml2's cursor stopped), and
 * returns its root element.
 */
export function parseXml(xml: string, options: ParseXmlTreeOptions = {}): XmlElement {
  return parseXmlTree(xml, treeLimits(options));
}

/**
 * Reads a `<domain>` element of a tree from parseXml into a DomainConfig. `source` is the text
 * the tree was parsed from (errors give line:column in it); the element may be any element of
 * that tree, such as a `<domain>` inside a test driver's `<node>`.
 */
export function readDomainElement(domain: XmlElement, source: string, options: ReadDomainOptions = {}): DomainConfig {
  const tracker = new ReadTracker(source, options.strict === true);
  const reader = new ElementReader(domain, undefined, tracker);
  const config = readDomain(reader);
  if (options.strict === true) tracker.reportUnread(reader);
  return config;
}

function treeLimits(options: ParseXmlTreeOptions): XmlTreeLimits {
  return {
    maxLength: limitOption('maxLength', options.maxLength, DEFAULT_XML_TREE_LIMITS.maxLength),
    maxDepth: limitOption('maxDepth', options.maxDepth, DEFAULT_XML_TREE_LIMITS.maxDepth),
    maxTextLength: limitOption('maxTextLength', options.maxTextLength, DEFAULT_XML_TREE_LIMITS.maxTextLength),
    maxAttributeLength: limitOption('maxAttributeLength', options.maxAttributeLength, DEFAULT_XML_TREE_LIMITS.maxAttributeLength),
  };
}

function limitOption(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (value === Number.POSITIVE_INFINITY) return value;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new XmlFormatError({
      code: 'INVALID_ARG',
      reason: 'BAD_ARGUMENT',
      detail: `option ${name} must be a positive integer or Infinity`,
      value: String(value),
    });
  }
  return value;
}
