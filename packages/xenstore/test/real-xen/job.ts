/**
 * Our client against a real xenstored of Xen 4.17, as a job of a shared dom0 boot
 * (@libvirt-ts/test-utils' describeDom0Boot): this package's build and this machine's Node 20
 * staged into dom0, where check-in-dom0.mjs exercises the xenstored the boot runs, over its
 * socket and over /dev/xen/xenbus. One job for Xen's C xenstored, one for the OCaml one: each
 * needs a boot running it.
 */
import { fileURLToPath } from 'node:url';
import { type Dom0JobSpec, notBuilt, skipUnlessBooted, type XenstoredFlavour } from '@libvirt-ts/test-utils';
import { expect, it } from 'vitest';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));

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

const checks: Record<XenstoredFlavour, { title: string; check(results: Record<string, Record<string, unknown>>): void }> = {
  xenstored: {
    title: 'C xenstored: every check passes over the socket and over /dev/xen/xenbus',
    check(results) {
      expect(results['default search']).toMatchObject(expected('unix:/var/run/xenstored/socket'));
      expect(results['xenbus device']).toMatchObject(expected('device:/dev/xen/xenbus'));
    },
  },
  oxenstored: {
    title: 'oxenstored: every check passes over the socket; over the device long directories fail with E2BIG',
    check(results) {
      expect(results['default search']).toMatchObject(expected('unix:/var/run/xenstored/socket'));
      // oxenstored has no DIRECTORY_PART, and the ring limits replies to 4096 bytes.
      expect(results['xenbus device']).toMatchObject({
        ...expected('device:/dev/xen/xenbus'),
        directoryPartOk: false,
        directoryError: 'E2BIG',
        treeSize: 'E2BIG',
      });
    },
  },
};

export function xenstoreJob(flavour: XenstoredFlavour): Dom0JobSpec {
  return {
    name: `xenstore-${flavour}`,
    title: `our xenstore client against a real Xen 4.17 dom0 (QEMU), ${flavour}`,
    variant: 'plain',
    xenstored: flavour,
    unavailable: () => notBuilt([packageRoot]),
    stage: (share) => {
      share.addNode().addPackages(packageRoot).addFile(fileURLToPath(new URL('./check-in-dom0.mjs', import.meta.url)));
    },
    command: './node check-in-dom0.mjs "$PWD/node_modules/@libvirt-ts/xenstore/dist/index.js"',
    timeoutSeconds: 300,
    tests(outcome) {
      it(checks[flavour].title, (context) => {
        const dom0 = outcome();
        skipUnlessBooted(context, dom0);
        const line = dom0.output.split('\n').find((text) => text.startsWith('RESULT '));
        if (!line) throw new Error(`no RESULT line in:\n${dom0.output}`);
        checks[flavour].check(JSON.parse(line.slice('RESULT '.length)));
      });
    },
  };
}
