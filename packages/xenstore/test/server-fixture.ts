import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { XenstoreClient } from '../src/index.js';
import { startTemporaryXenstored, type TemporaryXenstored, type TemporaryXenstoredOptions } from '../src/server/index.js';

export interface ServerFixture {
  /** Our xenstored in a temporary directory. */
  readonly xenstored: TemporaryXenstored;
  /** A dom0 client connected to its read-write socket. */
  readonly xs: XenstoreClient;
}

/**
 * Starts a fresh xenstored and a dom0 client before each test (or once, for `'all'`) and closes
 * both after. Read the fields inside tests and hooks: they are set by then.
 */
export function useXenstored(options: TemporaryXenstoredOptions = {}, scope: 'each' | 'all' = 'each'): ServerFixture {
  const fixture = {} as { xenstored: TemporaryXenstored; xs: XenstoreClient };
  const [before, after] = scope === 'each' ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    fixture.xenstored = await startTemporaryXenstored(options);
    fixture.xs = await XenstoreClient.connect({ path: fixture.xenstored.socketPath });
  });
  after(async () => {
    await fixture.xs.close();
    await fixture.xenstored.close();
  });
  return fixture;
}
