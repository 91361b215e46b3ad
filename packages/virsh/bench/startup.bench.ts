import { spawnSync } from 'node:child_process';
import { bench, describe } from 'vitest';
import { hasRealVirsh, ourVirsh, realVirsh } from './peers.js';

// Whole-process start-up of one command, against Node's own start-up (the floor,
// target: within 1.3x) and against Debian's virsh 9. vitest prints how many times
// faster the fastest is than each of the others.
const args = ['-c', 'test:///default', 'list', '--all'];
const options = { iterations: 30, time: 0, warmupIterations: 3 };

describe('virsh -c test:///default list --all (whole process)', () => {
  bench('node -e 0 (floor)', () => {
    spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  }, options);

  bench('libvirt-ts virsh', () => ourVirsh(args), options);

  bench.skipIf(!hasRealVirsh)('Debian virsh 9', () => realVirsh(args), options);
});

describe('virsh -v (no connection)', () => {
  bench('node -e 0 (floor)', () => {
    spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  }, options);

  bench('libvirt-ts virsh -v', () => ourVirsh(['-v']), options);
});
