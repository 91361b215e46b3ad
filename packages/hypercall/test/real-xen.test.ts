/**
 * End to end on a real Xen 4.17 host: boots the project's Xen-in-QEMU harness (e2e/xen) through
 * the dom0 runner of @libvirt-ts/test-utils, shares this package's build with its addon and this
 * machine's Node 20 into dom0, and runs real-xen/in-dom0.mjs there (version, domain list, a guest
 * paused/unpaused/resized/destroyed, errors), which checks each answer against `xl` itself.
 * Opt-in (about a minute, 2 CPUs, 2.5 GB of RAM): REAL_XEN=1, as the real-Xen suite of .ci/run
 * sets it; skips with the reason otherwise, or when dom0 cannot be booted.
 * HYPERCALL_RECORD_TAPES=1 also copies the recorded hypercall tapes into test/fixtures.
 */
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Dom0Share, dom0TestTimeout, realXenUnavailable, runInDom0, skipUnlessBooted, unbuiltPackages } from '@libvirt-ts/test-utils';
import { afterAll, describe, expect, it } from 'vitest';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
/** in-dom0.mjs compares UUIDs through xml-format's formatUuid, a test-only dependency of this package. */
const xmlFormatRoot = fileURLToPath(new URL('../../xml-format/', import.meta.url));
const unbuilt = [...unbuiltPackages(packageRoot), ...unbuiltPackages(xmlFormatRoot)];
const missing = realXenUnavailable() ?? (unbuilt.length > 0 ? `not built: ${unbuilt.join(', ')} (pnpm build)` : undefined);
if (missing) console.warn(`skipping the real-Xen test: ${missing}`);

interface Step {
  name: string;
  [key: string]: unknown;
}

describe.skipIf(missing !== undefined)('the addon on a real Xen 4.17 (QEMU)', () => {
  // made in the test, not here: a skipped suite's body still runs
  let share: Dom0Share | undefined;
  afterAll(() => share?.remove());

  it('reads the version and domain list, pauses and unpauses a guest, as xl sees it', { timeout: dom0TestTimeout(300) }, async (context) => {
    share = new Dom0Share('hypercall-xen').addNode().addPackages(packageRoot).addPackages(xmlFormatRoot).addFile(join(packageRoot, 'test/real-xen/in-dom0.mjs'));
    const dom0 = await runInDom0({ variant: 'plain', share, command: './node in-dom0.mjs', timeoutSeconds: 300 });
    skipUnlessBooted(context, dom0);
    expect(dom0.output, dom0.output).toContain('ALL-CHECKS-PASSED');
    expect(dom0.code).toBe(0);

    const result = JSON.parse(readFileSync(share.path('out/result.json'), 'utf8')) as { steps: Step[] };
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
      for (const file of readdirSync(share.path('out'))) cpSync(share.path('out', file), join(fixtures, file));
    }
  });
});
