import type { Connection } from '../connection.js';
import type { Domain } from '../domain.js';
import { ERROR_CODE_TABLE, type ErrorCodeName, errorMessage } from './error-codes.js';
import { ErrorDomain, type ErrorDomainName, ErrorLevel } from './error-domains.js';

export interface VirtErrorInit {
  code: ErrorCodeName;
  domain: ErrorDomainName;
  /**
   * The detail put into the code's template (libvirt's "info"): `{code: 'NO_DOMAIN', info: "no domain
   * with matching name 'x'"}` gives `Domain not found: no domain with matching name 'x'`.
   */
  info?: string;
  /** The whole message, for errors whose text is not template + detail. Wins over `info`. */
  message?: string;
  level?: ErrorLevel;
  str1?: string;
  str2?: string;
  str3?: string;
  int1?: number;
  int2?: number;
  conn?: Connection;
  dom?: Domain;
  cause?: unknown;
}

const marker = Symbol.for('libvirt-ts.VirtError');

/**
 * libvirt's virError as an Error. `message` is exactly the text libvirt 9 gives (virsh prints it after
 * "error: "); `code`/`domain` are the virErrorNumber / virErrorDomain names, with their numbers beside.
 */
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
  /** The connection involved, once the error has been reported through one. */
  conn: Connection | undefined;
  /** The domain involved, if any. */
  dom: Domain | undefined;
  readonly [marker] = true;

  constructor(init: VirtErrorInit) {
    super(init.message ?? errorMessage(init.code, init.info), init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.codeNumber = ERROR_CODE_TABLE[init.code].number;
    this.domain = init.domain;
    this.domainNumber = ErrorDomain[init.domain];
    this.level = init.level ?? ErrorLevel.ERROR;
    this.str1 = init.str1 ?? init.info;
    this.str2 = init.str2;
    this.str3 = init.str3;
    this.int1 = init.int1;
    this.int2 = init.int2;
    this.conn = init.conn;
    this.dom = init.dom;
  }

  /** True for a VirtError from any copy of this package. */
  static isInstance(value: unknown): value is VirtError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}
