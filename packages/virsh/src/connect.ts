import { open, setErrorHandler, xenHostAvailable } from '@libvirt-ts/virt';
import { VirshError } from './errors.js';
import type { VirtConnection } from './virt-api.js';

// virsh reports errors itself, from what the calls throw; libvirt's default
// handler would print each one a second time on stderr.
setErrorHandler(() => {});

/** The URI used when none is named: LIBVIRT_DEFAULT_URI, else xen:/// on a Xen host. */
export function defaultUri(env: NodeJS.ProcessEnv): string {
  const fromEnv = env['LIBVIRT_DEFAULT_URI'];
  if (fromEnv) return fromEnv;
  if (xenHostAvailable({}, env)) return 'xen:///';
  throw new VirshError('COMMAND_FAILED', [
    'no connection URI given and no Xen host found here (no xend or xenstored socket, no privcmd device); ' +
      'use -c test:///default for the test driver',
  ]);
}

/** Opens a connection through @libvirt-ts/virt; `uri` undefined means the default one. */
export async function openConnection(uri: string | undefined, readOnly: boolean): Promise<VirtConnection> {
  return open(uri ?? defaultUri(process.env), { readOnly });
}
