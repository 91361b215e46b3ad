import type { DomainConfig } from '../model/domain.js';
import { XmlFormatError } from '../errors/xml-format-error.js';

export interface ParseDomainXmlOptions {
  /** Report unknown elements and attributes (CONFIG_UNSUPPORTED) instead of ignoring them as libvirt does. */
  strict?: boolean;
}

/** Parses a `<domain>` document into a complete DomainConfig (libvirt's defaults filled in). */
export function parseDomainXml(xml: string, options: ParseDomainXmlOptions = {}): DomainConfig {
  void xml;
  void options;
  throw new XmlFormatError({ code: 'XML_ERROR', reason: 'parser not implemented yet' });
}
