import { XendError } from '../../src/errors/xend-error.js';

/** The XendError `action` throws; fails the test if it throws anything else or nothing. */
export function catchXendError(action: () => unknown): XendError {
  try {
    action();
  } catch (error) {
    if (XendError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a XendError');
}
