/**
 * libvirt-ts-proxy on a real Xen 4.17, as a job of a shared dom0 boot (@libvirt-ts/test-utils'
 * describeDom0Boot): root starts the daemon in dom0, and the unprivileged user nobody runs our
 * virsh's `-r -c xen:///` list --all, dominfo, nodeinfo, domuuid and dumpxml through it (each
 * user's commands in one Node process, through runVirsh: see virsh-commands.mjs); the output must
 * be root's read-only output (the direct drivers), CPU time aside, and a write must be refused.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Dom0JobSpec, notBuilt, skipUnlessBooted } from '@libvirt-ts/test-utils';
import { expect, it } from 'vitest';

const proxyRoot = fileURLToPath(new URL('../..', import.meta.url));
const virshRoot = fileURLToPath(new URL('../../../virsh/', import.meta.url));

const COMMANDS = ['list --all', 'dominfo 0', 'nodeinfo', 'domuuid Domain-0', 'dumpxml 0'];
/** CPU time moves between the two runs; nothing else may differ. */
const maskCpuTime = (text: string) => text.replace(/^(CPU time:\s+)\S+/m, '$1<cpu-time>');

export const proxyJob: Dom0JobSpec = {
  name: 'proxy',
  title: 'libvirt-ts-proxy on a real Xen 4.17 (QEMU)',
  variant: 'plain',
  unavailable: () => notBuilt([proxyRoot, virshRoot]),
  stage: (share) => {
    share.addNode().addPackages(virshRoot).addPackages(proxyRoot);
    for (const script of ['in-dom0.sh', 'virsh-commands.mjs']) share.addFile(fileURLToPath(new URL(`./${script}`, import.meta.url)));
  },
  command: 'sh in-dom0.sh',
  timeoutSeconds: 600,
  tests(outcome, share) {
    it('serves the unprivileged user nobody what root reads, and refuses its writes', (context) => {
      const dom0 = outcome();
      skipUnlessBooted(context, dom0);
      expect(dom0.output, dom0.output).toContain('PROXY-RUN-COMPLETE');
      const out = (name: string) => readFileSync(share().path('out', name), 'utf8');

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
  },
};
