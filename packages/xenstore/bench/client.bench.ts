import { afterAll, bench, describe } from 'vitest';
import { XenstoreClient } from '../src/index.js';
import { hasCClient } from '../test/c-client.js';
import { startBenchServer } from './server-process.js';
import { buildTree, listWithOurs, listWithXenstoreLs, readsInFlight, sequentialReads } from './workloads.js';

// Run `pnpm --filter @libvirt-ts/xenstore build` first: the server then runs in its own process.
const server = await startBenchServer();
const xs = await XenstoreClient.connect({ path: server.socketPath });
const nodes = await buildTree(xs, '/bench');
await xs.write('/value', 'x'.repeat(64));
console.log(`xenstored-ts ${server.where}; tree of ${nodes} nodes under /bench`);

afterAll(async () => {
  await xs.close();
  await server.stop();
});

// Both do 64 reads per iteration: ops/s = 64 × hz; the ratio is what pipelining buys.
describe('64 reads of a 64-byte value', () => {
  bench('libvirt-ts: one after another', () => sequentialReads(xs, '/value', 64), { time: 2000 });
  bench('libvirt-ts: 64 in flight', () => readsInFlight(xs, '/value', 64), { time: 2000 });
});

describe(`list a ${nodes}-node tree (full paths and values)`, () => {
  bench('libvirt-ts: xs.readTree', () => listWithOurs(xs, '/bench').then(() => undefined), { time: 5000, iterations: 5 });
  bench.skipIf(!hasCClient)('Xen 4.17 C: xenstore-ls -f', () => listWithXenstoreLs(server.socketPath, '/bench').then(() => undefined), {
    time: 5000,
    iterations: 5,
  });
});
