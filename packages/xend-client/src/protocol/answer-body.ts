import { headOf, parseSexpr, type SExpr } from '@libvirt-ts/sexpr';

function tryParse(text: string): SExpr | undefined {
  try {
    return parseSexpr(text);
  } catch {
    return undefined;
  }
}

/**
 * The message of an error answer: xend sends `(xend.err 'No such domain foo')` when it speaks
 * sxp, and plain text or HTML otherwise. Undefined for an empty body.
 */
export function xendErrorText(body: string): string | undefined {
  const trimmed = body.trim();
  if (trimmed === '') return undefined;
  if (trimmed.startsWith('(xend.err')) {
    const node = tryParse(trimmed);
    if (node?.type === 'list' && headOf(node) === 'xend.err' && node.items[1]?.type === 'atom') {
      return node.items[1].value;
    }
  }
  return trimmed;
}

/**
 * Whether a 2xx answer to a POST says the operation failed. libvirt looked for "failed"
 * anywhere in the body, which also fired on a created domain whose record merely contains the
 * word (a name, a path); here a well-formed S-expression fails only when it is `(xend.err ...)`,
 * and other text keeps libvirt's rule.
 */
export function bodyReportsFailure(body: string): boolean {
  const trimmed = body.trim();
  if (trimmed.startsWith('(')) {
    const node = tryParse(trimmed);
    if (node !== undefined) return headOf(node) === 'xend.err';
  }
  return trimmed.includes('failed');
}
