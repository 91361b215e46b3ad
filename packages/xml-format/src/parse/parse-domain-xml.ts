import { XmlFormatError } from '../errors/xml-format-error.js';
import type { DomainConfig } from '../model/domain.js';
import { ElementReader, ReadTracker } from './element-reader.js';
import { readDomain } from './read-domain.js';
import { DEFAULT_XML_TREE_LIMITS, parseXmlTree } from './xml-tree.js';

export interface ParseDomainXmlOptions {
  /**
   * Report unknown elements and attributes (code CONFIG_UNSUPPORTED) instead
   * of ignoring them as libvirt does.
   */
  strict?: boolean;
  /** Longest document accepted, in characters (default 4 Mi). */
  maxLength?: number;
  /** Deepest element nesting accepted (default 64, at most 1000). */
  maxDepth?: number;
}

/**
 * Parses a `<domain>` document into a complete DomainConfig, with libvirt's
 * defaults filled in. Throws XmlFormatError (with code, element path,
 * line:column and offending value) for anything malformed or invalid.
 */
export function parseDomainXml(xml: string, options: ParseDomainXmlOptions = {}): DomainConfig {
  const root = parseXmlTree(xml, {
    maxLength: limitOption('maxLength', options.maxLength, DEFAULT_XML_TREE_LIMITS.maxLength, Number.MAX_SAFE_INTEGER),
    // Readers recurse per level: keep well inside the JavaScript stack.
    maxDepth: limitOption('maxDepth', options.maxDepth, DEFAULT_XML_TREE_LIMITS.maxDepth, 1000),
  });
  const tracker = new ReadTracker(xml, options.strict === true);
  const domain = new ElementReader(root, undefined, tracker);
  const config = readDomain(domain);
  if (options.strict === true) tracker.reportUnread(domain);
  return config;
}

function limitOption(name: string, value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new XmlFormatError({ code: 'INVALID_ARG', reason: `option ${name} must be an integer from 1 to ${max}`, value: String(value) });
  }
  return value;
}
