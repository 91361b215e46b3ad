import {
  type DomainConfig,
  LIBXML2_REASONS,
  type ParseXmlTreeOptions,
  parseXml,
  readDomainElement,
  type XmlElement,
  XmlFormatError,
} from '@libvirt-ts/xml-format';
import { ERROR_CODE_TABLE, type ErrorCodeName } from '../../errors/error-codes.js';
import { VirtError } from '../../errors/virt-error.js';
import { formatLibxmlError } from '../../xml/libxml-error-text.js';
import { hugeTextCursor } from '../../xml/libxml-file-chunks.js';

/**
 * How libvirt's libxml2 gets the document: a definition from memory (any text run passes, as libxml2
 * hands it over whole), a node file from disk (text runs over 10,000,000 characters are refused).
 */
export type XmlInput = 'memory' | 'file';

/** libxml2's XML_MAX_TEXT_LENGTH: the longest text node it builds from a file. */
const MAX_TEXT_LENGTH = 10_000_000;

const LIMITS: Record<XmlInput, ParseXmlTreeOptions> = {
  memory: { maxLength: Number.POSITIVE_INFINITY, maxTextLength: Number.POSITIVE_INFINITY },
  file: { maxLength: Number.POSITIVE_INFINITY, maxTextLength: MAX_TEXT_LENGTH },
};

/**
 * Parses `xml` as libvirt 9 does before it reads a definition or node file: well-formed (libxml2's
 * first error, as XML_DETAIL `<url>:<line>: <message>` + context + pointer) and the expected root
 * element. Returns the tree.
 */
export function checkXmlDocument(xml: string, url: string, root: string, input: XmlInput): XmlElement {
  let tree: XmlElement;
  try {
    tree = parseXml(xml, LIMITS[input]);
  } catch (error) {
    if (!XmlFormatError.isInstance(error)) throw error;
    throw notWellFormed(error, xml, url);
  }
  if (tree.name !== root) throw xmlError(`expecting root element of '${root}', not '${tree.name}'`);
  return tree;
}

function notWellFormed(error: XmlFormatError, xml: string, url: string): VirtError {
  if (!LIBXML2_REASONS.has(error.reason)) return xmlError(error.detail, error);
  if (error.reason === 'HUGE_TEXT_NODE') {
    // libxml2 refuses the chunk, stops, and what libvirt reports is the parse ending early.
    const cursor = hugeTextCursor(xml, error.offset ?? 0, MAX_TEXT_LENGTH);
    const message = formatLibxmlError(url, 'Extra content at the end of the document', cursor, xml);
    return new VirtError({ code: 'XML_DETAIL', domain: 'XML', message, int1: cursor.line, cause: error });
  }
  const cursor = { line: error.line ?? 1, offset: error.offset ?? 0 };
  return new VirtError({ code: 'XML_DETAIL', domain: 'XML', message: formatLibxmlError(url, error.detail, cursor, xml), int1: cursor.line, cause: error });
}

/**
 * A parsed `<domain>` element (alone, or inside a document whose text is `source`) read as libvirt 9
 * reads a definition: the boot spellings it refuses, then the model's checks as libvirt errors.
 */
export function readCheckedDomain(domain: XmlElement, source: string): DomainConfig {
  checkBootDevices(domain);
  try {
    return readDomainElement(domain, source);
  } catch (error) {
    throw fromXmlFormatError(error);
  }
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
 * How libvirt 9 words the definition errors the XML format reports, by reason code and element
 * path. Each rule sees the XmlFormatError; undefined means "not mine".
 */
const LIBVIRT9_WORDING: ReadonlyArray<(e: XmlFormatError) => VirtError | undefined> = [
  (e) =>
    (e.path === '/domain/memory' || e.path === '/domain/currentMemory') && e.reason === 'INVALID_VALUE'
      ? xmlError(`Invalid value '${e.value ?? ''}' for element or attribute './${e.path.slice(8)}[1]'`)
      : undefined,
  // The one element <domain> needs that has no error code of its own is <memory>.
  (e) =>
    e.code === 'XML_ERROR' && e.reason === 'MISSING_ELEMENT' && e.path === '/domain'
      ? xmlError('Memory size must be specified via <memory> or in the <numa> configuration')
      : undefined,
  (e) => (e.code === 'NO_OS' ? xmlError('an os <type> must be specified') : undefined),
  (e) => (e.path === '/domain/uuid' ? detailed('INTERNAL_ERROR', 'malformed uuid element') : undefined),
  (e) => {
    const action = ['/domain/on_poweroff', '/domain/on_reboot', '/domain/on_crash'].includes(e.path ?? '') ? e.path?.slice(8) : undefined;
    return action ? detailed('CONFIG_UNSUPPORTED', `unknown ${action} action: ${e.value ?? ''}`) : undefined;
  },
  (e) => (e.code === 'OS_TYPE' ? detailed('CONFIG_UNSUPPORTED', `unknown OS type '${e.value ?? ''}'`) : undefined),
  (e) => (e.path === '/domain/@type' ? detailed('CONFIG_UNSUPPORTED', `invalid domain type ${e.value ?? ''}`) : undefined),
  // virBitmapParse's own error, in no layer of the domain XML's (<vcpu>, <vcpupin>, <emulatorpin>, <iothreadpin>).
  (e) =>
    e.path?.endsWith('/@cpuset') === true && e.reason === 'INVALID_VALUE'
      ? new VirtError({ code: e.code === 'INVALID_ARG' ? 'INVALID_ARG' : 'CONFIG_UNSUPPORTED', domain: e.code === 'INVALID_ARG' ? 'NONE' : 'DOMAIN', info: e.detail })
      : undefined,
  // <cputune>'s pins: a missing cpuset or a pin given twice are internal errors to libvirt 9, an unknown IOThread unsupported.
  (e) =>
    e.path?.startsWith('/domain/cputune/') === true && e.path.includes('pin') && (e.reason === 'DUPLICATE' || e.reason === 'MISSING_ATTRIBUTE') && !e.detail.startsWith('only one') && !e.detail.startsWith('Missing required')
      ? detailed('INTERNAL_ERROR', e.detail)
      : undefined,
  // <blkiotune>'s missing per-device path and duplicate paths carry their own text.
  (e) => (e.code === 'CONFIG_UNSUPPORTED' && e.path?.startsWith('/domain/blkiotune') === true ? detailed('CONFIG_UNSUPPORTED', e.detail) : undefined),
  (e) => (e.code === 'CONFIG_UNSUPPORTED' && e.reason === 'INVALID_VALUE' ? detailed('CONFIG_UNSUPPORTED', e.detail) : undefined),
  // NO_TARGET's value is the disk's source, which libvirt names.
  (e) => (e.code === 'NO_TARGET' ? new VirtError({ code: 'NO_TARGET', domain: 'XML', ...(e.value === undefined ? {} : { info: e.value }) }) : undefined),
];

/**
 * An XmlFormatError from the domain reader as a VirtError, worded as libvirt 9 words the same fault
 * where it is known (see LIBVIRT9_WORDING); otherwise its libvirt code where it has one (NO_NAME →
 * "missing name information"), else XML_ERROR with the reader's detail. The XmlFormatError is the cause.
 */
export function fromXmlFormatError(error: unknown): VirtError {
  if (!XmlFormatError.isInstance(error)) {
    return new VirtError({ code: 'INTERNAL_ERROR', domain: 'TEST', info: String(error), cause: error });
  }
  for (const rule of LIBVIRT9_WORDING) {
    const worded = rule(error);
    if (worded) return withCause(worded, error);
  }
  if (error.code === 'XML_ERROR' || error.code === 'INVALID_ARG' || !(error.code in ERROR_CODE_TABLE)) return xmlError(error.detail, error);
  return new VirtError({ code: error.code as ErrorCodeName, domain: 'XML', cause: error });
}

function detailed(code: ErrorCodeName, detail: string): VirtError {
  return new VirtError({ code, domain: 'XML', info: detail });
}

function withCause(error: VirtError, cause: unknown): VirtError {
  return new VirtError({ code: error.code, domain: error.domain, message: error.message, str1: error.str1, cause });
}

/** virXMLCheckIllegalChars: libvirt 9 refuses to define `value` (a name) holding any of `illegal`. */
export function checkIllegalChars(what: string, value: string, illegal: string): void {
  const found = [...illegal].find((c) => value.includes(c));
  if (found !== undefined) throw new VirtError({ code: 'XML_DETAIL', domain: 'XML', message: `invalid char in ${what}: ${found}` });
}
