import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { writeNodeFile } from './node-file.js';
import { hasRealVirsh, ourVirsh, realVirsh } from './peers.js';

// The bulk cases: many commands in one invocation, and a large node file.
// Target: no slower than Debian's virsh 9.
const options = { iterations: 10, time: 0, warmupIterations: 1 };

describe('1,000 x "dominfo test;" in one invocation', () => {
  const script = ['-c', 'test:///default', 'dominfo test;'.repeat(1000)];
  bench('libvirt-ts virsh', () => ourVirsh(script), options);
  bench.skipIf(!hasRealVirsh)('Debian virsh 9', () => realVirsh(script), options);
});

describe('list --all on a 1,000-domain node file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'virsh-bench-'));
  const nodeFile = join(dir, 'node1000.xml');
  writeNodeFile(nodeFile, 1000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const args = ['-c', `test://${nodeFile}`, 'list', '--all'];
  bench('libvirt-ts virsh', () => ourVirsh(args), options);
  bench.skipIf(!hasRealVirsh)('Debian virsh 9', () => realVirsh(args), options);
});
