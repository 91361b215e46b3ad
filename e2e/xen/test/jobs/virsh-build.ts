// What the e2e/xen jobs stage into dom0: this machine's Node, the built virsh package (its
// bundle and runtime closure) and the scripts of ../../scenarios.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Dom0Share, notBuilt } from '@libvirt-ts/test-utils';

const scenarioDir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const virshRoot = fileURLToPath(new URL('../../../../packages/virsh/', import.meta.url));

/** Why our virsh cannot be staged (its bundle or a package it needs not built), or undefined. */
export const virshNotBuilt = () => notBuilt([virshRoot], [['@libvirt-ts/virsh', join(virshRoot, 'dist/virsh.cjs')]]);

/** Node, the virsh package and these scenario scripts in the job's folder. */
export function stageVirsh(share: Dom0Share, scripts: string[]): void {
  share.addNode().addPackages(virshRoot);
  for (const script of scripts) share.addFile(join(scenarioDir, script));
}
