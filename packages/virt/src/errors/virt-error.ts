/**
 * VirtError: libvirt's virError as an Error. The full virErrorNumber / virErrorDomain
 * tables and the handler machinery live beside this file.
 */
export const ErrorCode = {
  OK: 0,
  INTERNAL_ERROR: 1,
  NO_MEMORY: 2,
  NO_SUPPORT: 3,
  NO_CONNECT: 5,
  INVALID_CONN: 6,
  INVALID_DOMAIN: 7,
  INVALID_ARG: 8,
  OPERATION_FAILED: 9,
  OPERATION_DENIED: 29,
  NO_DOMAIN: 42,
  OPERATION_INVALID: 55,
} as const;
export type ErrorCodeName = keyof typeof ErrorCode;

export const ErrorDomain = {
  NONE: 0,
  XEN: 1,
  XEND: 2,
  XENSTORE: 3,
  SEXPR: 4,
  XML: 5,
  DOM: 6,
  RPC: 7,
  PROXY: 8,
  TEST: 12,
} as const;
export type ErrorDomainName = keyof typeof ErrorDomain;

export const ErrorLevel = { NONE: 0, WARNING: 1, ERROR: 2 } as const;
export type ErrorLevel = (typeof ErrorLevel)[keyof typeof ErrorLevel];

export interface VirtErrorInit {
  code: ErrorCodeName;
  domain: ErrorDomainName;
  message: string;
  level?: ErrorLevel;
  str1?: string;
  str2?: string;
  str3?: string;
  int1?: number;
  int2?: number;
  cause?: unknown;
}

const marker = Symbol.for('libvirt-ts.VirtError');

export class VirtError extends Error {
  override readonly name = 'VirtError';
  readonly code: ErrorCodeName;
  readonly codeNumber: number;
  readonly domain: ErrorDomainName;
  readonly domainNumber: number;
  readonly level: ErrorLevel;
  readonly str1: string | undefined;
  readonly str2: string | undefined;
  readonly str3: string | undefined;
  readonly int1: number | undefined;
  readonly int2: number | undefined;
  readonly [marker] = true;

  constructor(init: VirtErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.codeNumber = ErrorCode[init.code];
    this.domain = init.domain;
    this.domainNumber = ErrorDomain[init.domain];
    this.level = init.level ?? ErrorLevel.ERROR;
    this.str1 = init.str1;
    this.str2 = init.str2;
    this.str3 = init.str3;
    this.int1 = init.int1;
    this.int2 = init.int2;
  }

  /** True for a VirtError from any copy of this package. */
  static isInstance(value: unknown): value is VirtError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}
