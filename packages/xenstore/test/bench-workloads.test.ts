import { describe, expect, it } from 'vitest';
import { buildTree, listWithOurs, listWithXenstoreLs, readsInFlight, sequentialReads } from '../bench/workloads.js';
import { C_CLIENT_MISSING, hasCClient } from './c-client.js';
import { useXenstored } from './server-fixture.js';

// The benchmark's workloads, run once each in CI: they work and the two listings agree.
describe('benchmark workloads', () => {
  const server = useXenstored({}, 'all');

  it('reads sequentially and 64 in flight', async () => {
    await server.xs.write('/value', 'v');
    await sequentialReads(server.xs, '/value', 64);
    await readsInFlight(server.xs, '/value', 64);
  });

  it.skipIf(!hasCClient)('lists the 10,000-node tree exactly as xenstore-ls -f does', async () => {
    expect(await buildTree(server.xs, '/bench')).toBe(10_000);
    const ours = await listWithOurs(server.xs, '/bench');
    expect(ours).toHaveLength(10_000);
    expect(ours).toEqual(await listWithXenstoreLs(server.xenstored.socketPath, '/bench'));
  }, 120_000);
});

if (!hasCClient) console.warn(C_CLIENT_MISSING);
