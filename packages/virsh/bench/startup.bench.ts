import { spawnSync } from 'node:child_process';
import { bench, describe } from 'vitest';
import { bundlePath } from '../test/run-virsh.js';

// Whole-process start-up: our virsh against Node's own start-up (the floor).
// vitest prints each result and how many times faster the fastest one is.
describe('virsh -c test:///default list (whole process)', () => {
  bench('node -e 0 (floor)', () => {
    spawnSync(process.execPath, ['-e', '0']);
  }, { iterations: 20, time: 0 });

  bench('libvirt-ts virsh list', () => {
    spawnSync(process.execPath, [bundlePath, '-c', 'test:///default', 'list']);
  }, { iterations: 20, time: 0 });
});
