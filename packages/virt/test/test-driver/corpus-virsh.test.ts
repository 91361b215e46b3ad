import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
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

const SEPARATOR = '==next-definition==';

/** In one virsh process the n-th created domain gets id n (ids are never reused); ours start afresh. */
function maskId(xml: string): string {
  return xml.replace(/^(<domain type='\w+') id='\d+'>/, "$1 id='N'>");
}

/**
 * What virsh 9 dumps for every corpus file, from one virsh process per mode (a process per file
 * would cost ~0.1 s each): `define; dumpxml --inactive; undefine` (or `create; dumpxml; destroy`),
 * with an echoed separator between files. A file whose definition virsh refused leaves an empty
 * chunk; its message is then read from a run of its own.
 */
function virshDumps(how: 'define' | 'create', files: string[], xmls: string[]): string[] {
  const script = files
    .map((file, i) => {
      const name = virshName(xmls[i] ?? '');
      const steps = how === 'define' ? `define ${file}; dumpxml --inactive ${name}; undefine ${name}` : `create ${file}; dumpxml ${name}; destroy ${name}`;
      return `${steps}; echo ${SEPARATOR}`;
    })
    .join('; ');
  const chunks = runVirsh(emptyNode, script).stdout.split(SEPARATOR);
  return files.map((file, i) => {
    const chunk = chunks[i] ?? '';
    if (chunk !== '') return chunk;
    const alone = runVirsh(emptyNode, `${how} ${file}`);
    return alone.stderr.replace(/^error: Failed to .*\n/, '').replace(/^error: /, '').trimEnd();
  });
}

for (const how of ['define', 'create'] as const) {
  describe.skipIf(!virshAvailable())(`libvirt corpus: ${how} + dumpxml${how === 'define' ? ' --inactive' : ''} as virsh 9`, () => {
    const paths = corpus.map((file) => fixturePath(`libvirt-corpus/${file}`));
    const xmls = paths.map((path) => readFileSync(path, 'utf8'));
    let theirs: string[] = [];
    beforeAll(() => {
      theirs = virshDumps(how, paths, xmls);
    });
    corpus.forEach((file, i) => {
      it(file, async () => {
        const conn = await open(emptyNode);
        const made = how === 'define' ? conn.defineXML(xmls[i] ?? '') : conn.createXML(xmls[i] ?? '');
        const ours = await made.then(
          (dom) => dom.XMLDesc(how === 'define' ? 2 : 0),
          (e: VirtError) => e.message,
        );
        await conn.close();
        expect(maskId(maskRandom(ours))).toBe(maskId(maskRandom(theirs[i] ?? '')));
      });
    });
  });
}
