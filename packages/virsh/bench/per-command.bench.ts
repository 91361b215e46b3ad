import { bench, describe } from 'vitest';
import { bundlePath, realVirshPath } from '../test/run-virsh.js';
import { type Contender, perUnitCostUs } from './child-cost.js';
import { hasRealVirsh, ourVirsh, realVirsh } from './peers.js';

// What one more command costs once virsh runs: (CPU of 1,000 commands in one invocation - CPU of
// one) / 1,000, ours against Debian's virsh 9 in the same run. Target: 0.5x or less.
const COUNT = 1000;
const ROUNDS = 7;
const commands = ['dominfo test', 'domstate test', 'domid test', 'list'];

function contenders(command: string): Contender[] {
  const base = ['-c', 'test:///default', command];
  const bulk = ['-c', 'test:///default', `${command};`.repeat(COUNT)];
  const ours = { name: 'libvirt-ts', program: process.execPath, base: [bundlePath, ...base], bulk: [bundlePath, ...bulk] };
  return hasRealVirsh ? [ours, { name: 'virsh 9', program: realVirshPath as string, base, bulk }] : [ours];
}

for (const command of commands) {
  const cost = perUnitCostUs(contenders(command), COUNT, ROUNDS);
  const ours = cost.get('libvirt-ts') as number;
  const peer = cost.get('virsh 9');
  const ratio = peer === undefined ? 'no virsh 9 here' : `${(ours / peer).toFixed(2)}x virsh 9's ${peer.toFixed(1)} us`;
  console.log(`per-command CPU cost of "${command}": ${ours.toFixed(1)} us, ${ratio} (target 0.5x)`);
}

describe('1,000 x "domstate test;" in one invocation (whole process, wall clock)', () => {
  const script = ['-c', 'test:///default', 'domstate test;'.repeat(COUNT)];
  const options = { iterations: 5, time: 0, warmupIterations: 1 };
  bench('libvirt-ts virsh', () => ourVirsh(script), options);
  bench.skipIf(!hasRealVirsh)('Debian virsh 9', () => realVirsh(script), options);
});
