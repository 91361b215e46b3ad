import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { bundlePath, realVirshPath } from '../test/run-virsh.js';
import { childPeakRssMiB, type Contender, perUnitCostUs } from './child-cost.js';
import { writeNodeFile } from './node-file.js';
import { hasRealVirsh, ourVirsh, realVirsh } from './peers.js';

// What one more domain of a test-driver node file costs `list --all`: (CPU of the N-domain file -
// CPU of a 1-domain file) / (N - 1), ours against Debian's virsh 9 in the same run, at 1,000 and
// 10,000 domains (growing linearly: the slope, cost at 10k / cost at 1k, near 1), and the peak
// resident memory of both on the 10,000-domain file. Target: 0.5x or less.
const SIZES = [1000, 10_000];
const ROUNDS = 5;
const dir = mkdtempSync(join(tmpdir(), 'virsh-node-file-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function nodeFile(count: number): string {
  const path = join(dir, `node${count}.xml`);
  writeNodeFile(path, count);
  return path;
}

const listArgs = (path: string) => ['-c', `test://${path}`, 'list', '--all'];
const single = listArgs(nodeFile(1));

function contenders(path: string): Contender[] {
  const ours = { name: 'libvirt-ts', program: process.execPath, base: [bundlePath, ...single], bulk: [bundlePath, ...listArgs(path)] };
  return hasRealVirsh ? [ours, { name: 'virsh 9', program: realVirshPath as string, base: single, bulk: listArgs(path) }] : [ours];
}

const perDomain = new Map<number, Map<string, number>>();
for (const size of SIZES) {
  const cost = perUnitCostUs(contenders(nodeFile(size)), size - 1, ROUNDS);
  perDomain.set(size, cost);
  const ours = cost.get('libvirt-ts') as number;
  const peer = cost.get('virsh 9');
  const ratio = peer === undefined ? 'no virsh 9 here' : `${(ours / peer).toFixed(2)}x virsh 9's ${peer.toFixed(1)} us`;
  console.log(`node file of ${size} domains, list --all, CPU per domain: ${ours.toFixed(1)} us, ${ratio} (target 0.5x)`);
}
const slope = (name: string) => {
  const small = perDomain.get(SIZES[0] as number)?.get(name);
  const large = perDomain.get(SIZES[1] as number)?.get(name);
  return small && large ? (large / small).toFixed(2) : 'n/a';
};
console.log(`per-domain cost at 10k / at 1k (1.00 = linear): libvirt-ts ${slope('libvirt-ts')}, virsh 9 ${slope('virsh 9')}`);

const largest = nodeFile(SIZES[1] as number);
const ourRss = childPeakRssMiB(process.execPath, [bundlePath, ...listArgs(largest)]);
const peerRss = hasRealVirsh ? childPeakRssMiB(realVirshPath as string, listArgs(largest)) : undefined;
console.log(
  ourRss === undefined
    ? 'peak RSS: no GNU time here (/usr/bin/time)'
    : `peak RSS on the 10,000-domain file: libvirt-ts ${ourRss.toFixed(1)} MiB, virsh 9 ${peerRss === undefined ? 'n/a' : `${peerRss.toFixed(1)} MiB`}`,
);

describe('list --all on a 10,000-domain node file (whole process, wall clock)', () => {
  const options = { iterations: 3, time: 0, warmupIterations: 1 };
  bench('libvirt-ts virsh', () => ourVirsh(listArgs(largest)), options);
  bench.skipIf(!hasRealVirsh)('Debian virsh 9', () => realVirsh(listArgs(largest)), options);
});
