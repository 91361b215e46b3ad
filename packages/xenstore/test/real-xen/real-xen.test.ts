import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Opt-in (a minute or more per xenstored under QEMU): XENSTORE_REAL_XEN=1 with the images of
// ../shared/xen-qemu built (XENCI_IMAGES; XENCI_RUNNER overrides where run-in-xen.sh is) and
// this package built. Boots Xen 4.17 and runs
// check-in-dom0.mjs there: our client against the real xenstored, over the socket and the device.
const runner = process.env['XENCI_RUNNER'] ?? '/work/shared/xen-qemu/run-in-xen.sh';
const dist = fileURLToPath(new URL('../../dist', import.meta.url));
const images = process.env['XENCI_IMAGES'] ?? '/var/tmp/xenci/images';
const ready = process.env['XENSTORE_REAL_XEN'] === '1' && existsSync(runner) && existsSync(join(images, 'xen.elf')) && existsSync(dist);
if (!ready) console.warn('real Xen check skipped: set XENSTORE_REAL_XEN=1, build the xen-qemu images and this package');

function runInXen(flavour: string): Promise<Record<string, Record<string, unknown>>> {
  const share = mkdtempSync(join(tmpdir(), 'xenstore-real-xen-'));
  cpSync(dist, join(share, 'dist'), { recursive: true });
  cpSync(fileURLToPath(new URL('./check-in-dom0.mjs', import.meta.url)), join(share, 'check-in-dom0.mjs'));
  cpSync(process.execPath, join(share, 'node'));
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      [runner, '-t', '600', '-x', flavour, '-s', share, '--', './node check-in-dom0.mjs /mnt/share/dist/index.js'],
      { env: { ...process.env, XENCI_IMAGES: images }, maxBuffer: 16 * 1024 * 1024, timeout: 700_000 },
      (error, stdout) => {
        rmSync(share, { recursive: true, force: true });
        const line = stdout.split('\n').find((text) => text.startsWith('RESULT '));
        if (!line) return reject(error ?? new Error(`no RESULT line in:\n${stdout}`));
        resolve(JSON.parse(line.slice('RESULT '.length)));
      },
    );
  });
}

const expected = (description: string) => ({
  description,
  dom0Name: 'Domain-0',
  domainPath: '/local/domain/0',
  dom0Introduced: true,
  readBack: 'one',
  perms: ['n0', 'r5'],
  missing: 'ENOENT',
  directoryPartOk: true,
  transaction: 'one',
  conflict: 'EAGAIN',
  treeSize: 604,
  removed: true,
});

describe.skipIf(!ready)('against a real Xen 4.17 dom0 (QEMU)', () => {
  it('C xenstored: every check passes over the socket and over /dev/xen/xenbus', async () => {
    const results = await runInXen('xenstored');
    expect(results['default search']).toMatchObject(expected('unix:/var/run/xenstored/socket'));
    expect(results['xenbus device']).toMatchObject(expected('device:/dev/xen/xenbus'));
  }, 720_000);

  it('oxenstored: every check passes over the socket; over the device long directories fail with E2BIG', async () => {
    const results = await runInXen('oxenstored');
    expect(results['default search']).toMatchObject(expected('unix:/var/run/xenstored/socket'));
    // oxenstored has no DIRECTORY_PART, and the ring limits replies to 4096 bytes.
    expect(results['xenbus device']).toMatchObject({
      ...expected('device:/dev/xen/xenbus'),
      directoryPartOk: false,
      directoryError: 'E2BIG',
      treeSize: 'E2BIG',
    });
  }, 720_000);
});
