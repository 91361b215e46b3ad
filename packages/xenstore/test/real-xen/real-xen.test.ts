import { fileURLToPath } from 'node:url';
import { Dom0Share, dom0TestTimeout, realXenUnavailable, runInDom0, skipUnlessBooted, unbuiltPackages } from '@libvirt-ts/test-utils';
import { describe, expect, it, type TestContext } from 'vitest';

// Opt-in (about a minute per xenstored under QEMU): REAL_XEN=1, as the real-Xen suite of
// .ci/run sets it, with this package built. Boots the project's Xen 4.17 harness (e2e/xen)
// through the dom0 runner of @libvirt-ts/test-utils and runs check-in-dom0.mjs there: our
// client against the real xenstored, over the socket and the device.
const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
const unbuilt = unbuiltPackages(packageRoot);
const missing = realXenUnavailable() ?? (unbuilt.length > 0 ? `not built: ${unbuilt.join(', ')} (pnpm build)` : undefined);
if (missing) console.warn(`real Xen check skipped: ${missing}`);

async function runInXen(context: TestContext, flavour: 'xenstored' | 'oxenstored'): Promise<Record<string, Record<string, unknown>>> {
  const share = new Dom0Share('xenstore-real-xen');
  try {
    share.addNode().addPackages(packageRoot).addFile(fileURLToPath(new URL('./check-in-dom0.mjs', import.meta.url)));
    const dom0 = await runInDom0({
      variant: 'plain',
      share,
      xenstored: flavour,
      timeoutSeconds: 300,
      command: './node check-in-dom0.mjs /mnt/share/node_modules/@libvirt-ts/xenstore/dist/index.js',
    });
    skipUnlessBooted(context, dom0);
    const line = dom0.output.split('\n').find((text) => text.startsWith('RESULT '));
    if (!line) throw new Error(`no RESULT line in:\n${dom0.output}`);
    return JSON.parse(line.slice('RESULT '.length));
  } finally {
    share.remove();
  }
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

describe.skipIf(missing !== undefined)('against a real Xen 4.17 dom0 (QEMU)', () => {
  it('C xenstored: every check passes over the socket and over /dev/xen/xenbus', { timeout: dom0TestTimeout(300) }, async (context) => {
    const results = await runInXen(context, 'xenstored');
    expect(results['default search']).toMatchObject(expected('unix:/var/run/xenstored/socket'));
    expect(results['xenbus device']).toMatchObject(expected('device:/dev/xen/xenbus'));
  });

  it('oxenstored: every check passes over the socket; over the device long directories fail with E2BIG', { timeout: dom0TestTimeout(300) }, async (context) => {
    const results = await runInXen(context, 'oxenstored');
    expect(results['default search']).toMatchObject(expected('unix:/var/run/xenstored/socket'));
    // oxenstored has no DIRECTORY_PART, and the ring limits replies to 4096 bytes.
    expect(results['xenbus device']).toMatchObject({
      ...expected('device:/dev/xen/xenbus'),
      directoryPartOk: false,
      directoryError: 'E2BIG',
      treeSize: 'E2BIG',
    });
  });
});
