// @libvirt-ts/xml-format: libvirt's domain XML as a typed model, a strict parser and a canonical writer.
export * from './model/domain.js';
export * from './model/devices.js';
export { emptyDevices } from './model/empty-devices.js';
export { XmlFormatError, XmlFormatErrorCode } from './errors/xml-format-error.js';
export type { XmlFormatErrorInit } from './errors/xml-format-error.js';
export { parseDomainXml } from './parse/parse-domain-xml.js';
export type { ParseDomainXmlOptions } from './parse/parse-domain-xml.js';
export { formatDomainXml } from './format/format-domain-xml.js';
