/**
 * XmlFormatError: every failure of this package. `code` is stable and, where
 * one exists, named like libvirt's virErrorNumber (VIR_ERR_NO_NAME -> NO_NAME);
 * `reason` says precisely what is wrong, as a code a caller can map to its own
 * words. The other fields say where: the element path (`/domain/devices/disk[2]`),
 * the 1-based line and column in the input, the string offset, and the offending value.
 */
export const XmlFormatErrorCode = {
  /** Not well-formed XML, a DOCTYPE/entity, a root other than `<domain>`, a missing required element or attribute, or input over the size limits. */
  XML_ERROR: 'XML_ERROR',
  /** `<name>` missing or empty. */
  NO_NAME: 'NO_NAME',
  /** `<os>` missing (and no `<bootloader>` to stand in for it). */
  NO_OS: 'NO_OS',
  /** A PV guest without `<kernel>` and without `<bootloader>`. */
  NO_KERNEL: 'NO_KERNEL',
  /** A device without the `<source>` its type needs. */
  NO_SOURCE: 'NO_SOURCE',
  /** A disk without `<target dev>`. */
  NO_TARGET: 'NO_TARGET',
  /** `<os><type>` empty or not a known guest type. */
  OS_TYPE: 'OS_TYPE',
  /** A value that is not valid where it stands: a number, an enumeration, a MAC, a UUID... (also: a model the writer cannot write). */
  INVALID_ARG: 'INVALID_ARG',
  /** `strict` mode only: an element or attribute this format does not know. */
  CONFIG_UNSUPPORTED: 'CONFIG_UNSUPPORTED',
} as const;
export type XmlFormatErrorCode = (typeof XmlFormatErrorCode)[keyof typeof XmlFormatErrorCode];

/**
 * What exactly is wrong. The well-formedness reasons are libxml2's errors: their `detail` is
 * libxml2's own text (as libvirt prints it), `line` the line of libxml2's cursor and `offset` the
 * cursor itself.
 */
export const XmlFormatReason = {
  // Well-formedness, as libxml2 2.9 reports it.
  /** "Document is empty": nothing but whitespace (or a NUL, where libxml2's input ends). */
  EMPTY_DOCUMENT: 'EMPTY_DOCUMENT',
  /** "Start tag expected, '<' not found". */
  START_TAG_EXPECTED: 'START_TAG_EXPECTED',
  /** "Extra content at the end of the document". */
  EXTRA_CONTENT: 'EXTRA_CONTENT',
  /** "Premature end of data in tag NAME line N". */
  PREMATURE_END: 'PREMATURE_END',
  /** "Opening and ending tag mismatch: NAME line N and OTHER". */
  TAG_MISMATCH: 'TAG_MISMATCH',
  /** "StartTag: invalid element name". */
  INVALID_ELEMENT_NAME: 'INVALID_ELEMENT_NAME',
  /** "Couldn't find end of Start Tag NAME line N". */
  START_TAG_UNFINISHED: 'START_TAG_UNFINISHED',
  /** "xmlParseEndTag: '</' not found" or "expected '>'". */
  END_TAG_MALFORMED: 'END_TAG_MALFORMED',
  /** "error parsing attribute name". */
  ATTRIBUTE_NAME: 'ATTRIBUTE_NAME',
  /** "Specification mandates value for attribute NAME". */
  ATTRIBUTE_WITHOUT_VALUE: 'ATTRIBUTE_WITHOUT_VALUE',
  /** "AttValue: \" or ' expected", or a value that never ends. */
  ATTRIBUTE_VALUE_UNQUOTED: 'ATTRIBUTE_VALUE_UNQUOTED',
  /** "Unescaped '<' not allowed in attributes values". */
  ATTRIBUTE_VALUE_LT: 'ATTRIBUTE_VALUE_LT',
  /** "Attribute NAME redefined". */
  ATTRIBUTE_REDEFINED: 'ATTRIBUTE_REDEFINED',
  /** "AttValue length too long": an attribute value over libxml2's 10,000,000 characters. */
  ATTRIBUTE_TOO_LONG: 'ATTRIBUTE_TOO_LONG',
  /** "xmlSAX2Characters: huge text node": a text run over libxml2's 10,000,000 characters. */
  HUGE_TEXT_NODE: 'HUGE_TEXT_NODE',
  /** "Excessive depth in document: 256 use XML_PARSE_HUGE option". */
  TOO_DEEP: 'TOO_DEEP',
  /** "Comment not terminated", "ParsePI: PI NAME never end ...", "CData section not finished". */
  UNTERMINATED: 'UNTERMINATED',
  /** "Sequence ']]>' not allowed in content". */
  CDATA_END_IN_CONTENT: 'CDATA_END_IN_CONTENT',
  /** "EntityRef: expecting ';'" or "Entity 'NAME' not defined". */
  ENTITY_REFERENCE: 'ENTITY_REFERENCE',
  /** "xmlParseCharRef: invalid xmlChar value N". */
  CHARACTER_REFERENCE: 'CHARACTER_REFERENCE',
  /** "PCDATA invalid Char value N" and libxml2's other words for a character XML does not allow. */
  INVALID_CHARACTER: 'INVALID_CHARACTER',
  /** "Input is not proper UTF-8, indicate encoding !" and the bytes: a byte kept as an escape by decodeXmlBytes. */
  NOT_UTF8: 'NOT_UTF8',
  // Our own limits and rules.
  /** A DOCTYPE with an internal subset (where entities are declared): refused, never expanded. */
  DOCTYPE_SUBSET: 'DOCTYPE_SUBSET',
  /** The input is longer than `maxLength`. */
  TOO_LONG: 'TOO_LONG',
  /** Not a string, or an option out of range. */
  BAD_ARGUMENT: 'BAD_ARGUMENT',
  // The document is XML, but not the domain XML expected.
  /** The root element is not `<domain>`. */
  WRONG_ROOT: 'WRONG_ROOT',
  /** A required element is missing (`path` names it). */
  MISSING_ELEMENT: 'MISSING_ELEMENT',
  /** A required attribute is missing (`path` names it). */
  MISSING_ATTRIBUTE: 'MISSING_ATTRIBUTE',
  /** A text or attribute value that is not valid there (`value` holds it). */
  INVALID_VALUE: 'INVALID_VALUE',
  /** An element or id given twice where one is allowed (a second `<vcpupin>` of one vcpu, a second `<emulatorpin>`). */
  DUPLICATE: 'DUPLICATE',
  /** `strict` only: an element or attribute this format does not know. */
  UNKNOWN_NODE: 'UNKNOWN_NODE',
  /** From the writer: a model value XML cannot carry or the parser would not read back. */
  UNWRITABLE_VALUE: 'UNWRITABLE_VALUE',
} as const;
export type XmlFormatReason = (typeof XmlFormatReason)[keyof typeof XmlFormatReason];

/** The reasons whose `detail` is libxml2's own text for the same fault (libvirt prints it as is). */
export const LIBXML2_REASONS: ReadonlySet<XmlFormatReason> = new Set<XmlFormatReason>([
  'EMPTY_DOCUMENT',
  'START_TAG_EXPECTED',
  'EXTRA_CONTENT',
  'PREMATURE_END',
  'TAG_MISMATCH',
  'INVALID_ELEMENT_NAME',
  'START_TAG_UNFINISHED',
  'END_TAG_MALFORMED',
  'ATTRIBUTE_NAME',
  'ATTRIBUTE_WITHOUT_VALUE',
  'ATTRIBUTE_VALUE_UNQUOTED',
  'ATTRIBUTE_VALUE_LT',
  'ATTRIBUTE_REDEFINED',
  'ATTRIBUTE_TOO_LONG',
  'HUGE_TEXT_NODE',
  'TOO_DEEP',
  'UNTERMINATED',
  'CDATA_END_IN_CONTENT',
  'ENTITY_REFERENCE',
  'CHARACTER_REFERENCE',
  'INVALID_CHARACTER',
  'NOT_UTF8',
]);

export interface XmlFormatErrorInit {
  code: XmlFormatErrorCode;
  reason: XmlFormatReason;
  /** What is wrong, in words, without the location (the constructor appends it). */
  detail: string;
  /** Element path, e.g. `/domain/devices/disk[2]/target`, plus `/@dev` for an attribute. */
  path?: string;
  /** 1-based position in the input, when the error comes from parsing text. */
  line?: number;
  column?: number;
  /** String index in the input that `line`/`column` describe. */
  offset?: number;
  /** The offending value, verbatim. */
  value?: string;
  cause?: unknown;
}

const marker = Symbol.for('libvirt-ts.XmlFormatError');

export class XmlFormatError extends Error {
  override readonly name = 'XmlFormatError';
  readonly code: XmlFormatErrorCode;
  readonly reason: XmlFormatReason;
  readonly detail: string;
  readonly path: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly offset: number | undefined;
  readonly value: string | undefined;
  readonly [marker] = true;

  constructor(init: XmlFormatErrorInit) {
    super(describe(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.reason = init.reason;
    this.detail = init.detail;
    this.path = init.path;
    this.line = init.line;
    this.column = init.column;
    this.offset = init.offset;
    this.value = init.value;
  }

  /** True for an XmlFormatError from any copy of this package. */
  static isInstance(value: unknown): value is XmlFormatError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}

// "<memory> is not a valid size: 'abc' at /domain/memory (line 4:11)"
function describe(init: XmlFormatErrorInit): string {
  let message = init.detail;
  if (init.value !== undefined) message += `: '${truncate(init.value)}'`;
  const where: string[] = [];
  if (init.path !== undefined) where.push(`at ${init.path}`);
  if (init.line !== undefined) where.push(`(line ${init.line}:${init.column ?? 0})`);
  if (where.length > 0) message += ` ${where.join(' ')}`;
  return message;
}

function truncate(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}
