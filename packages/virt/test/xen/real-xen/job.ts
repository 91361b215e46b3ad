/**
 * The Xen drivers on a real Xen 4.17 host, as a job of a shared dom0 boot (@libvirt-ts/test-utils'
 * describeDom0Boot): the built packages (a flat node_modules) and this machine's Node 20 staged
 * into dom0, where in-dom0.mjs opens xen:/// and checks every answer against `xl`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Dom0JobSpec, notBuilt, skipUnlessBooted } from '@libvirt-ts/test-utils';
import { expect, it } from 'vitest';

const packageRoot = fileURLToPath(new URL('../../..', import.meta.url));

export const virtJob: Dom0JobSpec = {
  name: 'virt',
  title: 'the Xen drivers on a real Xen 4.17 (QEMU)',
  variant: 'plain',
  unavailable: () => notBuilt([packageRoot]),
  stage: (share) => {
    share.addNode().addPackages(packageRoot).addFile(join(packageRoot, 'test/xen/real-xen/in-dom0.mjs'));
  },
  command: './node in-dom0.mjs',
  timeoutSeconds: 300,
  tests(outcome, share) {
    it('opens xen:/// (xenlight: privcmd, xenstored and xl) read-write and read-only and answers as xl does', (context) => {
      const dom0 = outcome();
      skipUnlessBooted(context, dom0);
      expect(dom0.output, dom0.output).toContain('ALL-CHECKS-PASSED');
      expect(dom0.code).toBe(0);

      const result = JSON.parse(readFileSync(share().path('out/result.json'), 'utf8')) as { steps: { name: string; [k: string]: unknown }[] };
      const step = (name: string) => result.steps.find((s) => s.name === name);
      // Xen 4.17 has no xend: both opens take the xenlight driver (issue 13), read-write as root.
      expect(step('read-only')).toMatchObject({ drivers: ['xenlight'], type: 'Xen', version: 4_017_000 });
      expect(step('read-write')).toMatchObject({ drivers: ['xenlight'], type: 'Xen' });
      expect(step('paused')).toMatchObject({ state: 3 });
      expect(step('capabilities')).toMatchObject({ guestTypes: expect.arrayContaining(['xen/x86_64']) });
      expect(step('errors')).toMatchObject({ denied: { code: 'OPERATION_DENIED' }, missing: { code: 'NO_DOMAIN' } });
    });
  },
};
