const marker = Symbol.for('libvirt-ts.RemoteError');

/**
 * What went wrong, stable across releases:
 * - `SERVER`: libvirtd answered the call with an error; `virErrorCode`/`virErrorDomain`/`level`/
 *   `message` and `str1..int2` are the ones it sent.
 * - `XDR`: a value could not be encoded, or a body could not be decoded (the byte offset is in the message).
 * - `PROTOCOL`: a packet broke the wire rules (length, program, version, type, serial, status).
 * - `TOO_LARGE`: a packet over libvirt's limit (16 MiB + 4) was announced or would be sent.
 * - `TIMEOUT`, `ABORTED`: the call's `timeoutMs` passed or its `signal` aborted.
 * - `CLOSED`: the connection ended (closed, reset, server gone) with the call pending.
 * - `KEEPALIVE`: the server stayed silent for the keepalive interval x count; the connection is closed.
 * - `CONNECT`: the transport could not be set up (socket missing, refused, ssh failed...).
 * - `TLS`: the TLS handshake or certificate check failed.
 * - `URI`: the connection URI is not one libvirt's remote driver accepts.
 * - `AUTH`: the server wants an authentication method this client does not do, or refused it.
 * - `NO_SUPPORT`: a feature of the protocol this client does not do (streams).
 */
export type RemoteErrorCode =
  | 'SERVER'
  | 'XDR'
  | 'PROTOCOL'
  | 'TOO_LARGE'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'CLOSED'
  | 'KEEPALIVE'
  | 'CONNECT'
  | 'TLS'
  | 'URI'
  | 'AUTH'
  | 'NO_SUPPORT';

/** libvirt's virErrorNumber and virErrorDomain for the local codes, as libvirt's own client reports them. */
const LIBVIRT_NUMBERS: Record<Exclude<RemoteErrorCode, 'SERVER'>, { code: number; domain: number }> = {
  XDR: { code: 39, domain: 7 }, // VIR_ERR_RPC, VIR_FROM_RPC
  PROTOCOL: { code: 39, domain: 7 },
  TOO_LARGE: { code: 39, domain: 7 },
  TIMEOUT: { code: 68, domain: 7 }, // VIR_ERR_OPERATION_TIMEOUT
  ABORTED: { code: 78, domain: 7 }, // VIR_ERR_OPERATION_ABORTED
  CLOSED: { code: 38, domain: 7 }, // VIR_ERR_SYSTEM_ERROR ("End of file while reading data")
  KEEPALIVE: { code: 1, domain: 7 }, // VIR_ERR_INTERNAL_ERROR ("connection closed due to keepalive timeout")
  CONNECT: { code: 38, domain: 7 },
  TLS: { code: 38, domain: 7 },
  URI: { code: 8, domain: 13 }, // VIR_ERR_INVALID_ARG, VIR_FROM_REMOTE
  AUTH: { code: 45, domain: 13 }, // VIR_ERR_AUTH_FAILED
  NO_SUPPORT: { code: 3, domain: 13 }, // VIR_ERR_NO_SUPPORT
};

/** The fields of libvirt's remote_error / virNetMessageError, as a server sent them. */
export interface ServerErrorFields {
  code: number;
  domain: number;
  message: string | null;
  level: number;
  str1: string | null;
  str2: string | null;
  str3: string | null;
  int1: number;
  int2: number;
}

export interface RemoteErrorInit {
  /** A local code; `SERVER` errors come from libvirtd (RemoteError.fromServer). */
  code: Exclude<RemoteErrorCode, 'SERVER'>;
  message: string;
  /** The procedure number of the call concerned. */
  procedure?: number | undefined;
  cause?: unknown;
}

/** Every error of this package. */
export class RemoteError extends Error {
  override readonly name = 'RemoteError';
  readonly code: RemoteErrorCode;
  /** libvirt's virErrorNumber: the server's for `SERVER`, the one libvirt's client would report otherwise. */
  readonly virErrorCode: number;
  /** libvirt's virErrorDomain, likewise. */
  readonly virErrorDomain: number;
  /** libvirt's virErrorLevel (2 = error). */
  readonly level: number;
  readonly str1: string | null;
  readonly str2: string | null;
  readonly str3: string | null;
  readonly int1: number;
  readonly int2: number;
  readonly procedure: number | undefined;
  readonly [marker] = true;

  constructor(init: RemoteErrorInit) {
    const { code, message } = init;
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    const numbers = LIBVIRT_NUMBERS[code] ?? { code: 1, domain: 7 };
    this.code = code;
    this.virErrorCode = numbers.code;
    this.virErrorDomain = numbers.domain;
    this.level = 2;
    this.str1 = message;
    this.str2 = null;
    this.str3 = null;
    this.int1 = -1;
    this.int2 = -1;
    this.procedure = init.procedure;
  }

  /** The error libvirtd sent in reply to a call. */
  static fromServer(fields: ServerErrorFields, procedure?: number): RemoteError {
    const error = new RemoteError({ code: 'PROTOCOL', message: fields.message ?? 'unknown error', procedure });
    const writable = error as { -readonly [K in keyof RemoteError]: RemoteError[K] };
    writable.code = 'SERVER';
    writable.virErrorCode = fields.code;
    writable.virErrorDomain = fields.domain;
    writable.level = fields.level;
    writable.str1 = fields.str1;
    writable.str2 = fields.str2;
    writable.str3 = fields.str3;
    writable.int1 = fields.int1;
    writable.int2 = fields.int2;
    return error;
  }

  static isInstance(value: unknown): value is RemoteError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}
