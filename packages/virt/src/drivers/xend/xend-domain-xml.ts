import type { SExpr } from '@libvirt-ts/sexpr';
import { type FromXendSexprOptions, fromXendSexpr, toXendConfig, type XendConfigVersion } from '@libvirt-ts/xend-client';
import { type DomainConfig, formatDomainXml, parseDomainXml } from '@libvirt-ts/xml-format';
import { toVirtError } from '../xen/to-virt-error.js';

/** virDomainXMLFlags' VIR_DOMAIN_XML_SECURE: include passwords. */
export const DOMAIN_XML_SECURE = 1;

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
    const domain = fromXendSexpr(record, options);
    return formatDomainXml(flags & DOMAIN_XML_SECURE ? domain : withoutPasswords(domain));
  } catch (error) {
    throw toVirtError(error, 'SEXPR');
  }
}

function withoutPasswords(domain: DomainConfig): DomainConfig {
  const graphics = domain.devices.graphics.map(({ passwd: _password, ...rest }) => rest);
  return { ...domain, devices: { ...domain.devices, graphics } };
}
