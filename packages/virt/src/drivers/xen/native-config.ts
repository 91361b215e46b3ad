// The Xen drivers' virConnectDomainXMLToNative / virConnectDomainXMLFromNative, as libvirt 9's
// libxl driver does them: the conversions are @libvirt-ts/xen-config's; this adds libvirt's
// argument checks and turns its errors into VirtErrors with libvirt's codes, domains and texts.

import { domainToXenConfig, isXenConfigFormat, type XenGuestCapabilities, xenConfigToDomain } from '@libvirt-ts/xen-config';
import { formatDomainXml, parseDomainXml } from '@libvirt-ts/xml-format';
import type { ErrorCodeName } from '../../errors/error-codes.js';
import { isXenConfigError, type PackageError } from '../../errors/package-errors.js';
import { toVirtError } from '../../errors/to-virt-error.js';
import { VirtError } from '../../errors/virt-error.js';
import { shownSecrets } from '../domain-xml-secrets.js';

/** libvirt's virCheckFlags(0): both conversions take no flags. */
function checkNoFlags(flags: number, fn: string): void {
  if (flags !== 0) throw new VirtError({ code: 'INVALID_ARG', domain: 'LIBXL', info: `unsupported flags (0x${flags.toString(16)}) in function ${fn}` });
}

function unsupportedFormat(format: string): VirtError {
  return new VirtError({ code: 'INVALID_ARG', domain: 'LIBXL', info: `unsupported config type ${format}` });
}

/** Domain XML to an xl or xm config. The XML is read first, then the format checked, as libvirt. */
export function xenDomainXMLToNative(format: string, xml: string, flags: number): string {
  checkNoFlags(flags, 'libxlConnectDomainXMLToNative');
  return converting(format, () => {
    const config = parseDomainXml(xml);
    if (!isXenConfigFormat(format)) throw unsupportedFormat(format);
    return domainToXenConfig(format, config);
  });
}

/**
 * An xl or xm config to domain XML, written as libvirt's inactive XML without secure fields
 * (graphics passwords are left out).
 */
export function xenDomainXMLFromNative(format: string, text: string, flags: number, capabilities?: XenGuestCapabilities): string {
  checkNoFlags(flags, 'libxlConnectDomainXMLFromNative');
  if (format === 'xen-sxpr') {
    throw new VirtError({ code: 'OPERATION_UNSUPPORTED', domain: 'LIBXL', info: "conversion from 'xen-sxpr' format is no longer supported" });
  }
  if (!isXenConfigFormat(format)) throw unsupportedFormat(format);
  return converting(format, () => {
    const config = xenConfigToDomain(format, text, capabilities === undefined ? {} : { capabilities });
    return formatDomainXml(shownSecrets(config, 0));
  });
}

function converting(format: string, convert: () => string): string {
  try {
    return convert();
  } catch (error) {
    if (isXenConfigError(error)) throw fromXenConfigError(error as XenConfigErrorLike, format);
    throw toVirtError(error, 'LIBXL');
  }
}

interface XenConfigErrorLike extends PackageError {
  reason: string;
  line?: number;
}

const CODES: Record<string, ErrorCodeName> = {
  CONF_SYNTAX: 'CONF_SYNTAX',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
  CONFIG_UNSUPPORTED: 'CONFIG_UNSUPPORTED',
  INVALID_ARG: 'INVALID_ARG',
  NO_SUPPORT: 'NO_SUPPORT',
  OVERFLOW: 'OVERFLOW',
};

/** Syntax errors are virconf's ("memory conf:3: expecting a value"); the rest the converter's (XENXL or XENXM). */
function fromXenConfigError(error: XenConfigErrorLike, format: string): VirtError {
  const code = CODES[error.code] ?? 'INTERNAL_ERROR';
  if (error.line !== undefined) return new VirtError({ code, domain: 'CONF', info: `memory conf:${error.line}: ${error.reason}`, cause: error });
  return new VirtError({ code, domain: format === 'xen-xm' ? 'XENXM' : 'XENXL', info: error.reason, cause: error });
}
