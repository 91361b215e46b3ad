import { expect } from 'vitest';
import { type ErrorCodeName, type ErrorDomainName, VirtError } from '../../src/index.js';

/** Awaits `promise`, expecting a VirtError with this code, message and (optionally) layer. */
export async function expectVirtError(
  promise: Promise<unknown>,
  code: ErrorCodeName,
  message: string,
  domain?: ErrorDomainName,
): Promise<VirtError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(VirtError.isInstance(error), `expected a VirtError, got ${String(error)}`).toBe(true);
  const virtError = error as VirtError;
  expect({ code: virtError.code, message: virtError.message }).toEqual({ code, message });
  if (domain !== undefined) expect(virtError.domain).toBe(domain);
  return virtError;
}
