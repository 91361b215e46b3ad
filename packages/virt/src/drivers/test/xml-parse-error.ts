import { ERROR_CODE_TABLE, type ErrorCodeName } from '../../errors/error-codes.js';
import { VirtError } from '../../errors/virt-error.js';
import { formatLibxmlError, scanXml, type XmlElement, XmlScanError } from '../../xml/xml-scan.js';

const XML_FORMAT_ERROR = Symbol.for('libvirt-ts.XmlFormatError');

/**
 * Checks `xml` the way libvirt 9 does before it reads a definition: well-formed (libxml2's first
 * error, as XML_DETAIL `<url>:<line>: <message>` + context + pointer), the expected root element,
 * and values libvirt 9 no longer accepts. Returns the scanned tree.
 */
export function checkXmlDocument(xml: string, url: string, root: string): XmlElement {
  let tree: XmlElement;
  try {
    tree = scanXml(xml);
  } catch (error) {
    if (!(error instanceof XmlScanError)) throw error;
    throw new VirtError({ code: 'XML_DETAIL', domain: 'XML', message: formatLibxmlError(url, error, xml), int1: error.line, cause: error });
  }
  if (tree.name !== root) throw xmlError(`expecting root element of '${root}', not '${tree.name}'`);
  return tree;
}

/** libvirt 9 rejects the 0.1.x boot spellings (hda, /dev/fd0...) that older Xen XML used. */
export function checkBootDevices(domain: XmlElement): void {
  for (const os of domain.children.filter((c) => c.name === 'os')) {
    for (const boot of os.children.filter((c) => c.name === 'boot')) {
      const dev = boot.attributes.get('dev');
      if (dev !== undefined && !['fd', 'hd', 'cdrom', 'network'].includes(dev)) {
        throw xmlError(`Invalid value for attribute 'dev' in element 'boot': '${dev}'.`);
      }
    }
  }
}

/** `XML error: <detail>` in layer XML. */
export function xmlError(detail: string, cause?: unknown): VirtError {
  return new VirtError({ code: 'XML_ERROR', domain: 'XML', info: detail, cause });
}

/**
 * An XmlFormatError from the domain parser as a VirtError: its libvirt code where it has one
 * (NO_NAME → "missing name information", ...), else XML_ERROR with the parser's reason.
 */
export function fromXmlFormatError(error: unknown): VirtError {
  if (typeof error !== 'object' || error === null || !(XML_FORMAT_ERROR in error)) {
    return new VirtError({ code: 'INTERNAL_ERROR', domain: 'TEST', info: String(error), cause: error });
  }
  const { code, reason } = error as unknown as { code: string; reason: string };
  if (code === 'XML_ERROR' || code === 'INVALID_ARG' || !(code in ERROR_CODE_TABLE)) return xmlError(reason, error);
  return new VirtError({ code: code as ErrorCodeName, domain: 'XML', cause: error });
}
