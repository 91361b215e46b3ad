import { Connection } from './connection.js';
import { TestDriver } from './drivers/test/test-driver.js';
import { VirtError } from './errors/virt-error.js';
import type { OpenOptions } from './types.js';

/** Opens a connection to the node named by `uri`. */
export async function open(uri: string, options: OpenOptions = {}): Promise<Connection> {
  if (uri === 'test:///default') {
    return new Connection(uri, options.readOnly ?? false, [new TestDriver()]);
  }
  throw new VirtError({ code: 'NO_CONNECT', domain: 'NONE', message: `no connection driver available for ${uri}`, str1: uri });
}

export function openReadOnly(uri: string): Promise<Connection> {
  return open(uri, { readOnly: true });
}
