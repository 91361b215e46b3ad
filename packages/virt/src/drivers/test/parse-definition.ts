import { type DomainConfig, parseDomainXml } from '@libvirt-ts/xml-format';
import { applyTestDefaults } from './test-post-parse.js';
import { checkBootDevices, checkXmlDocument, fromXmlFormatError } from './xml-parse-error.js';

/**
 * Parses a domain definition for a test node: libvirt 9's XML errors (`url` names the document in
 * well-formedness errors), the test driver's defaults, and no id (the node assigns ids). `inactive`:
 * parsed for define, as libvirt's VIR_DOMAIN_DEF_PARSE_INACTIVE (runtime values dropped).
 */
export function parseDefinition(xml: string, url = '(domain_definition)'): DomainConfig {
  const tree = checkXmlDocument(xml, url, 'domain');
  checkBootDevices(tree);
  let config: DomainConfig;
  try {
    config = parseDomainXml(xml);
  } catch (error) {
    throw fromXmlFormatError(error, tree);
  }
  const { id: _ignoredId, ...definition } = config;
  return applyTestDefaults(definition);
}

