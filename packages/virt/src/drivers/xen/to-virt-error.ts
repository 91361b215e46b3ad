import type { ErrorCodeName } from '../../errors/error-codes.js';
import type { ErrorDomainName } from '../../errors/error-domains.js';
import { VirtError } from '../../errors/virt-error.js';
import { isHypercallError, isSexprError, isXendError, isXenstoreError, isXmlFormatError, type PackageError } from './package-errors.js';

/** A VirtError raised by one of the Xen drivers, its message from libvirt's template for `code`. */
export function xenDriverError(
  domain: ErrorDomainName,
  code: ErrorCodeName,
  info?: string,
  extra: { cause?: unknown; str2?: string; int1?: number } = {},
): VirtError {
  return new VirtError({ code, domain, info, ...extra });
}

const XEND_CODES: Record<string, ErrorCodeName> = {
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

/** xenstored's refusals; everything else it answers is a failed operation. */
const XENSTORE_CODES: Record<string, ErrorCodeName> = {
  EACCES: 'OPERATION_DENIED',
  EPERM: 'OPERATION_DENIED',
  EROFS: 'OPERATION_DENIED',
  EINVAL: 'INVALID_ARG',
  ETIMEDOUT: 'OPERATION_TIMEOUT',
};

const HYPERCALL_CODES: Record<string, ErrorCodeName> = {
  NO_XEN: 'NO_XEN',
  EPERM: 'OPERATION_DENIED',
  EACCES: 'OPERATION_DENIED',
  EINVAL: 'XEN_CALL',
  ESRCH: 'NO_DOMAIN',
};

/**
 * Turns whatever a Xen package threw into a VirtError with libvirt's code and error domain,
 * keeping the original as `cause`. `fallbackDomain` is the driver's own domain, used for errors
 * that carry none (a plain Error from a socket, say).
 */
export function toVirtError(error: unknown, fallbackDomain: ErrorDomainName): VirtError {
  if (VirtError.isInstance(error)) return error;
  if (isXendError(error)) {
    const sexprCause = isSexprError(error.cause);
    return wrap(error, sexprCause ? 'SEXPR' : 'XEND', XEND_CODES[error.code] ?? 'INTERNAL_ERROR', xendDetail(error));
  }
  if (isXenstoreError(error)) return wrap(error, 'XENSTORE', XENSTORE_CODES[error.code] ?? 'OPERATION_FAILED', error.message);
  if (isHypercallError(error)) return wrap(error, 'XEN', HYPERCALL_CODES[error.code] ?? 'XEN_CALL', error.message);
  if (isXmlFormatError(error)) return wrap(error, 'XML', xmlCode(error.code), error.message);
  if (isSexprError(error)) return wrap(error, 'SEXPR', 'INTERNAL_ERROR', error.message);
  return xenDriverError(fallbackDomain, 'INTERNAL_ERROR', messageOf(error), { cause: error });
}

function wrap(error: PackageError, domain: ErrorDomainName, code: ErrorCodeName, info: string): VirtError {
  return xenDriverError(domain, code, info, { cause: error });
}

/** xend's own words when it gave some, else our client's description. */
function xendDetail(error: PackageError & { xendMessage?: string; status?: number }): string {
  if (error.code === 'HTTP_ERROR' && error.status !== undefined) return String(error.status);
  return error.xendMessage || error.message;
}

/** XmlFormatError codes are named after virErrorNumber where one exists. */
function xmlCode(code: string): ErrorCodeName {
  const known: readonly string[] = ['NO_NAME', 'NO_OS', 'NO_KERNEL', 'NO_SOURCE', 'NO_TARGET', 'OS_TYPE', 'INVALID_ARG', 'CONFIG_UNSUPPORTED'];
  return known.includes(code) ? (code as ErrorCodeName) : 'XML_ERROR';
}

/** Runs `operation`, turning whatever it throws into a VirtError of the driver's layer. */
export async function asVirtErrors<T>(domain: ErrorDomainName, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toVirtError(error, domain);
  }
}

/** As asVirtErrors, but an error that `isAbsent` recognises ("no such node/domain") resolves to undefined. */
export async function orAbsent<T>(domain: ErrorDomainName, operation: () => Promise<T>, isAbsent: (error: unknown) => boolean): Promise<T | undefined> {
  try {
    return await operation();
  } catch (error) {
    if (isAbsent(error)) return undefined;
    throw toVirtError(error, domain);
  }
}

/** An error's own words, for the detail of a wrapping VirtError. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
