// Every document the writer emits for the corpus validates against libvirt's
// own RelaxNG schema (Debian libvirt0 9.0), checked by xmllint (libxml2-utils).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDomainXml, parseDomainXml } from '../src/index.js';
import { allDomainFixtures } from './fixtures.js';

const SCHEMA = '/usr/share/libvirt/schemas/domain.rng';
const xmllintFound = spawnSync('xmllint', ['--version']).status === 0;
const missing = !existsSync(SCHEMA) ? `${SCHEMA} (Debian package libvirt0)` : !xmllintFound ? 'xmllint (Debian package libxml2-utils)' : undefined;
if (missing !== undefined) console.warn(`schema.test.ts skipped: ${missing} is not installed`);

/**
 * Corpus documents whose canonical form the 9.0 schema rejects, because they
 * use 0.1.x-0.2.x constructs later libvirt dropped but libvirt 0.1.3 gave a
 * meaning to (listed in the README too).
 */
const SCHEMA_EXCEPTIONS: Readonly<Record<string, string>> = {
  'v0.2.0/xml2sexpr-net-routed.xml': "<interface type='ethernet'> with <source dev>: 0.1.x sends it to xend as (vif (dev …)); the later schema has no source for ethernet",
};

describe.skipIf(missing !== undefined)(`writer output validates against ${SCHEMA}`, () => {
  let dir = '';
  const documents = allDomainFixtures().map(({ name, text }) => ({ name, xml: formatDomainXml(parseDomainXml(text)) }));
  const fileOf = (name: string): string => join(dir, name.replace('/', '__'));
  const verdicts = new Map<string, string>();

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xml-format-schema-'));
    for (const { name, xml } of documents) writeFileSync(fileOf(name), xml);
    // One xmllint run for all documents: it reports "<file> validates" or "<file> fails to validate" per file.
    const report = spawnSync('xmllint', ['--noout', '--relaxng', SCHEMA, ...documents.map(({ name }) => fileOf(name))], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    for (const line of (report.stderr ?? '').split('\n')) {
      const match = /^(.*) (validates|fails to validate)$/.exec(line);
      if (match !== null) verdicts.set(match[1]!, match[2]!);
    }
  });
  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  for (const { name } of documents) {
    const exception = SCHEMA_EXCEPTIONS[name];
    if (exception === undefined) {
      it(name, () => {
        const file = fileOf(name);
        const verdict = verdicts.get(file);
        if (verdict !== 'validates') {
          // Show xmllint's own explanation for this one document.
          const detail = spawnSync('xmllint', ['--noout', '--relaxng', SCHEMA, file], { encoding: 'utf8' }).stderr;
          expect.fail(`${name}: ${verdict ?? 'no verdict'}\n${detail}`);
        }
      });
    } else {
      it(`${name} is a listed exception (${exception}) and indeed fails`, () => {
        expect(verdicts.get(fileOf(name))).toBe('fails to validate');
      });
    }
  }

  it('the schema check can fail: xmllint rejects a broken document', () => {
    const broken = join(dir, 'broken.xml');
    writeFileSync(broken, "<domain type='xen'><name>x</name><memory>nope</memory></domain>\n");
    expect(() => execFileSync('xmllint', ['--noout', '--relaxng', SCHEMA, broken], { stdio: 'pipe' })).toThrow();
  });
});
