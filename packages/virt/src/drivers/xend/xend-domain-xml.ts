import type { SExpr } from '@libvirt-ts/sexpr';
import { fromXendSexpr, toXendConfig } from '@libvirt-ts/xend-client';
import { formatDomainXml, parseDomainXml } from '@libvirt-ts/xml-format';
import { toVirtError } from '../xen/to-virt-error.js';

/** Domain XML -> the `(vm ...)` config xend creates from; bad XML is an XML-domain VirtError. */
export function xendConfigFromXml(xml: string): SExpr {
  try {
    return toXendConfig(parseDomainXml(xml));
  } catch (error) {
    throw toVirtError(error, 'XML');
  }
}

/** xend's `(domain ...)` record -> libvirt's domain XML, in libvirt's canonical layout. */
export function domainXmlFromXend(record: SExpr): string {
  try {
    return formatDomainXml(fromXendSexpr(record));
  } catch (error) {
    throw toVirtError(error, 'SEXPR');
  }
}
