import { ERROR_CODE_TABLE, type ErrorCodeName } from './error-codes.js';
import type { ErrorDomainName } from './error-domains.js';
import { VirtError } from './virt-error.js';

/**
 * The layer each sibling package's error belongs to, by the Symbol.for marker its base class
 * carries (so no import of those packages is needed here, and two installed copies still match).
 */
const PACKAGE_ERROR_LAYERS: ReadonlyArray<readonly [symbol, ErrorDomainName]> = [
  [Symbol.for('libvirt-ts.XendError'), 'XEND'],
  [Symbol.for('libvirt-ts.XenstoreError'), 'XENSTORE'],
  [Symbol.for('libvirt-ts.HypercallError'), 'XEN'],
  [Symbol.for('libvirt-ts.SexprError'), 'SEXPR'],
  [Symbol.for('libvirt-ts.XmlFormatError'), 'XML'],
];

/**
 * Any thrown value as a VirtError. A VirtError passes through; a package error becomes a VirtError
 * of its layer, keeping its `code` when that is a libvirt code name (XML_ERROR, NO_NAME...) and
 * INTERNAL_ERROR otherwise, with the package error as `cause`. Anything else is INTERNAL_ERROR.
 */
export function toVirtError(error: unknown): VirtError {
  if (VirtError.isInstance(error)) return error;
  const text = error instanceof Error ? error.message : String(error);
  const layer = PACKAGE_ERROR_LAYERS.find(([marker]) => typeof error === 'object' && error !== null && marker in error);
  const packageCode = (error as { code?: unknown } | null)?.code;
  const code: ErrorCodeName =
    layer && typeof packageCode === 'string' && packageCode in ERROR_CODE_TABLE ? (packageCode as ErrorCodeName) : 'INTERNAL_ERROR';
  return new VirtError({ code, domain: layer?.[1] ?? 'NONE', info: text, cause: error });
}
