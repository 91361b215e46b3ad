import { mkdtemp, open as openFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { faultReport, measurePeak } from '@libvirt-ts/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open, VirtError } from '../../src/index.js';
import { expectVirtError } from '../helpers/expect-virt-error.js';
import { quietErrors } from '../helpers/quiet-errors.js';

// The fault suite for virt's test driver: hostile save images and node files. Each attack's
// peak memory (VmHWM of this process, reset before it) and time are printed, not asserted as
// timings; memory bounds are asserted generously.
quietErrors();

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'virt-faults-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const report = faultReport(
  'fault-virt.md',
  'virt fault suite',
  'Each attack through the API, in the test worker process: growth of its peak RSS (VmHWM, reset before the attack) and wall time on this machine.',
  ['attack', 'peak RSS growth MiB', 'ms'],
);
afterAll(() => report.write());

/** Runs `attack`, records its peak RSS growth (MiB) and time; returns the growth. */
async function measured(name: string, attack: () => Promise<unknown>): Promise<number> {
  const { growthMiB, ms } = await measurePeak(attack);
  report.add(name, growthMiB.toFixed(1), ms.toFixed(0));
  return growthMiB;
}

async function sparseFile(name: string, header: Uint8Array, size: number): Promise<string> {
  const path = join(dir, name);
  const file = await openFile(path, 'w');
  await file.write(header, 0, header.length, 0);
  await file.truncate(size);
  await file.close();
  return path;
}

const MAGIC = new TextEncoder().encode('TestGuestMagic\0');

describe('restore reads only the header and the XML it announces (defect 5)', () => {
  it('a 400 MB sparse image with a bad length: the virsh 9 error, without reading the file', async () => {
    const header = new Uint8Array(MAGIC.length + 4);
    header.set(MAGIC);
    const image = await sparseFile('sparse.img', header, 400 * 1024 * 1024);
    const conn = await open('test:///default');
    const growth = await measured('restore: 400 MB sparse image, length 0', () =>
      expectVirtError(conn.restore(image), 'INTERNAL_ERROR', 'internal error: length of metadata out of range'),
    );
    expect(growth).toBeLessThan(100);
    expect(await conn.numOfDomains()).toBe(1); // nothing lost, nothing added
    await conn.close();
  });

  it('a symlink to /dev/zero: mismatched header magic, as virsh 9 answers at once', async () => {
    const zero = join(dir, 'zero.img');
    await symlink('/dev/zero', zero);
    const conn = await open('test:///default');
    const growth = await measured('restore: symlink to /dev/zero', () =>
      expectVirtError(conn.restore(zero), 'INTERNAL_ERROR', 'internal error: mismatched header magic'),
    );
    expect(growth).toBeLessThan(100);
    await conn.close();
  });
});

describe('node files have a size bound (defect 7)', () => {
  const tooLarge = (path: string) => `Failed to read file '${path}': Value too large for defined data type`;

  it("a node file that is a symlink to /dev/zero: libxml2's empty document (it stops at the first NUL), bounded memory", async () => {
    const zero = join(dir, 'zero.xml');
    await symlink('/dev/zero', zero);
    const growth = await measured('node file: symlink to /dev/zero', () =>
      expectVirtError(open(`test://${zero}`), 'XML_DETAIL', `${zero}:1: Document is empty\n(null)\n^`),
    );
    expect(growth).toBeLessThan(200);
  });

  it('a node file over 10 MiB without a NUL is refused with virFileReadAll\'s words', async () => {
    const big = join(dir, 'big.xml');
    await writeFile(big, `<node>${' '.repeat(11 * 1024 * 1024)}</node>`);
    await measured('node file: 11 MiB', () => expectVirtError(open(`test://${big}`), 'SYSTEM_ERROR', tooLarge(big)));
  });

  it('a node file with 20,000 domains opens, each domain listed', async () => {
    const many = join(dir, 'many.xml');
    await writeFile(many, `<node>${Array.from({ length: 20_000 }, (_, i) => domainXml(`d${i}`)).join('')}</node>`);
    let count = 0;
    const growth = await measured('node file: 20,000 domains', async () => {
      const conn = await open(`test://${many}`);
      count = await conn.numOfDomains();
      await conn.close();
    });
    expect(count).toBe(20_000);
    expect(growth).toBeLessThan(500);
  });

  it('CPU counts past UINT_MAX are refused as virXPathUInt refuses them', async () => {
    const node = join(dir, 'overflow.xml');
    await writeFile(node, '<node><cpu><sockets>4294967296</sockets></cpu></node>');
    await expectVirtError(open(`test://${node}`), 'XML_ERROR', 'XML error: invalid node cpu sockets value');
  });
});

const domainXml = (name: string, inside = '', attributes = '') =>
  `<domain type='test'${attributes}><name>${name}</name><memory>1024</memory><os><type>hvm</type></os>${inside}</domain>`;

describe('hostile domain XML through the API: a typed error, bounded memory, nothing stored lost', () => {
  const nested = (levels: number) => `<metadata>${'<a>'.repeat(levels)}${'</a>'.repeat(levels)}</metadata>`;
  const attacks: Array<[string, string, string, string]> = [
    ['depth 300', domainXml('deep', nested(300)), 'XML_DETAIL', 'Excessive depth in document: 256 use XML_PARSE_HUGE option'],
    ['depth 1,000,000', domainXml('deep', nested(1_000_000)), 'XML_DETAIL', 'Excessive depth in document: 256 use XML_PARSE_HUGE option'],
    ['200,000 attributes, one repeated', domainXml('attrs', '', `${Array.from({ length: 200_000 }, (_, i) => ` a${i}='${i}'`).join('')} a7='x'`), 'XML_DETAIL', 'Attribute a7 redefined'],
    ['billion laughs', `<!DOCTYPE domain [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${domainXml('&b;')}`, 'XML_ERROR', 'DOCTYPE with an internal subset (entity declarations) is not accepted'],
    ['an external entity', `<!DOCTYPE domain [<!ENTITY x SYSTEM "file:///etc/passwd">]>${domainXml('&x;')}`, 'XML_ERROR', 'DOCTYPE with an internal subset (entity declarations) is not accepted'],
    ['a lone surrogate in the name (no UTF-8 carries it)', domainXml('bad\uD800'), 'XML_DETAIL', 'Char 0xD800 out of allowed range'],
    ['an escaped byte that was not UTF-8', domainXml('bad\uDCFF'), 'XML_DETAIL', 'Input is not proper UTF-8, indicate encoding !\nBytes: 0xFF 0x3C 0x2F 0x6E'],
    ["a name with '/'", domainXml('a/b'), 'XML_ERROR', "XML error: name a/b cannot contain '/'"],
    ['a name with a newline', domainXml('a\nb'), 'XML_DETAIL', 'invalid char in name: \n'],
    ['a name with &#1;', domainXml('a&#1;b'), 'XML_DETAIL', 'xmlParseCharRef: invalid xmlChar value 1'],
    ['a memory size of 23 digits', domainXml('m').replace('1024', '99999999999999999999999'), 'XML_ERROR', "Invalid value '99999999999999999999999'"],
  ];
  for (const [name, xml, code, words] of attacks) {
    it(`define: ${name}`, async () => {
      const conn = await open('test:///default');
      const before = await conn.lookupByName('test').then((dom) => dom.XMLDesc());
      let error: unknown;
      const growth = await measured(`define: ${name}`, () => conn.defineXML(xml).catch((e: unknown) => (error = e)));
      expect(VirtError.isInstance(error), String(error)).toBe(true);
      expect((error as VirtError).code).toBe(code);
      expect((error as VirtError).message).toContain(words);
      expect(growth).toBeLessThan(300);
      expect((await conn.listAllDomains()).map((dom) => dom.name())).toEqual(['test']);
      expect(await conn.lookupByName('test').then((dom) => dom.XMLDesc())).toBe(before);
      await conn.close();
    });
  }

  it('a failed redefinition keeps the definition it would have replaced', async () => {
    const conn = await open('test:///default');
    await conn.defineXML(domainXml('kept'));
    const before = await conn.lookupByName('kept').then((dom) => dom.XMLDesc());
    await expectVirtError(conn.defineXML(domainXml('kept', nested(300))), 'XML_DETAIL', expect.stringContaining('Excessive depth') as unknown as string);
    expect(await conn.lookupByName('kept').then((dom) => dom.XMLDesc())).toBe(before);
    await conn.close();
  });
});

describe('hostile URIs: libvirt 9\'s errors, typed', () => {
  const cases: Array<[string, string, string, string]> = [
    ['test:///%zz', 'INTERNAL_ERROR', 'URI', 'internal error: Unable to parse URI test:///%zz'],
    ['test:///default?%zz=1', 'INTERNAL_ERROR', 'URI', 'internal error: Unable to parse URI test:///default?%zz=1'],
    ['::::', 'INTERNAL_ERROR', 'URI', 'internal error: Unable to parse URI ::::'],
    ['xen://[::1', 'INTERNAL_ERROR', 'URI', 'internal error: Unable to parse URI xen://[::1'],
    ['garbage', 'NO_CONNECT', 'NONE', "no connection driver available for URI 'garbage' does not include a driver name"],
  ];
  for (const [uri, code, domain, message] of cases) {
    it(uri, async () => {
      await expectVirtError(open(uri), code as 'INTERNAL_ERROR', message, domain as 'URI');
    });
  }

  it('a URI of 10 MB: a typed error, bounded memory', async () => {
    const uri = `test:///${'a'.repeat(10_000_000)}%zz`;
    const growth = await measured('URI: 10 MB', () => expectVirtError(open(uri), 'INTERNAL_ERROR', `internal error: Unable to parse URI ${uri}`));
    expect(growth).toBeLessThan(300);
  });
});
