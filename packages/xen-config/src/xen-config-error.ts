/**
 * XenConfigError: every failure of this package. `code` is stable and named
 * like libvirt's virErrorNumber (VIR_ERR_CONF_SYNTAX -> CONF_SYNTAX), so a
 * driver maps it to a VirtError one to one. `line`/`column` (1-based) say
 * where in a config file a syntax error sits.
 */
export const XenConfigErrorCode = {
  /** The file is not valid xl/xm syntax, or a value libvirt rejects as a syntax error (a bad UUID, a bad cpuid). */
  CONF_SYNTAX: 'CONF_SYNTAX',
  /** A setting of the wrong type or an unparseable value (libvirt's VIR_ERR_INTERNAL_ERROR for these). */
  INTERNAL_ERROR: 'INTERNAL_ERROR',
  /** Something the format cannot express (a clock offset, a second serial port in xm...). */
  CONFIG_UNSUPPORTED: 'CONFIG_UNSUPPORTED',
  /** A format name other than xen-xl / xen-xm, or a model value out of range. */
  INVALID_ARG: 'INVALID_ARG',
  /** A feature libvirt's converter refuses too (network disks other than rbd). */
  NO_SUPPORT: 'NO_SUPPORT',
  /** A number that does not fit the field it goes to. */
  OVERFLOW: 'OVERFLOW',
} as const;
export type XenConfigErrorCode = (typeof XenConfigErrorCode)[keyof typeof XenConfigErrorCode];

export interface XenConfigErrorInit {
  code: XenConfigErrorCode;
  /** libvirt's message for the same failure, without the location. */
  reason: string;
  /** The setting concerned (`disk`, `vif`...). */
  setting?: string;
  line?: number;
  column?: number;
  cause?: unknown;
}

const marker = Symbol.for('libvirt-ts.XenConfigError');

export class XenConfigError extends Error {
  override readonly name = 'XenConfigError';
  readonly code: XenConfigErrorCode;
  readonly reason: string;
  readonly setting: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly [marker] = true;

  constructor(init: XenConfigErrorInit) {
    super(init.line === undefined ? init.reason : `${init.reason} (line ${init.line}:${init.column ?? 0})`, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.reason = init.reason;
    this.setting = init.setting;
    this.line = init.line;
    this.column = init.column;
  }

  /** True for a XenConfigError from any copy of this package. */
  static isInstance(value: unknown): value is XenConfigError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}

/** Shorthand for the many value checks that fail as libvirt's INTERNAL_ERROR. */
export function internalError(reason: string, setting?: string): XenConfigError {
  return new XenConfigError({ code: 'INTERNAL_ERROR', reason, setting });
}

export function unsupported(reason: string, setting?: string): XenConfigError {
  return new XenConfigError({ code: 'CONFIG_UNSUPPORTED', reason, setting });
}
