import { afterAll, beforeAll } from 'vitest';
import { setErrorHandler } from '../../src/index.js';

/** Tests expect errors: keep the default handler from printing each one on stderr. */
export function quietErrors(): void {
  beforeAll(() => setErrorHandler(() => {}));
  afterAll(() => setErrorHandler(null));
}
