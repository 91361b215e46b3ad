import type { DomainConfig } from '../model/domain.js';
import { formatDomain } from './format-domain.js';
import { XmlWriter } from './xml-writer.js';

/**
 * Writes a DomainConfig as libvirt's formatter does: two-space indent,
 * single-quoted attributes, libvirt's element order, every value escaped,
 * a trailing newline. Throws XmlFormatError (INVALID_ARG) for a value XML
 * cannot carry (a non-integer number, a control character).
 */
export function formatDomainXml(config: DomainConfig): string {
  const out = new XmlWriter();
  formatDomain(out, config);
  return out.toString();
}
