import type { ErrorDomainName } from '../../errors/error-domains.js';
import { xenDriverError } from './to-virt-error.js';

/**
 * Bounds a peer's answer: rejects with OPERATION_TIMEOUT (in `domain`) after `ms`. Used where the
 * client library has no deadline of its own, so a silent peer cannot hang an API call.
 */
export function withTimeout<T>(work: Promise<T>, ms: number, domain: ErrorDomainName, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(xenDriverError(domain, 'OPERATION_TIMEOUT', `${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
