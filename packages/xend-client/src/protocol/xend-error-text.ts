import { headOf, parseSexpr } from '@libvirt-ts/sexpr';

/**
 * The message of an error answer: xend sends `(xend.err 'No such domain foo')` when it speaks
 * sxp, and plain text or HTML otherwise. Undefined for an empty body.
 */
export function xendErrorText(body: string): string | undefined {
  const trimmed = body.trim();
  if (trimmed === '') return undefined;
  if (trimmed.startsWith('(xend.err')) {
    try {
      const node = parseSexpr(trimmed);
      if (headOf(node) === 'xend.err' && node.type === 'list') {
        const message = node.items[1];
        if (message?.type === 'atom') return message.value;
      }
    } catch {
      // Not a well-formed sexpr: fall back to the raw text below.
    }
  }
  return trimmed;
}
