import type { DomainConfig, XmlElement } from '@libvirt-ts/xml-format';
import { completeTestDefaults } from './test-post-parse.js';
import { checkXmlDocument, readCheckedDomain, type XmlInput } from './xml-parse-error.js';

/**
 * Parses a domain definition for a test node: libvirt 9's XML errors (`url` names the document in
 * well-formedness errors; `input` says whether libxml2 read it from memory or a file), the test
 * driver's defaults, and no id (the node assigns ids). The document is parsed once, in one pass.
 */
export function parseDefinition(xml: string, url = '(domain_definition)', input: XmlInput = 'memory'): DomainConfig {
  return readDefinition(checkXmlDocument(xml, url, 'domain', input), xml);
}

/**
 * Reads a `<domain>` element already parsed (alone, or inside a node file whose text is `source`)
 * as parseDefinition does. Elements of other namespaces in it (`<test:runstate>`) are not domain
 * XML and are ignored, as libvirt's reader ignores them.
 */
export function readDefinition(domain: XmlElement, source: string): DomainConfig {
  const config = readCheckedDomain(domain, source);
  const { id: _ignoredId, ...definition } = config;
  // The parse is fresh and ours: completed in place, with no defensive copy.
  return completeTestDefaults(definition);
}
