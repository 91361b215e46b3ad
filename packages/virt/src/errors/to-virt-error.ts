import type { ErrorCodeName } from './error-codes.js';
import type { ErrorDomainName } from './error-domains.js';
import { isHypercallError, isSexprError, isXendError, isXenstoreError, isXmlFormatError, type PackageError } from './package-errors.js';
import { VirtError } from './virt-error.js';

/**
 * The one translation of the sibling packages' errors into libvirt's codes: each package's own
 * codes, the libvirt code they stand for (anything not listed falls to the package's default).
 */
const XEND_CODES: Readonly<Record<string, ErrorCodeName>> = {
  CONNECT_FAILED: 'NO_CONNECT',
  UNKNOWN_HOST: 'UNKNOWN_HOST',
  NO_DOMAIN: 'NO_DOMAIN',
  GET_FAILED: 'GET_FAILED',
  POST_FAILED: 'POST_FAILED',
  HTTP_ERROR: 'HTTP_ERROR',
  PARSE_ERROR: 'INTERNAL_ERROR',
  TIMEOUT: 'OPERATION_TIMEOUT',
  ABORTED: 'OPERATION_ABORTED',
  NO_SUPPORT: 'NO_SUPPORT',
  INVALID_ARG: 'INVALID_ARG',
};

/** xenstored's refusals are libvirt's "operation forbidden"; everything else it answers is a failed operation. */
const XENSTORE_CODES: Readonly<Record<string, ErrorCodeName>> = {
  EACCES: 'OPERATION_DENIED',
  EPERM: 'OPERATION_DENIED',
  EROFS: 'OPERATION_DENIED',
  EINVAL: 'INVALID_ARG',
  ETIMEDOUT: 'OPERATION_TIMEOUT',
};

const HYPERCALL_CODES: Readonly<Record<string, ErrorCodeName>> = {
  NO_XEN: 'NO_XEN',
  EPERM: 'OPERATION_DENIED',
  EACCES: 'OPERATION_DENIED',
  EINVAL: 'XEN_CALL',
  ESRCH: 'NO_DOMAIN',
};

/** XmlFormatError codes named after a virErrorNumber keep it; the others are XML_ERROR. */
const XML_CODES: ReadonlySet<string> = new Set(['NO_NAME', 'NO_OS', 'NO_KERNEL', 'NO_SOURCE', 'NO_TARGET', 'OS_TYPE', 'INVALID_ARG', 'CONFIG_UNSUPPORTED']);

/**
 * Any thrown value as a VirtError. A VirtError passes through; a package error becomes a VirtError
 * of its layer with the libvirt code its own code stands for, the package error kept as `cause`.
 * Anything else is INTERNAL_ERROR of `fallbackDomain` (the layer of the driver that caught it).
 */
export function toVirtError(error: unknown, fallbackDomain: ErrorDomainName = 'NONE'): VirtError {
  if (VirtError.isInstance(error)) return error;
  if (isXendError(error)) {
    const layer = isSexprError(error.cause) ? 'SEXPR' : 'XEND';
    return wrap(error, layer, XEND_CODES[error.code] ?? 'INTERNAL_ERROR', xendDetail(error));
  }
  if (isXenstoreError(error)) return wrap(error, 'XENSTORE', XENSTORE_CODES[error.code] ?? 'OPERATION_FAILED', error.message);
  if (isHypercallError(error)) return wrap(error, 'XEN', HYPERCALL_CODES[error.code] ?? 'XEN_CALL', error.message);
  if (isXmlFormatError(error)) return wrap(error, 'XML', XML_CODES.has(error.code) ? (error.code as ErrorCodeName) : 'XML_ERROR', error.message);
  if (isSexprError(error)) return wrap(error, 'SEXPR', 'INTERNAL_ERROR', error.message);
  return new VirtError({ code: 'INTERNAL_ERROR', domain: fallbackDomain, info: messageOf(error), cause: error });
}

function wrap(error: PackageError, domain: ErrorDomainName, code: ErrorCodeName, info: string): VirtError {
  return new VirtError({ code, domain, info, cause: error });
}

/** xend's own words when it gave some, else our client's description. */
function xendDetail(error: PackageError & { xendMessage?: string; status?: number }): string {
  if (error.code === 'HTTP_ERROR' && error.status !== undefined) return String(error.status);
  return error.xendMessage || error.message;
}

/** An error's own words, for the detail of a wrapping VirtError. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
