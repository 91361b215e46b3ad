import { lookup, lookupInt, lookupString, type SExpr, SexprError } from '@libvirt-ts/sexpr';
import { canonicalUuid } from '@libvirt-ts/xml-format';
import { badXendSexpr } from './config-errors.js';

// Reads of a xend domain sexpr that turn the sexpr package's WRONG_TYPE errors into XendError
// PARSE_ERROR (with the SexprError as cause), so callers of the converter see one error type.

function wrapped<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (SexprError.isInstance(error)) throw badXendSexpr(error.message, error);
    throw error;
  }
}

/** The atom at `path`, or undefined (also when the value is a list, as libvirt's sexpr_node). */
export function textAt(node: SExpr, path: string): string | undefined {
  const value = lookup(node, path);
  return value?.type === 'atom' ? value.value : undefined;
}

/** The integer at `path`; missing is `fallback` (libvirt's sexpr_int reads missing as 0). */
export function intAt(node: SExpr, path: string, fallback = 0): number {
  return wrapped(() => lookupInt(node, path)) ?? fallback;
}

export function requiredTextAt(node: SExpr, path: string, what: string): string {
  const value = wrapped(() => lookupString(node, path));
  if (value === undefined) throw badXendSexpr(`domain information incomplete, missing ${what} (${path})`);
  return value;
}

/** The UUID at `path` as virUUIDParse reads it, in canonical 8-4-4-4-12 form. */
export function uuidAt(node: SExpr, path: string): string {
  const text = requiredTextAt(node, path, 'uuid');
  const uuid = canonicalUuid(text);
  if (uuid === undefined) throw badXendSexpr(`expected a UUID but found "${text}" (at path "${path}")`);
  return uuid;
}
