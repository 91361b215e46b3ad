import type { ErrorCodeName } from '../../errors/error-codes.js';
import type { ErrorDomainName } from '../../errors/error-domains.js';
import { toVirtError } from '../../errors/to-virt-error.js';
import { VirtError } from '../../errors/virt-error.js';

/** A VirtError raised by one of the Xen drivers, its message from libvirt's template for `code`. */
export function xenDriverError(
  domain: ErrorDomainName,
  code: ErrorCodeName,
  info?: string,
  extra: { cause?: unknown; str2?: string; int1?: number } = {},
): VirtError {
  return new VirtError({ code, domain, info, ...extra });
}

/** Runs `operation`, turning whatever it throws into a VirtError of the driver's layer. */
export async function asVirtErrors<T>(domain: ErrorDomainName, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toVirtError(error, domain);
  }
}

/** As asVirtErrors, but an error that `isAbsent` recognises ("no such node/domain") resolves to undefined. */
export async function orAbsent<T>(domain: ErrorDomainName, operation: () => Promise<T>, isAbsent: (error: unknown) => boolean): Promise<T | undefined> {
  try {
    return await operation();
  } catch (error) {
    if (isAbsent(error)) return undefined;
    throw toVirtError(error, domain);
  }
}
