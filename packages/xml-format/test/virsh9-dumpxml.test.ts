// The real libvirt 9 formatter as the reference: define every corpus document
// on virsh 9's test driver, dump it back, and check that formatDomainXml
// reproduces what libvirt 9 printed, byte for byte, from our parse of it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDomainXml, parseDomainXml } from '../src/index.js';
import { allDomainFixtures } from './fixtures.js';

const virshFound = spawnSync('virsh', ['--version']).status === 0;
if (!virshFound) console.warn('virsh9-dumpxml.test.ts skipped: virsh (Debian package libvirt-clients) is not installed');

/**
 * 0.1.x-0.2.x idioms libvirt 9 refuses to define, which this package reads
 * (as documented in the README) for the sake of old documents.
 */
const REFUSED_BY_LIBVIRT_9: Readonly<Record<string, string>> = {
  'peer-virsh/fv0-xen.xml': "<boot dev='hda'>",
  'v0.1.5-earliest/testdomfv0.xml': '<maxMemory> without slots',
  'v0.2.0/testdomfv0.xml': '<maxMemory> without slots',
  'v0.2.0/sexpr2xml-curmem.xml': "<target dev='xvda:disk'>",
  'v0.2.0/xml2sexpr-curmem.xml': "<target dev='xvda:disk'>",
};

// virsh's own script syntax: single quotes, backslash escapes.
const quote = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

describe.skipIf(!virshFound)("virsh 9 'define' then 'dumpxml' of every corpus document", () => {
  const documents = allDomainFixtures().map(({ name, text }) => ({ name, text, domain: parseDomainXml(text).name }));
  const dumps = new Map<string, string>();
  let dir = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xml-format-virsh-'));
    // One virsh process runs the whole script; `echo @@N` marks where each document's dump starts.
    const commands = documents.map(({ name, text, domain }, index) => {
      const file = join(dir, name.replace('/', '__'));
      writeFileSync(file, text);
      return `echo @@${index}; define ${quote(file)}; dumpxml ${quote(domain)}; undefine ${quote(domain)}`;
    });
    const run = spawnSync('virsh', ['-q', '-c', 'test:///default', commands.join('; ')], { encoding: 'utf8', timeout: 120_000 });
    const parts = (run.stdout ?? '').split(/@@(\d+)\n?/);
    for (let index = 1; index < parts.length; index += 2) {
      const dump = parts[index + 1] ?? '';
      if (dump.startsWith('<domain')) dumps.set(documents[Number(parts[index])]!.name, dump);
    }
  }, 150_000);
  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  for (const { name } of documents) {
    const refusal = REFUSED_BY_LIBVIRT_9[name];
    if (refusal === undefined) {
      it(name, () => {
        const dump = dumps.get(name);
        expect(dump, 'virsh 9 printed no domain for it').toBeDefined();
        expect(formatDomainXml(parseDomainXml(dump!, { strict: true }))).toBe(dump);
      });
    } else {
      it(`${name} is refused by libvirt 9 (${refusal}), read by us`, () => {
        expect(dumps.has(name)).toBe(false);
      });
    }
  }
});
