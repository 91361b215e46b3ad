import { isErrnoFailure } from '../backend/privcmd-backend.js';
import { errnoName } from './errno-name.js';
import { type HypercallErrorCode, HypercallError } from './hypercall-error.js';

const codeByErrno: Readonly<Record<string, HypercallErrorCode>> = {
  EPERM: 'EPERM',
  EACCES: 'EACCES',
  EINVAL: 'EINVAL',
  ESRCH: 'ESRCH',
};

/** Wraps a failed hypercall in a HypercallError naming the operation (and domain). */
export function hypercallFailure(error: unknown, op: string, device: string, domain?: number): HypercallError {
  if (HypercallError.isInstance(error)) return error;
  if (!isErrnoFailure(error)) {
    return new HypercallError({
      code: 'ERRNO',
      message: `${op} failed: ${String(error)}`,
      op,
      device,
      ...(domain === undefined ? {} : { domain }),
      cause: error,
    });
  }
  const name = errnoName(error.errno);
  const on = domain === undefined ? '' : ` on domain ${domain}`;
  return new HypercallError({
    code: codeByErrno[name] ?? 'ERRNO',
    message: `${op}${on} failed: ${name} (${error.message})`,
    op,
    device,
    errno: error.errno,
    ...(domain === undefined ? {} : { domain }),
    cause: error,
  });
}
