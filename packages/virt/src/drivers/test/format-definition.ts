import { type DomainConfig, formatDomainXml } from '@libvirt-ts/xml-format';
import { shownSecrets } from '../domain-xml-secrets.js';

/**
 * The domain XML of a definition, with `id` when running and graphics passwords only when `flags`
 * has VIR_DOMAIN_XML_SECURE (save images are written secure).
 */
export function formatDefinition(def: DomainConfig, id: number | undefined, flags: number): string {
  const { id: _staleId, ...rest } = def;
  const shown = shownSecrets(rest, flags);
  return withLibvirtDevices(formatDomainXml(id === undefined ? shown : { ...shown, id }));
}

/**
 * libvirt 9 writes an empty `<devices>` as an open and a close tag; the XML format writes
 * `<devices/>`, so that one element is put back in libvirt's shape.
 */
export function withLibvirtDevices(xml: string): string {
  return xml.replace(/^( *)<devices\/>$/m, '$1<devices>\n$1</devices>');
}
