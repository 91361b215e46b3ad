/**
 * The little of libvirt's virBuffer that virsh's hand-built XML needs: attributes escaped as
 * virBufferEscapeString does (the five XML specials as entities, control characters other than
 * tab, newline and carriage return dropped), and elements written as virXMLFormatElement does
 * (left out when they have neither attributes nor children, children indented by two).
 */

/** ` name='value'` with the value escaped; '' when the value is absent. */
export function escapedAttribute(name: string, value: string | undefined): string {
  return value === undefined ? '' : ` ${name}='${escapeXml(value)}'`;
}

/** virBufferEscapeString's escaping of one value. */
export function escapeXml(value: string): string {
  let out = '';
  for (const ch of value) {
    switch (ch) {
      case '<':
        out += '&lt;';
        break;
      case '>':
        out += '&gt;';
        break;
      case '&':
        out += '&amp;';
        break;
      case '"':
        out += '&quot;';
        break;
      case "'":
        out += '&apos;';
        break;
      default:
        if (ch >= ' ' || ch === '\n' || ch === '\t' || ch === '\r') out += ch;
    }
  }
  return out;
}

/**
 * virXMLFormatElement: `<name attrs/>` or `<name attrs>` + children + `</name>`, one item per line;
 * nothing at all when both are empty. `children` are lines already formatted (each without its
 * newline); they are indented by two more spaces.
 */
export function formatElement(name: string, attributes: string, children: readonly string[]): string[] {
  if (attributes === '' && children.length === 0) return [];
  if (children.length === 0) return [`<${name}${attributes}/>`];
  return [`<${name}${attributes}>`, ...children.map((line) => `  ${line}`), `</${name}>`];
}
