import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTree, listWithOurs, listWithXenstoreLs, readsInFlight, sequentialReads } from '../bench/workloads.js';
import { XenstoreClient } from '../src/index.js';
import { startTemporaryXenstored, type TemporaryXenstored } from '../src/server/index.js';
import { C_CLIENT_MISSING, hasCClient } from './c-client.js';

// The benchmark's workloads, run once each in CI: they work and the two listings agree.
describe('benchmark workloads', () => {
  let xenstored: TemporaryXenstored;
  let xs: XenstoreClient;

  beforeAll(async () => {
    xenstored = await startTemporaryXenstored();
    xs = await XenstoreClient.connect({ path: xenstored.socketPath });
  });

  afterAll(async () => {
    await xs.close();
    await xenstored.close();
  });

  it('reads sequentially and 64 in flight', async () => {
    await xs.write('/value', 'v');
    await sequentialReads(xs, '/value', 64);
    await readsInFlight(xs, '/value', 64);
  });

  it.skipIf(!hasCClient)('lists the 10,000-node tree exactly as xenstore-ls -f does', async () => {
    expect(await buildTree(xs, '/bench')).toBe(10_000);
    const ours = await listWithOurs(xs, '/bench');
    expect(ours).toHaveLength(10_000);
    expect(ours).toEqual(await listWithXenstoreLs(xenstored.socketPath, '/bench'));
  });
});

if (!hasCClient) console.warn(C_CLIENT_MISSING);
