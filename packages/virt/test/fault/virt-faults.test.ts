import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, open as openFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open } from '../../src/index.js';
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

const peakKiB = () => Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))![1]);
const measurements: string[] = [];
afterAll(() => {
  const report = ['virt fault suite: attack | peak RSS growth MiB | ms', ...measurements].join('\n');
  console.log(report);
  const directory = process.env['FAULT_REPORT_DIR'];
  if (directory) writeFileSync(join(directory, 'fault-virt.md'), `${report}\n`);
});

/** Runs `attack`, records its peak RSS growth (MiB) and time; returns the growth. */
async function measured(name: string, attack: () => Promise<unknown>): Promise<number> {
  const before = Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))![1]);
  writeFileSync('/proc/self/clear_refs', '5');
  const started = performance.now();
  await attack();
  const growthMiB = Math.max(0, peakKiB() - before) / 1024;
  measurements.push(`${name} | ${growthMiB.toFixed(1)} | ${(performance.now() - started).toFixed(0)}`);
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

  it('a node file that is a symlink to /dev/zero: libvirt\'s oversized-file error, bounded memory', async () => {
    const zero = join(dir, 'zero.xml');
    await symlink('/dev/zero', zero);
    const growth = await measured('node file: symlink to /dev/zero', () => expectVirtError(open(`test://${zero}`), 'SYSTEM_ERROR', tooLarge(zero)));
    expect(growth).toBeLessThan(200);
  });

  it('a node file over 10 MiB is refused the same way', async () => {
    const big = join(dir, 'big.xml');
    await writeFile(big, `<node>${' '.repeat(11 * 1024 * 1024)}</node>`);
    await measured('node file: 11 MiB', () => expectVirtError(open(`test://${big}`), 'SYSTEM_ERROR', tooLarge(big)));
  });
});
