import type { DriverFactory, DriverOpenRequest } from '../../driver.js';
import { BUILTIN_DRIVER_PRIORITY } from '../../driver-registry.js';
import { TestDriver } from './test-driver.js';
import { testError } from './test-errors.js';
import { createDefaultNode, type TestNode } from './test-node.js';

/** test:///default's node, shared by every connection to it while at least one is open. */
let sharedDefault: { node: TestNode; users: number } | undefined;

function openDefault(): TestDriver {
  sharedDefault ??= { node: createDefaultNode(), users: 0 };
  const shared = sharedDefault;
  shared.users++;
  return new TestDriver(shared.node, () => {
    shared.users--;
    // The next open after the last close starts fresh, as in libvirt 9.
    if (shared.users === 0 && sharedDefault === shared) sharedDefault = undefined;
  });
}

/**
 * The test driver accepts `test:///default` (one node shared by all connections open to it) and
 * `test:///ABSOLUTE/PATH/node.xml` (a node loaded from that file, private to the connection).
 * `test:///` alone is refused as libvirt refuses it; other names, including `test://host/...`
 * (libvirt would go remote), are declined.
 */
export const testDriverFactory: DriverFactory = {
  name: 'Test',
  priority: BUILTIN_DRIVER_PRIORITY.Test,
  version: 2,
  async open(request: DriverOpenRequest) {
    const uri = request.uri;
    // libvirt compares the scheme as written: TEST:///default is not the test driver's.
    if (uri?.scheme !== 'test' || !uri.canonical.startsWith('test:') || uri.host !== '') return undefined;
    if (uri.path === '' || uri.path === '/') throw testError('INVALID_ARG', 'testOpen: supply a path or use test:///default');
    if (uri.path === '/default') return openDefault();
    const [{ loadNodeFile }, { authenticate }, { CredentialAsker }] = await Promise.all([
      import('./node-file.js'),
      import('./test-auth.js'),
      import('../../auth/ask-credentials.js'),
    ]);
    const node = await loadNodeFile(uri.path);
    // libvirt's "fake authentication": a node file with <auth> users lets in only those.
    await authenticate(node.users ?? [], new CredentialAsker(request.options.auth, uri));
    return new TestDriver(node);
  },
};
