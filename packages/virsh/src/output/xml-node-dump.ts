import type { XmlElement } from '@libvirt-ts/xml-format';

/**
 * One element of a parsed document written back as libxml2's xmlNodeDump writes it unformatted
 * (virsh's virXMLNodeToString): the whitespace between children kept as it was in `source`,
 * attributes in double quotes, and libxml2's escaping of attribute values and text.
 */
export function dumpXmlNode(element: XmlElement, source: string): string {
  let out = `<${element.name}`;
  for (const [name, value] of element.attributes) out += ` ${name}="${escapeAttribute(value)}"`;
  if (element.children.length === 0) {
    return element.text === '' ? `${out}/>` : `${out}>${escapeText(element.text)}</${element.name}>`;
  }
  out += '>';
  let at = element.textOffset;
  for (const child of element.children) {
    out += escapeText(source.slice(at, child.offset));
    out += dumpXmlNode(child, source);
    at = child.end;
  }
  const close = source.lastIndexOf('</', element.end);
  return `${out}${escapeText(source.slice(at, close))}</${element.name}>`;
}

/** xmlEscapeContent for text: <, > and & as entities, a carriage return as &#13;. */
function escapeText(text: string): string {
  return text.replace(/[<>&\r]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '\r': '&#13;' })[ch] as string);
}

/** xmlAttrSerializeTxtContent: text's entities plus the double quote and the whitespace controls. */
function escapeAttribute(value: string): string {
  return value.replace(
    /[<>&"\r\n\t]/g,
    (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', '\r': '&#13;', '\n': '&#10;', '\t': '&#9;' })[ch] as string,
  );
}
