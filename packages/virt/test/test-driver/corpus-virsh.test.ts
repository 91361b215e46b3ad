import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open, type VirtError } from '../../src/index.js';
import { fixturePath } from '../helpers/fixtures.js';
import { quietErrors } from '../helpers/quiet-errors.js';
import { maskRandom, runVirsh, virshAvailable } from '../helpers/virsh-peer.js';

quietErrors();

// libvirt's Xen-era corpus, defined (or created) on an empty test node by virsh 9 and by us: the
// persistent (or running) definition each dumps must be the same (random UUIDs and MACs aside).
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

for (const how of ['define', 'create'] as const) {
  describe.skipIf(!virshAvailable())(`libvirt corpus: ${how} + dumpxml${how === 'define' ? ' --inactive' : ''} as virsh 9`, () => {
    for (const file of corpus) {
      it(file, async () => {
        const path = fixturePath(`libvirt-corpus/${file}`);
        const xml = await readFile(path, 'utf8');
        const dump = how === 'define' ? 'dumpxml --inactive' : 'dumpxml';
        const theirs = runVirsh(emptyNode, `${how} ${path}; ${dump} ${virshName(xml)}`);
        const theirText = theirs.status === 0 ? theirs.stdout : theirs.stderr.replace(/^error: Failed to .*\n/, '').replace(/^error: /, '').trimEnd();
        const conn = await open(emptyNode);
        const made = how === 'define' ? conn.defineXML(xml) : conn.createXML(xml);
        const ours = await made.then(
          (dom) => dom.getXMLDesc(how === 'define' ? 2 : 0),
          (e: VirtError) => e.message,
        );
        await conn.close();
        expect(maskRandom(ours)).toBe(maskRandom(theirText));
      });
    }
  });
}
