import type { DomainConfig } from '../model/domain.js';
import { XmlFormatError } from '../errors/xml-format-error.js';

/** Writes a DomainConfig as libvirt's formatter does (two-space indent, single-quoted attributes, escaped values). */
export function formatDomainXml(config: DomainConfig): string {
  void config;
  throw new XmlFormatError({ code: 'INVALID_ARG', reason: 'writer not implemented yet' });
}
