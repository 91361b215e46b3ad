import { isXsErrnoName, XS_ERRNO, type XsErrnoName } from './protocol/errno.js';
import { xsTypeName } from './protocol/message-type.js';

const marker = Symbol.for('libvirt-ts.XenstoreError');

/**
 * The errno names this package reports: what xenstored answers (XS_ERRNO: `ENOENT`, `EACCES`,
 * `EAGAIN`, `EQUOTA`...), and what happens locally: `ECONNRESET` (connection closed with the request
 * pending), `EPROTO` (a malformed frame), `E2BIG` (a payload over 4096 bytes), `EINVAL` (a bad path or
 * argument), `EADDRINUSE` and `ENOBUFS` (the server's socket and queues), and the system's code when
 * connecting fails (CONNECT_ERRNO; any other is `EIO`, the system's error kept as `cause`).
 */
export type XenstoreErrorCode = XsErrnoName | 'ECONNRESET' | 'EPROTO' | 'EADDRINUSE' | 'ENOBUFS' | ConnectErrno;

/** The system codes a failed connect keeps as they are. */
const CONNECT_ERRNO = ['ECONNREFUSED', 'ENOTSOCK', 'ENXIO', 'ENODEV', 'ETIMEDOUT'] as const;
type ConnectErrno = (typeof CONNECT_ERRNO)[number];

/** A system error's code as a XenstoreErrorCode: xenstore's own names and CONNECT_ERRNO as they are, anything else EIO. */
export function xenstoreCodeOf(systemCode: string | undefined): XenstoreErrorCode {
  if (systemCode === undefined) return 'EIO';
  if (isXsErrnoName(systemCode) || (CONNECT_ERRNO as readonly string[]).includes(systemCode)) return systemCode as XenstoreErrorCode;
  return 'EIO';
}

export interface XenstoreErrorInit {
  code: XenstoreErrorCode;
  message: string;
  /** The xenstore path (or domain id, watch path) the failed request concerned. */
  path?: string | undefined;
  /** The request's message type number, e.g. `XsType.READ`. */
  type?: number | undefined;
  cause?: unknown;
}

/** Every error of this package; `code` is an errno name (XenstoreErrorCode). */
export class XenstoreError extends Error {
  override readonly name = 'XenstoreError';
  readonly code: XenstoreErrorCode;
  /** Linux's errno number for `code`, when it is one xenstore knows. */
  readonly errno: number | undefined;
  readonly path: string | undefined;
  /** The operation's name, e.g. `READ`. */
  readonly operation: string | undefined;
  readonly [marker] = true;

  constructor(init: XenstoreErrorInit) {
    const { code, message } = init;
    const where = [init.type === undefined ? undefined : (xsTypeName(init.type) ?? `type ${init.type}`), init.path]
      .filter((part) => part !== undefined)
      .join(' ');
    super(where ? `${code}: ${message} (${where})` : `${code}: ${message}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = code;
    this.errno = isXsErrnoName(code) ? XS_ERRNO[code] : undefined;
    this.path = init.path;
    this.operation = init.type === undefined ? undefined : xsTypeName(init.type);
  }

  /** True for a XenstoreError from any copy of this package. */
  static isInstance(value: unknown): value is XenstoreError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}
