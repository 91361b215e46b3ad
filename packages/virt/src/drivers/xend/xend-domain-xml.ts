import type { SExpr } from '@libvirt-ts/sexpr';
import { fromXendSexpr, toXendConfig, type XendConfigVersion } from '@libvirt-ts/xend-client';
import { formatDomainXml, parseDomainXml } from '@libvirt-ts/xml-format';
import { toVirtError } from '../xen/to-virt-error.js';

/** Domain XML -> the `(vm ...)` config xend creates from; bad XML is an XML-domain VirtError. */
export function xendConfigFromXml(xml: string, xendConfigVersion: XendConfigVersion): SExpr {
  try {
    return toXendConfig(parseDomainXml(xml), { xendConfigVersion });
  } catch (error) {
    throw toVirtError(error, 'XML');
  }
}

/** xend's `(domain ...)` record -> libvirt's domain XML, in libvirt's canonical layout. */
export function domainXmlFromXend(record: SExpr, xendConfigVersion: XendConfigVersion): string {
  try {
    return formatDomainXml(fromXendSexpr(record, { xendConfigVersion }));
  } catch (error) {
    throw toVirtError(error, 'SEXPR');
  }
}
