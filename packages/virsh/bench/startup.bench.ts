import { spawnSync } from 'node:child_process';
import { bench, describe } from 'vitest';
import { hasRealVirsh, ourVirsh, realVirsh } from './peers.js';

// Whole-process start-up of one command, against Node's own start-up (the floor,
// target: within 1.15x) and against Debian's virsh 9. vitest prints how many times
// faster the fastest is than each of the others. The bin runs the command line from V8's
// code cache, made by the first (warm-up) run; "no code cache" points the cache at a
// directory that cannot be made, so every run compiles the bundle, as a first run does.
const args = ['-c', 'test:///default', 'list', '--all'];
const options = { iterations: 30, time: 0, warmupIterations: 3 };
const noCodeCache = { ...process.env, XDG_CACHE_HOME: '/dev/null/no-cache' };

describe('virsh -c test:///default list --all (whole process)', () => {
  bench('node -e 0 (floor)', () => {
    spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  }, options);

  bench('libvirt-ts virsh', () => ourVirsh(args), options);

  bench('libvirt-ts virsh, no code cache', () => ourVirsh(args, noCodeCache), options);

  bench.skipIf(!hasRealVirsh)('Debian virsh 9', () => realVirsh(args), options);
});

describe('virsh -v (no connection)', () => {
  bench('node -e 0 (floor)', () => {
    spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  }, options);

  bench('libvirt-ts virsh -v', () => ourVirsh(['-v']), options);
});
