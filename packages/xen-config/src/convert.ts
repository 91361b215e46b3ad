// The package's entry points: a domain XML or DomainConfig to xl/xm config
// text and back, as libvirt 9's virConnectDomainXMLToNative /
// virConnectDomainXMLFromNative do on xen:///.
import type { DomainConfig } from '@libvirt-ts/xml-format';
import { formatDomainXml, parseDomainXml } from '@libvirt-ts/xml-format';
import { DEFAULT_XEN_CAPABILITIES, type XenGuestCapabilities } from './capabilities.js';
import { ConfReader } from './conf/conf-reader.js';
import { formatXenConf } from './conf/format-conf.js';
import { parseXenConf } from './conf/parse-conf.js';
import { formatXl } from './format/format-xl.js';
import { formatXm } from './format/format-xm.js';
import { parseXl } from './parse/parse-xl.js';
import { parseXm } from './parse/parse-xm.js';
import { XenConfigError } from './xen-config-error.js';

/** libvirt's native format names. */
export const XEN_CONFIG_FORMATS = ['xen-xl', 'xen-xm'] as const;
export type XenConfigFormat = (typeof XEN_CONFIG_FORMATS)[number];

export interface XenConvertOptions {
  /** The host's guest capabilities (arch, machines, loader); libvirt 9's x86_64 values by default. */
  capabilities?: XenGuestCapabilities;
}

export function isXenConfigFormat(format: string): format is XenConfigFormat {
  return (XEN_CONFIG_FORMATS as readonly string[]).includes(format);
}

/** Config text (xl.cfg or xm) to a DomainConfig with libvirt's defaults filled in. */
export function xenConfigToDomain(format: XenConfigFormat, text: string, options: XenConvertOptions = {}): DomainConfig {
  const conf = new ConfReader(parseXenConf(text));
  const caps = options.capabilities ?? DEFAULT_XEN_CAPABILITIES;
  return checkedFormat(format) === 'xen-xl' ? parseXl(conf, caps) : parseXm(conf, caps);
}

/** A DomainConfig to config text, byte for byte as libvirt writes it. */
export function domainToXenConfig(format: XenConfigFormat, config: DomainConfig): string {
  return formatXenConf(checkedFormat(format) === 'xen-xl' ? formatXl(config) : formatXm(config));
}

/** virConnectDomainXMLFromNative: config text to domain XML. */
export function domainXmlFromXenConfig(format: XenConfigFormat, text: string, options: XenConvertOptions = {}): string {
  return formatDomainXml(xenConfigToDomain(format, text, options));
}

/** virConnectDomainXMLToNative: domain XML to config text. Throws XmlFormatError for bad XML. */
export function domainXmlToXenConfig(format: XenConfigFormat, xml: string): string {
  checkedFormat(format);
  return domainToXenConfig(format, parseDomainXml(xml));
}

function checkedFormat(format: string): XenConfigFormat {
  if (!isXenConfigFormat(format)) throw new XenConfigError({ code: 'INVALID_ARG', reason: `unsupported config type ${format}` });
  return format;
}
