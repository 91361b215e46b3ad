/**
 * Recognises the error classes of the Xen packages by their `Symbol.for` markers, so the hypercall
 * package (optional, loaded lazily) and a second copy of any package are recognised alike.
 */
export interface PackageError extends Error {
  code: string;
}

function hasMarker(value: unknown, className: string): value is PackageError {
  return typeof value === 'object' && value !== null && Symbol.for(`libvirt-ts.${className}`) in value;
}

export const isXendError = (value: unknown) => hasMarker(value, 'XendError');
export const isXenstoreError = (value: unknown) => hasMarker(value, 'XenstoreError');
export const isHypercallError = (value: unknown) => hasMarker(value, 'HypercallError');
export const isXmlFormatError = (value: unknown) => hasMarker(value, 'XmlFormatError');
export const isSexprError = (value: unknown) => hasMarker(value, 'SexprError');
export const isXenConfigError = (value: unknown) => hasMarker(value, 'XenConfigError');
