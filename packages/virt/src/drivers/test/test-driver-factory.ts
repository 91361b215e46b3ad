import type { DriverFactory, DriverOpenRequest } from '../../driver.js';
import { DriverNo } from '../../driver.js';
import { TestDriver } from './test-driver.js';

/**
 * The test driver accepts `test:///default` (one node shared by every open connection to it) and
 * `test:///ABSOLUTE/PATH/node.xml` (a node loaded from that file, private to the connection).
 * Other names, including `test://host/...`, are declined.
 */
export const testDriverFactory: DriverFactory = {
  no: DriverNo.TEST,
  name: 'Test',
  version: 2,
  async open(request: DriverOpenRequest) {
    const uri = request.uri;
    if (uri?.scheme !== 'test' || uri.host !== '' || !uri.path.startsWith('/')) return undefined;
    return new TestDriver();
  },
};
