import type { SExpr } from '@libvirt-ts/sexpr';
import { type FromXendSexprOptions, fromXendSexpr, toXendConfig, type XendConfigVersion } from '@libvirt-ts/xend-client';
import { formatDomainXml, parseDomainXml } from '@libvirt-ts/xml-format';
import { toVirtError } from '../../errors/to-virt-error.js';
import { shownSecrets } from '../domain-xml-secrets.js';

/** Domain XML -> the `(vm ...)` config xend creates from; bad XML is an XML-domain VirtError. */
export function xendConfigFromXml(xml: string, xendConfigVersion: XendConfigVersion): SExpr {
  try {
    return toXendConfig(parseDomainXml(xml), { xendConfigVersion });
  } catch (error) {
    throw toVirtError(error, 'XML');
  }
}

/**
 * xend's `(domain ...)` record -> libvirt's domain XML, in libvirt's canonical layout (`options`:
 * xend's dialect, and the console tty / VNC port from xenstore). VNC passwords are left out unless
 * `flags` has VIR_DOMAIN_XML_SECURE, as libvirt does.
 */
export function domainXmlFromXend(record: SExpr, options: FromXendSexprOptions, flags: number): string {
  try {
    return formatDomainXml(shownSecrets(fromXendSexpr(record, options), flags));
  } catch (error) {
    throw toVirtError(error, 'SEXPR');
  }
}
