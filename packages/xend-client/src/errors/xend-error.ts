/**
 * XendError: every failure of this package. `code` is stable; the other fields say what the
 * error concerns (the endpoint tried, the request, the HTTP status, xend's own text).
 */
export const XendErrorCode = {
  /** The socket or host could not be connected to (named in `endpoint`). */
  CONNECT_FAILED: 'CONNECT_FAILED',
  /** The host name of a TCP endpoint did not resolve (libvirt's VIR_ERR_UNKNOWN_HOST). */
  UNKNOWN_HOST: 'UNKNOWN_HOST',
  /** xend answered 404: the domain (or node resource) does not exist. */
  NO_DOMAIN: 'NO_DOMAIN',
  /** A GET failed: xend reported an error (`xendMessage`) or the connection broke mid-answer. */
  GET_FAILED: 'GET_FAILED',
  /** A POST failed, including a 2xx answer whose body reports failure. */
  POST_FAILED: 'POST_FAILED',
  /** An HTTP status xend never sends for this request, or an answer that is not HTTP. */
  HTTP_ERROR: 'HTTP_ERROR',
  /** The body is not the S-expression expected (the sexpr error is the `cause`). */
  PARSE_ERROR: 'PARSE_ERROR',
  /** No complete answer within the request's timeout. */
  TIMEOUT: 'TIMEOUT',
  /** The caller's AbortSignal fired (its reason is the `cause`). */
  ABORTED: 'ABORTED',
  /** A connection name this client cannot serve (a scheme other than http, or none), or an op this xend lacks (managed domains before Xen 3.0.4). */
  NO_SUPPORT: 'NO_SUPPORT',
  /** A bad argument or URI given to the client, before anything was sent. */
  INVALID_ARG: 'INVALID_ARG',
} as const;
export type XendErrorCode = (typeof XendErrorCode)[keyof typeof XendErrorCode];

export interface XendErrorInit {
  code: XendErrorCode;
  message: string;
  /** `unix:/path` or `http://host:port`: where the request went. */
  endpoint?: string;
  /** `GET /xend/domain/x?detail=1`, `POST /xend/domain/x op=pause`. */
  request?: string;
  /** The HTTP status, when an answer arrived. */
  status?: number;
  /** xend's own error text (the body, or the message inside `(xend.err '...')`). */
  xendMessage?: string;
  cause?: unknown;
}

const marker = Symbol.for('libvirt-ts.XendError');

export class XendError extends Error {
  override readonly name = 'XendError';
  readonly code: XendErrorCode;
  readonly endpoint: string | undefined;
  readonly request: string | undefined;
  readonly status: number | undefined;
  readonly xendMessage: string | undefined;
  readonly [marker] = true;

  constructor(init: XendErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.endpoint = init.endpoint;
    this.request = init.request;
    this.status = init.status;
    this.xendMessage = init.xendMessage;
  }

  /** True for a XendError from any copy of this package. */
  static isInstance(value: unknown): value is XendError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}
