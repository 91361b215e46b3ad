import type { RemoteError } from '@libvirt-ts/remote';
import { errorCodeName } from '../../errors/error-codes.js';
import { type ErrorLevel, errorDomainName } from '../../errors/error-domains.js';
import { VirtError } from '../../errors/virt-error.js';

/**
 * A RemoteError as libvirt's client reports it: the server's code, domain, level, message and
 * str/int fields as sent, or for local failures (connection closed, keepalive, timeout...) the
 * RPC-layer code libvirt's own client uses. The RemoteError stays as `cause`.
 */
export function remoteToVirtError(error: RemoteError): VirtError {
  return new VirtError({
    code: errorCodeName(error.virErrorCode) ?? 'INTERNAL_ERROR',
    domain: errorDomainName(error.virErrorDomain) ?? 'REMOTE',
    message: error.message,
    level: error.level as ErrorLevel,
    ...(error.str1 === null ? {} : { str1: error.str1 }),
    ...(error.str2 === null ? {} : { str2: error.str2 }),
    ...(error.str3 === null ? {} : { str3: error.str3 }),
    int1: error.int1,
    int2: error.int2,
    cause: error,
  });
}
