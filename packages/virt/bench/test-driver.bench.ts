import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { open, setErrorFunc } from '../src/index.js';

// Side by side with Debian's virsh 9 on the same work (vitest prints the ratios). virsh's numbers
// include its process start (~14 ms), which is part of what a virsh user waits for.
setErrorFunc(() => {});
const peer = spawnSync('virsh', ['--version'], { stdio: 'ignore' }).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'virt-bench-'));
const node1000 = join(dir, 'node1000.xml');
const domains = Array.from({ length: 1000 }, (_, i) => {
  const name = `dom${String(i + 1).padStart(4, '0')}`;
  return `  <domain type='test'><name>${name}</name><memory>65536</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>`;
});
writeFileSync(node1000, `<node>\n${domains.join('\n')}\n</node>\n`);

function virsh(uri: string, script: string): void {
  const result = spawnSync('virsh', ['-q', '-c', uri, script], { stdio: 'ignore', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`virsh failed: ${script.slice(0, 40)}`);
}

describe('list --all of a 1000-domain node file (load + list with info)', () => {
  bench('virt: open + listAllDomainsWithInfo + close', async () => {
    const conn = await open(`test://${node1000}`);
    await conn.listAllDomainsWithInfo();
    await conn.close();
  });
  bench.skipIf(!peer)('virsh 9: list --all', () => virsh(`test://${node1000}`, 'list --all'));
});

describe('1000 domstate of test on test:///default', () => {
  const script = Array.from({ length: 1000 }, () => 'domstate test').join(';');
  bench('virt: open + 1000 x lookupDomainByName + getState + close', async () => {
    const conn = await open('test:///default');
    for (let i = 0; i < 1000; i++) await (await conn.lookupByName('test')).state();
    await conn.close();
  });
  bench.skipIf(!peer)('virsh 9: one process, 1000 x domstate', () => virsh('test:///default', script));
});
