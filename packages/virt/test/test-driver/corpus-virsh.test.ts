import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open, type VirtError } from '../../src/index.js';
import { fixturePath } from '../helpers/fixtures.js';
import { quietErrors } from '../helpers/quiet-errors.js';
import { maskRandom, runVirsh, virshAvailable } from '../helpers/virsh-peer.js';

quietErrors();

// libvirt's Xen-era corpus, defined on an empty test node by virsh 9 and by us: the persistent
// definition each dumps must be the same (random UUIDs and MACs aside).
const SETS = ['sexpr2xmldata', 'xml2sexprdata', 'xmconfigdata'];
const corpus = (
  await Promise.all(SETS.map(async (set) => (await readdir(fixturePath(`libvirt-corpus/${set}`))).map((file) => `${set}/${file}`)))
)
  .flat()
  .filter((file) => file.endsWith('.xml'));

let emptyNode: string;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'virt-corpus-'));
  emptyNode = `test://${join(dir, 'empty-node.xml')}`;
  await writeFile(join(dir, 'empty-node.xml'), '<node/>\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The `<name>` of a definition, entities decoded and quoted for a virsh script. */
function virshName(xml: string): string {
  const raw = /<name>([^<]*)<\/name>/.exec(xml)?.[1] ?? '';
  const name = raw.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return `'${name.replace(/'/g, "\\\\'")}'`;
}

describe.skipIf(!virshAvailable())('libvirt corpus: define + dumpxml --inactive as virsh 9', () => {
  for (const file of corpus) {
    it(file, async () => {
      const path = fixturePath(`libvirt-corpus/${file}`);
      const xml = await readFile(path, 'utf8');
      const theirs = runVirsh(emptyNode, `define ${path} && dumpxml --inactive ${virshName(xml)}`.replace(' && ', '; '));
      const theirText = theirs.status === 0 ? theirs.stdout : theirs.stderr.replace(/^error: Failed to .*\n/, '').replace(/^error: /, '').trimEnd();
      const conn = await open(emptyNode);
      const ours = await conn.defineXML(xml).then(
        (dom) => dom.getXMLDesc(2),
        (e: VirtError) => e.message,
      );
      await conn.close();
      expect(maskRandom(ours)).toBe(maskRandom(theirText));
    });
  }
});
