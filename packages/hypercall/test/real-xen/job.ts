/**
 * The addon on a real Xen 4.17 host, as a job of a shared dom0 boot (@libvirt-ts/test-utils'
 * describeDom0Boot): this package's build with its addon and this machine's Node 20 staged into
 * dom0, where in-dom0.mjs drives the hypervisor (version, domain list, a guest
 * paused/unpaused/resized/destroyed, errors) and checks each answer against `xl` itself.
 * HYPERCALL_RECORD_TAPES=1 also copies the recorded hypercall tapes into test/fixtures.
 */
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Dom0JobSpec, notBuilt, skipUnlessBooted } from '@libvirt-ts/test-utils';
import { expect, it } from 'vitest';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
/** in-dom0.mjs compares UUIDs through xml-format's formatUuid, a test-only dependency of this package. */
const xmlFormatRoot = fileURLToPath(new URL('../../../xml-format/', import.meta.url));

interface Step {
  name: string;
  [key: string]: unknown;
}

export const hypercallJob: Dom0JobSpec = {
  name: 'hypercall',
  title: 'the addon on a real Xen 4.17 (QEMU)',
  variant: 'plain',
  unavailable: () => notBuilt([packageRoot, xmlFormatRoot]),
  stage: (share) => {
    share.addNode().addPackages(packageRoot).addPackages(xmlFormatRoot).addFile(join(packageRoot, 'test/real-xen/in-dom0.mjs'));
  },
  command: './node in-dom0.mjs',
  timeoutSeconds: 300,
  tests(outcome, share) {
    it('reads the version and domain list, pauses and unpauses a guest, as xl sees it', (context) => {
      const dom0 = outcome();
      skipUnlessBooted(context, dom0);
      expect(dom0.output, dom0.output).toContain('ALL-CHECKS-PASSED');
      expect(dom0.code).toBe(0);

      const result = JSON.parse(readFileSync(share().path('out/result.json'), 'utf8')) as { steps: Step[] };
      const step = (name: string) => result.steps.find((s) => s.name === name)!;
      expect(step('open')).toMatchObject({
        abi: 'Xen 4.17 sysctl 0x15 / domctl 0x15',
        version: { major: 4, minor: 17 },
        device: '/dev/xen/privcmd',
      });
      expect(step('list')).toMatchObject({ domains: [{ id: 0, flags: { running: true } }] });
      // xl sets p for the pause; b may stand beside it when the guest's vcpu was blocked at that moment.
      expect(step('paused')).toMatchObject({ flags: { paused: true }, xlState: expect.stringMatching(/^-[b-]p---$/) });
      expect(step('unpaused')).toMatchObject({ flags: { paused: false } });
      expect(step('errors')).toMatchObject({
        missing: { code: 'ESRCH' },
        pauseSelf: { code: 'EINVAL', op: 'XEN_DOMCTL_pausedomain' },
      });
      expect(step('unprivileged')).toMatchObject({ error: { code: 'EPERM' } });

      console.log(`real Xen: listDomains vs xl list (medians of 20): ${JSON.stringify(step('speed'))}`);
      if (process.env['HYPERCALL_RECORD_TAPES'] === '1') {
        const fixtures = join(packageRoot, 'test/fixtures/xen-4.17');
        for (const file of readdirSync(share().path('out'))) cpSync(share().path('out', file), join(fixtures, file));
      }
    });
  },
};
