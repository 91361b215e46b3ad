// @libvirt-ts/xen-config: Xen's xl and xm guest config files, parsed, printed
// and converted to and from libvirt's domain XML as libvirt 9 does it.
export { domainToXenConfig, domainXmlFromXenConfig, domainXmlToXenConfig, isXenConfigFormat, XEN_CONFIG_FORMATS, xenConfigToDomain } from './convert.js';
export type { XenConfigFormat, XenConvertOptions } from './convert.js';
export { DEFAULT_XEN_CAPABILITIES } from './capabilities.js';
export type { XenGuestCapabilities } from './capabilities.js';
export { parseXenConf } from './conf/parse-conf.js';
export { formatXenConf } from './conf/format-conf.js';
export type { ConfEntry, ConfValue, XenConfFile } from './conf/conf-value.js';
export { XenConfigError, XenConfigErrorCode } from './xen-config-error.js';
export type { XenConfigErrorInit } from './xen-config-error.js';
