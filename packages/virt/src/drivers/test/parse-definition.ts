import { type DomainConfig, parseDomainXml } from '@libvirt-ts/xml-format';
import type { XmlElement } from '../../xml/xml-scan.js';
import { completeTestDefaults } from './test-post-parse.js';
import { checkBootDevices, checkXmlDocument, fromXmlFormatError } from './xml-parse-error.js';

/**
 * Parses a domain definition for a test node: libvirt 9's XML errors (`url` names the document in
 * well-formedness errors), the test driver's defaults, and no id (the node assigns ids). `inactive`:
 * parsed for define, as libvirt's VIR_DOMAIN_DEF_PARSE_INACTIVE (runtime values dropped).
 * `scanned`: the `<domain>` element's tree when the caller has already scanned it.
 */
export function parseDefinition(xml: string, url = '(domain_definition)', scanned?: XmlElement): DomainConfig {
  // A `<domain>` already scanned inside a well-formed node file needs no second scan.
  const tree = scanned ?? checkXmlDocument(xml, url, 'domain');
  checkBootDevices(tree);
  let config: DomainConfig;
  try {
    config = parseDomainXml(xml);
  } catch (error) {
    throw fromXmlFormatError(error, tree);
  }
  const { id: _ignoredId, ...definition } = config;
  // The parse is fresh and ours: completed in place, with no defensive copy.
  return completeTestDefaults(definition);
}

