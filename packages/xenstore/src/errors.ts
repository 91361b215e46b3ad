import { XS_ERRNO } from './protocol/errno.js';
import { xsTypeName } from './protocol/message-type.js';

const marker = Symbol.for('libvirt-ts.XenstoreError');

export interface XenstoreErrorDetails {
  /** The xenstore path (or domain id, watch path) the failed request concerned. */
  path?: string | undefined;
  /** The request's message type number, e.g. `XsType.READ`. */
  type?: number | undefined;
  cause?: unknown;
}

/**
 * Every error of this package. `code` is an errno name: what xenstored answered (`ENOENT`,
 * `EACCES`, `EAGAIN`, `EQUOTA`...), or what happened locally: `ECONNRESET` (connection closed with
 * the request pending), `EPROTO` (a malformed frame), `E2BIG` (a payload over 4096 bytes),
 * `EINVAL` (a bad path or argument), or the system's code when connecting fails (`ENOENT`,
 * `ECONNREFUSED`...).
 */
export class XenstoreError extends Error {
  override readonly name = 'XenstoreError';
  readonly code: string;
  /** Linux's errno number for `code`, when it is one xenstore knows. */
  readonly errno: number | undefined;
  readonly path: string | undefined;
  /** The operation's name, e.g. `READ`. */
  readonly operation: string | undefined;
  constructor(code: string, message: string, details: XenstoreErrorDetails = {}) {
    const where = [
      details.type === undefined ? undefined : (xsTypeName(details.type) ?? `type ${details.type}`),
      details.path,
    ]
      .filter((part) => part !== undefined)
      .join(' ');
    super(where ? `${code}: ${message} (${where})` : `${code}: ${message}`, { cause: details.cause });
    Object.defineProperty(this, marker, { value: true });
    this.code = code;
    this.errno = Object.hasOwn(XS_ERRNO, code) ? XS_ERRNO[code as keyof typeof XS_ERRNO] : undefined;
    this.path = details.path;
    this.operation = details.type === undefined ? undefined : xsTypeName(details.type);
  }

  static isInstance(value: unknown): value is XenstoreError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}
