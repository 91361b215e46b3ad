import { openRemote, RemoteError } from '@libvirt-ts/remote';
import { VirtError } from '../../errors/virt-error.js';
import { RemoteDriver } from './remote-driver.js';
import { remoteToVirtError } from './remote-errors.js';

/**
 * Connects to libvirtd for the remote driver; remote-factory.ts loads this module (and with it the
 * RPC client) on a remote open only. One module, not `import('@libvirt-ts/remote')`: a bundle
 * builds the namespace object of what is imported so, 1,300 names, at every start-up.
 */
export async function openRemoteDriver(name: string, readOnly: boolean): Promise<RemoteDriver> {
  try {
    return new RemoteDriver(await openRemote(name, { readonly: readOnly }));
  } catch (error) {
    if (RemoteError.isInstance(error)) throw remoteToVirtError(error);
    throw new VirtError({ code: 'INTERNAL_ERROR', domain: 'REMOTE', info: String(error), cause: error });
  }
}
