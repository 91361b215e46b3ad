// The hostile files the virsh fault suite hands to both virshes: domain XML, node files and save
// images, written once into a temporary directory (sparse where large).
import { open as openFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const domain = (name: string, extra = '') =>
  `<domain type='test'${extra}><name>${name}</name><memory>1024</memory><os><type>hvm</type></os></domain>`;
const latin1 = (text: string) => Buffer.from(text, 'latin1');
const SAVE_MAGIC = latin1('TestGuestMagic\0');

function saveImage(length: number, body = ''): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt32LE(length);
  return Buffer.concat([SAVE_MAGIC, header, Buffer.from(body)]);
}

/** File name → contents (a string is written as UTF-8). */
const FILES: Record<string, string | Buffer> = {
  'deep-300.xml': domain('deep', '').replace('</domain>', `<description>${'<a>'.repeat(300)}${'</a>'.repeat(300)}</description></domain>`),
  'deep-100k.xml': domain('deep').replace('</domain>', `<metadata>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</metadata></domain>`),
  'text-run.xml': domain('text').replace('</domain>', `<description>${'x'.repeat(10_000_001)}</description></domain>`),
  'attributes-5000.xml': domain('attributes', Array.from({ length: 5000 }, (_, i) => ` a${i}='${i}'`).join('')),
  'billion-laughs.xml': [
    '<?xml version="1.0"?>',
    '<!DOCTYPE domain [<!ENTITY lol "lol">',
    ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
    ']>',
    domain('&lol9;'),
  ].join('\n'),
  'xxe.xml': `<?xml version="1.0"?>\n<!DOCTYPE domain [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n${domain('&xxe;')}`,
  'utf16-bom.xml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<?xml version="1.0" encoding="UTF-16"?>\n${domain('utf16')}`, 'utf16le')]),
  'invalid-utf8.xml': latin1(domain('bad\xff')),
  'latin1-declared.xml': latin1(`<?xml version="1.0" encoding="ISO-8859-1"?>\n${domain('caf\xe9')}`),
  'name-slash.xml': domain('a/b'),
  'name-newline.xml': domain('a\nb'),
  'name-control-reference.xml': domain('a&#1;b'),
  'memory-overflow.xml': domain('m').replace('<memory>1024</memory>', '<memory>99999999999999999999999</memory>'),
  'over-10-MiB.xml': domain('big').replace('</domain>', `<description>${'x'.repeat(10 * 1024 * 1024)}</description></domain>`),
  'node-truncated.xml': "<node><cpu><nodes>2</nodes></cpu><domain type='test'><name>x</name><memory>1024",
  'node-2000-domains.xml': `<node>${Array.from({ length: 2000 }, (_, i) => domain(`d${i}`)).join('')}</node>`,
  'node-uint-overflow.xml': '<node><cpu><sockets>4294967296</sockets></cpu></node>',
  'node-20-digits.xml': '<node><cpu><nodes>99999999999999999999</nodes></cpu></node>',
  'node-memory-overflow.xml': '<node><memory>99999999999999999999999</memory></node>',
  'node-invalid-utf8.xml': latin1(`<node>${domain('bad\xff')}</node>`),
  'save-truncated-header.img': SAVE_MAGIC.subarray(0, 7),
  'save-no-length.img': Buffer.concat([SAVE_MAGIC, Buffer.from([0x10])]),
  'save-lying-length.img': saveImage(4000, "<domain type='test'>"),
  'save-length-2^32-1.img': saveImage(0xffff_ffff, '<domain/>'),
  'save-bad-xml.img': saveImage(10, '<domain></'),
  'save-zero-copy.img': Buffer.alloc(1024 * 1024),
};

/** Sparse files: name → [header, size]. */
const SPARSE: Record<string, [Buffer, number]> = {
  'node-20-MB-of-NULs.xml': [Buffer.alloc(0), 20 * 1024 * 1024],
  'save-sparse-190-MB.img': [saveImage(0), 190 * 1024 * 1024],
};

/** Symlinks to devices. */
const LINKS: Record<string, string> = { 'dev-zero.xml': '/dev/zero', 'dev-zero.img': '/dev/zero' };

/** Writes every hostile file into `dir`. */
export async function writeHostileFiles(dir: string): Promise<void> {
  await Promise.all(Object.entries(FILES).map(([name, contents]) => writeFile(join(dir, name), contents)));
  for (const [name, [header, size]] of Object.entries(SPARSE)) {
    const file = await openFile(join(dir, name), 'w');
    await file.write(header, 0, header.length, 0);
    await file.truncate(size);
    await file.close();
  }
  await Promise.all(Object.entries(LINKS).map(([name, target]) => symlink(target, join(dir, name))));
}
