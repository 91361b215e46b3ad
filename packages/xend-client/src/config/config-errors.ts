import { XendError } from '../errors/xend-error.js';

// Errors of the config converter, as XendErrors: a DomainConfig that cannot be written as
// xend sexpr is INVALID_ARG (or NO_SUPPORT when xend has no such thing); a sexpr from xend
// that lacks what a domain needs is PARSE_ERROR. The message names the element or path.

export function invalidDomainConfig(message: string): XendError {
  return new XendError({ code: 'INVALID_ARG', message: `cannot convert the domain config to xend sexpr: ${message}` });
}

export function unsupportedByXend(message: string): XendError {
  return new XendError({ code: 'NO_SUPPORT', message: `xend cannot express ${message}` });
}

export function badXendSexpr(message: string, cause?: unknown): XendError {
  return new XendError({ code: 'PARSE_ERROR', message: `xend domain sexpr: ${message}`, cause });
}
