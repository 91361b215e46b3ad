import { afterAll, beforeAll } from 'vitest';
import { setErrorFunc } from '../../src/index.js';

/** Tests expect errors: keep the default handler from printing each one on stderr. */
export function quietErrors(): void {
  beforeAll(() => setErrorFunc(() => {}));
  afterAll(() => setErrorFunc(null));
}
