import { describe, expect, it } from 'vitest';
import { type Connection, type Domain, DomainMemoryModFlags, DomainVcpuFlags, open, type VirtError } from '../../src/index.js';
import { fixturePath, readFixture } from '../helpers/fixtures.js';
import { quietErrors } from '../helpers/quiet-errors.js';
import { maskRandom, runVirsh, virshAvailable } from '../helpers/virsh-peer.js';

quietErrors();

const peer = virshAvailable();
if (!peer) console.warn('virsh (Debian libvirt-clients) is not installed: skipping the comparisons with the real test driver');

/** virsh's `domstate --reason` words for the states and reasons the test driver uses. */
const STATE_WORDS: Record<number, [string, string[]]> = {
  1: ['running', ['unknown', 'booted', 'migrated', 'restored', 'from snapshot', 'unpaused']],
  3: ['paused', ['unknown', 'user']],
  5: ['shut off', ['unknown', 'shutdown', 'destroyed', 'crashed', 'migrated', 'saved']],
};

async function stateWords(dom: Domain): Promise<string> {
  const { state, reason } = await dom.state();
  const [word, reasons] = STATE_WORDS[state] ?? ['?', []];
  return `${word} (${reasons[reason] ?? '?'})`;
}

async function withDefault<T>(body: (conn: Connection) => Promise<T>): Promise<T> {
  const conn = await open('test:///default');
  try {
    return await body(conn);
  } finally {
    await conn[Symbol.asyncDispose]();
  }
}

describe.skipIf(!peer)('the test driver against Debian virsh 9 on the same input', () => {
  const definitions: [string, string, 'define' | 'create'][] = [
    ['peer-virsh/newdom-test.xml', 'newdom', 'define'],
    ['peer-virsh/fv0-xen-boothd.xml', 'fv0', 'define'],
    ['peer-virsh/fc4-xen.xml', 'fc4', 'create'],
    ['peer-virsh/fc4-test.xml', 'fc4', 'define'],
    ['devices-test.xml', 'devices', 'create'],
  ];
  for (const [file, name, how] of definitions) {
    it(`${how} ${file}: dumpxml and dumpxml --inactive are virsh's`, async () => {
      const path = fixturePath(file);
      const theirs = runVirsh('test:///default', `${how} ${path}; dumpxml ${name}; dumpxml --inactive ${name}`);
      expect(theirs.status).toBe(0);
      const ours = await withDefault(async (conn) => {
        const xml = readFixture(file);
        const dom = how === 'define' ? await conn.defineXML(xml) : await conn.createXML(xml);
        return `${await dom.XMLDesc()}${await dom.XMLDesc(2)}`;
      });
      expect(maskRandom(ours)).toBe(maskRandom(theirs.stdout));
    });
  }

  const failures: [string, string][] = [
    ['peer-virsh/malformed.xml', 'create'],
    ['peer-virsh/notxml.xml', 'create'],
    ['peer-virsh/fv0-xen.xml', 'define'],
  ];
  for (const [file, how] of failures) {
    it(`${how} ${file} fails with virsh's libvirt message`, async () => {
      const theirs = runVirsh('test:///default', `${how} ${fixturePath(file)}`);
      const libvirtLine = theirs.stderr.replace(/^error: Failed to .*\n/, '').replace(/^error: /, '').replace(/\n$/, '');
      const ours = await withDefault(async (conn) => {
        const xml = readFixture(file);
        return (how === 'define' ? conn.defineXML(xml) : conn.createXML(xml)).catch((e: VirtError) => e.message);
      });
      expect(ours).toBe(libvirtLine);
    });
  }

  const invalid = [
    "<domain type='test'><name>a</name><memory>abc</memory><os><type>hvm</type></os></domain>",
    "<domain type='test'><name>a</name><memory>1024</memory></domain>",
    "<domain type='test'><name>a</name><uuid>zz</uuid><memory>1024</memory><os><type>hvm</type></os></domain>",
    "<domain type='test'><name>a</name><memory>1024</memory><os><type>hvm</type></os><on_reboot>explode</on_reboot></domain>",
    "<domain type='test'><name>a</name><memory>1024</memory><os><type>hvm</type></os><devices><disk type='file'><source file='/x'/></disk></devices></domain>",
    "<domain type='test'><name>a</name><memory>1024</memory><os><type>foo</type></os></domain>",
    "<domain type='bogus'><name>a</name><memory>1024</memory><os><type>hvm</type></os></domain>",
    "<domain type='test'><memory>1024</memory><os><type>hvm</type></os></domain>",
    "<domain type='test'><name>a</name><os><type>hvm</type></os></domain>",
  ];
  for (const xml of invalid) {
    it(`define of an invalid definition fails as in virsh: ${xml}`, async () => {
      const { mkdtemp, rm, writeFile } = await import('node:fs/promises');
      const { tmpdir } = await import('node:os');
      const { join } = await import('node:path');
      const dir = await mkdtemp(join(tmpdir(), 'virt-peer-invalid-'));
      try {
        await writeFile(join(dir, 'd.xml'), xml);
        const theirs = runVirsh('test:///default', `define ${join(dir, 'd.xml')}`);
        const libvirtLine = theirs.stderr.replace(/^error: Failed to .*\n/, '').replace(/^error: /, '').replace(/\n$/, '');
        expect(await withDefault((conn) => conn.defineXML(xml).then(() => 'defined', (e: VirtError) => e.message))).toBe(libvirtLine);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }

  it('dumps every domain of a node file as virsh does', async () => {
    const uri = `test://${fixturePath('peer-virsh/node1.xml')}`;
    const theirs = runVirsh(uri, 'dumpxml fv0; dumpxml fc4; dumpxml extra');
    const conn = await open(uri);
    const ours: string[] = [];
    for (const name of ['fv0', 'fc4', 'extra']) ours.push(await (await conn.lookupByName(name)).XMLDesc());
    await conn.close();
    expect(ours.join('')).toBe(theirs.stdout);
  });

  it('walks the same lifecycle through the same states and reasons as virsh', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'virt-peer-states-'));
    const steps = ['suspend', 'resume', 'shutdown', 'start', 'destroy', 'start', 'save', 'restore', 'reboot', 'suspend', 'save', 'restore'];
    try {
      const script = steps
        .map((step, i) => {
          const file = join(dir, `theirs${i}`);
          const command = step === 'save' ? `save test ${file}` : step === 'restore' ? `restore ${join(dir, `theirs${i - 1}`)}` : `${step} test`;
          return `${command}; domstate --reason test`;
        })
        .join('; ');
      const theirs = runVirsh('test:///default', `domstate --reason test; ${script}`).stdout.trim().split('\n');
      const ours = await withDefault(async (conn) => {
        const test = await conn.lookupByName('test');
        const seen = [await stateWords(test)];
        for (const [i, step] of steps.entries()) {
          if (step === 'save') await test.save(join(dir, `ours${i}`));
          else if (step === 'restore') await conn.restore(join(dir, `ours${i - 1}`));
          else if (step === 'start') await test.create();
          else await test[step as 'suspend' | 'resume' | 'shutdown' | 'destroy' | 'reboot']();
          seen.push(await stateWords(test));
        }
        return seen;
      });
      expect(ours).toEqual(theirs);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it('changes memory and vcpus of the live and persistent definitions as virsh 9 --config/--live/--maximum', async () => {
    const theirs = runVirsh(
      'test:///default',
      'setmem test 1048576 --config; setvcpus test 1 --config; setvcpus test 4 --maximum --config; setmaxmem test 9000000 --config; ' +
        'setmem test 1000000 --live; setvcpus test 2 --live --config; dumpxml test; dumpxml --inactive test; destroy test; ' +
        'setvcpus test 3 --config; setmem test 2000 --current; ' +
        'dumpxml --inactive test',
    );
    expect(theirs.status).toBe(0);
    const ours = await withDefault(async (conn) => {
      const test = await conn.lookupByName('test');
      const { MEM_CONFIG: CONFIG, MEM_LIVE: LIVE, MEM_CURRENT: CURRENT, MEM_MAXIMUM } = DomainMemoryModFlags;
      const { VCPU_MAXIMUM } = DomainVcpuFlags;
      await test.setMemoryFlags(1048576, CONFIG);
      await test.setVcpusFlags(1, CONFIG);
      await test.setVcpusFlags(4, CONFIG | VCPU_MAXIMUM);
      await test.setMemoryFlags(9000000, CONFIG | MEM_MAXIMUM);
      await test.setMemoryFlags(1000000, LIVE);
      await test.setVcpusFlags(2, LIVE | CONFIG);
      const dumps = [await test.XMLDesc(), await test.XMLDesc(2)];
      await test.destroy();
      await test.setVcpusFlags(3, CONFIG);
      await test.setMemoryFlags(2000, CURRENT);
      dumps.push(await test.XMLDesc(2));
      return dumps.join('');
    });
    expect(ours).toBe(theirs.stdout);
  });

  it('saves a file virsh restores, and restores a file virsh saved', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'virt-peer-save-'));
    try {
      const ourFile = join(dir, 'ours');
      await withDefault(async (conn) => (await conn.lookupByName('test')).save(ourFile));
      const theirs = runVirsh('test:///default', `destroy test; restore ${ourFile}; domstate test`);
      expect(theirs.stdout.trim()).toBe('running');
      const theirFile = join(dir, 'theirs');
      expect(runVirsh('test:///default', `save test ${theirFile}`).status).toBe(0);
      await withDefault(async (conn) => {
        const test = await conn.lookupByName('test');
        await test.destroy();
        await conn.restore(theirFile);
        expect(await test.isActive()).toBe(true);
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
