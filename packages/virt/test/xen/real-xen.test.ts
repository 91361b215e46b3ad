/**
 * The Xen drivers on a real Xen 4.17 host: boots the project's Xen-in-QEMU harness (e2e/xen)
 * through the dom0 runner of @libvirt-ts/test-utils, stages the built packages (a flat
 * node_modules) and this machine's Node 20 into dom0, and runs real-xen/in-dom0.mjs there,
 * which opens xen:/// and checks every answer against `xl`. Opt-in with REAL_XEN=1 (as the
 * real-Xen suite of .ci/run sets it); skips with the reason otherwise, or when dom0 cannot boot.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Dom0Share, dom0TestTimeout, realXenUnavailable, runInDom0, skipUnlessBooted, unbuiltPackages } from '@libvirt-ts/test-utils';
import { afterAll, describe, expect, it } from 'vitest';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
const unbuilt = unbuiltPackages(packageRoot);
const missing = realXenUnavailable() ?? (unbuilt.length > 0 ? `not built: ${unbuilt.join(', ')} (pnpm build)` : undefined);
if (missing) console.warn(`skipping the real-Xen test of the Xen drivers: ${missing}`);

describe.skipIf(missing !== undefined)('the Xen drivers on a real Xen 4.17 (QEMU)', () => {
  // made in the test, not here: a skipped suite's body still runs
  let share: Dom0Share | undefined;
  afterAll(() => share?.remove());

  it('opens xen:/// (xenlight: privcmd, xenstored and xl) read-write and read-only and answers as xl does', { timeout: dom0TestTimeout(300) }, async (context) => {
    share = new Dom0Share('virt-xen').addNode().addPackages(packageRoot).addFile(join(packageRoot, 'test/xen/real-xen/in-dom0.mjs'));
    const dom0 = await runInDom0({ variant: 'plain', share, command: './node in-dom0.mjs', timeoutSeconds: 300 });
    skipUnlessBooted(context, dom0);
    expect(dom0.output, dom0.output).toContain('ALL-CHECKS-PASSED');
    expect(dom0.code).toBe(0);

    const result = JSON.parse(readFileSync(share.path('out/result.json'), 'utf8')) as { steps: { name: string; [k: string]: unknown }[] };
    const step = (name: string) => result.steps.find((s) => s.name === name);
    // Xen 4.17 has no xend: both opens take the xenlight driver (issue 13), read-write as root.
    expect(step('read-only')).toMatchObject({ drivers: ['xenlight'], type: 'Xen', version: 4_017_000 });
    expect(step('read-write')).toMatchObject({ drivers: ['xenlight'], type: 'Xen' });
    expect(step('paused')).toMatchObject({ state: 3 });
    expect(step('capabilities')).toMatchObject({ guestTypes: expect.arrayContaining(['xen/x86_64']) });
    expect(step('errors')).toMatchObject({ denied: { code: 'OPERATION_DENIED' }, missing: { code: 'NO_DOMAIN' } });
  });
});
