/**
 * XmlFormatError: every failure of this package. `code` is stable and, where
 * one exists, named like libvirt's virErrorNumber (VIR_ERR_NO_NAME -> NO_NAME).
 * The other fields say where: the element path (`/domain/devices/disk[2]/target`),
 * the 1-based line and column in the input, and the offending value.
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

export interface XmlFormatErrorInit {
  code: XmlFormatErrorCode;
  /** What is wrong, without the location (the constructor appends it). */
  reason: string;
  /** Element path, e.g. `/domain/devices/disk[2]/target`, plus `/@dev` for an attribute. */
  path?: string;
  /** 1-based position in the input, when the error comes from parsing text. */
  line?: number;
  column?: number;
  /** The offending value, verbatim. */
  value?: string;
  cause?: unknown;
}

const marker = Symbol.for('libvirt-ts.XmlFormatError');

export class XmlFormatError extends Error {
  override readonly name = 'XmlFormatError';
  readonly code: XmlFormatErrorCode;
  readonly reason: string;
  readonly path: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly value: string | undefined;
  readonly [marker] = true;

  constructor(init: XmlFormatErrorInit) {
    super(describe(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.reason = init.reason;
    this.path = init.path;
    this.line = init.line;
    this.column = init.column;
    this.value = init.value;
  }

  /** True for an XmlFormatError from any copy of this package. */
  static isInstance(value: unknown): value is XmlFormatError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}

// "memory is not a number: 'abc' at /domain/memory (line 4:11)"
function describe(init: XmlFormatErrorInit): string {
  let message = init.reason;
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
