/**
 * libvirt-ts-proxy on a real Xen 4.17 (the project's Xen-in-QEMU harness, plain image): root
 * starts the daemon in dom0, and the unprivileged user nobody runs `virsh -r -c xen:///`
 * list --all, dominfo, nodeinfo, domuuid and dumpxml through it (about 3 s a command on an idle
 * machine under QEMU's TCG); the output must be root's
 * read-only output (the direct drivers), CPU time aside, and a write must be refused. Opt-in
 * with REAL_XEN=1, as the real-Xen suite of .ci/run sets it; skips with the reason otherwise.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Dom0Share, dom0TestTimeout, realXenUnavailable, runInDom0, skipUnlessBooted, unbuiltPackages } from '@libvirt-ts/test-utils';
import { afterAll, describe, expect, it } from 'vitest';

const proxyRoot = fileURLToPath(new URL('..', import.meta.url));
const virshRoot = fileURLToPath(new URL('../../virsh/', import.meta.url));
const unbuilt = [...unbuiltPackages(proxyRoot), ...unbuiltPackages(virshRoot)];
const missing = realXenUnavailable() ?? (unbuilt.length > 0 ? `not built: ${unbuilt.join(', ')} (pnpm build)` : undefined);
if (missing) console.warn(`skipping the real-Xen test of libvirt-ts-proxy: ${missing}`);

const COMMANDS = ['list --all', 'dominfo 0', 'nodeinfo', 'domuuid Domain-0', 'dumpxml 0'];
/** CPU time moves between the two runs; nothing else may differ. */
const maskCpuTime = (text: string) => text.replace(/^(CPU time:\s+)\S+/m, '$1<cpu-time>');

describe.skipIf(missing !== undefined)('libvirt-ts-proxy on a real Xen 4.17 (QEMU)', () => {
  let share: Dom0Share | undefined; // made in the test: a skipped suite's body still runs
  afterAll(() => share?.remove());

  it('serves the unprivileged user nobody what root reads, and refuses its writes', { timeout: dom0TestTimeout(600) }, async (context) => {
    share = new Dom0Share('proxy-xen').addNode().addPackages(virshRoot).addPackages(proxyRoot).addFile(fileURLToPath(new URL('./real-xen/in-dom0.sh', import.meta.url)));
    const dom0 = await runInDom0({ variant: 'plain', share, command: 'sh in-dom0.sh', timeoutSeconds: 600 });
    skipUnlessBooted(context, dom0);
    expect(dom0.output, dom0.output).toContain('PROXY-RUN-COMPLETE');
    const out = (name: string) => readFileSync(share!.path('out', name), 'utf8');

    COMMANDS.forEach((command, index) => {
      const [root, nobody] = ['root', 'nobody'].map((who) => ({
        stdout: maskCpuTime(out(`${who}-${index + 1}.out`)),
        stderr: out(`${who}-${index + 1}.err`),
        status: out(`${who}-${index + 1}.rc`).trim(),
      }));
      expect(root!.status, `root: virsh -r ${command}: ${root!.stderr}`).toBe('0');
      expect(nobody, `nobody: virsh -r ${command}`).toEqual(root);
    });
    // the answers did come through the daemon: it logged nobody's requests
    expect(out('proxy.log')).toMatch(/: LIST serial/);
    expect(out('proxy.log')).toMatch(/: DOMAIN_INFO serial/);
    expect(out('nobody-write.rc').trim()).toBe('1');
    expect(out('nobody-write.err')).toMatch(/^error: /m);
    expect(out('proxy.rc').trim()).toBe('0');
  });
});
