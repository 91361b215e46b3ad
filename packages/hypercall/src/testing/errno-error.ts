import { constants } from 'node:os';
import type { ErrnoFailure } from '../backend/privcmd-backend.js';

export type ErrnoName = keyof typeof constants.errno;

/** An Error shaped like the addon's rejections, for fake hypercall answers. */
export function errnoError(name: ErrnoName | number): Error & ErrnoFailure {
  const errno = typeof name === 'number' ? name : constants.errno[name];
  const error = new Error(`ioctl: ${typeof name === 'number' ? `errno ${name}` : name} (fake)`) as Error & ErrnoFailure;
  error.errno = errno;
  return error;
}
