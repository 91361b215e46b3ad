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

interface FormatErrorFields {
  code: string;
  reason: string;
  path?: string;
  value?: string;
}

/**
 * How libvirt 9 words the definition errors the XML format reports, by the element they concern.
 * Each rule sees the XmlFormatError's fields and the document's tree; undefined means "not mine".
 */
const LIBVIRT9_WORDING: ReadonlyArray<(e: FormatErrorFields, domain: XmlElement) => VirtError | undefined> = [
  (e) =>
    /^\/domain\/(memory|currentMemory)$/.test(e.path ?? '') && e.code === 'INVALID_ARG'
      ? xmlError(`Invalid value '${e.value ?? ''}' for element or attribute './${e.path?.slice(8)}[1]'`)
      : undefined,
  (e) => (e.path === '/domain' && /<memory>/.test(e.reason) ? xmlError('Memory size must be specified via <memory> or in the <numa> configuration') : undefined),
  (e) => (e.code === 'NO_OS' ? xmlError('an os <type> must be specified') : undefined),
  (e) => (e.path === '/domain/uuid' ? detailed('INTERNAL_ERROR', 'malformed uuid element') : undefined),
  (e) => {
    const action = /^\/domain\/(on_poweroff|on_reboot|on_crash)$/.exec(e.path ?? '')?.[1];
    return action ? detailed('CONFIG_UNSUPPORTED', `unknown ${action} action: ${e.value ?? ''}`) : undefined;
  },
  (e) => (e.code === 'OS_TYPE' ? detailed('CONFIG_UNSUPPORTED', `unknown OS type '${e.value ?? ''}'`) : undefined),
  (e) => (e.path === '/domain/@type' ? detailed('CONFIG_UNSUPPORTED', `invalid domain type ${e.value ?? ''}`) : undefined),
  (e, domain) => {
    if (e.code !== 'NO_TARGET') return undefined;
    const disk = elementAt(domain, e.path ?? '');
    const source = disk?.children.find((c) => c.name === 'source');
    const where = source?.attributes.get('file') ?? source?.attributes.get('dev') ?? source?.attributes.get('dir');
    return new VirtError({ code: 'NO_TARGET', domain: 'XML', ...(where === undefined ? {} : { info: where }) });
  },
];

/**
 * An XmlFormatError from the domain parser as a VirtError, worded as libvirt 9 words the same fault
 * where it is known (see LIBVIRT9_WORDING); otherwise its libvirt code where it has one (NO_NAME →
 * "missing name information"), else XML_ERROR with the parser's reason. The XmlFormatError is the cause.
 */
export function fromXmlFormatError(error: unknown, domain: XmlElement): VirtError {
  if (typeof error !== 'object' || error === null || !(XML_FORMAT_ERROR in error)) {
    return new VirtError({ code: 'INTERNAL_ERROR', domain: 'TEST', info: String(error), cause: error });
  }
  const fields = error as unknown as FormatErrorFields;
  for (const rule of LIBVIRT9_WORDING) {
    const worded = rule(fields, domain);
    if (worded) return withCause(worded, error);
  }
  if (fields.code === 'XML_ERROR' || fields.code === 'INVALID_ARG' || !(fields.code in ERROR_CODE_TABLE)) return xmlError(fields.reason, error);
  return new VirtError({ code: fields.code as ErrorCodeName, domain: 'XML', cause: error });
}

function detailed(code: ErrorCodeName, detail: string): VirtError {
  return new VirtError({ code, domain: 'XML', info: detail });
}

function withCause(error: VirtError, cause: unknown): VirtError {
  return new VirtError({ code: error.code, domain: error.domain, message: error.message, str1: error.str1, cause });
}

/** The element an XML-format path such as `/domain/devices/disk[2]` names in the scanned tree. */
function elementAt(domain: XmlElement, path: string): XmlElement | undefined {
  let node: XmlElement | undefined = domain;
  for (const step of path.split('/').slice(2)) {
    const [, name, index] = /^([^[]+)(?:\[(\d+)\])?$/.exec(step) ?? [];
    node = node?.children.filter((c) => c.name === name)[Number(index ?? 1) - 1];
  }
  return node;
}
