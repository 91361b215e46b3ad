import { describe, it } from 'vitest';
import { open, openReadOnly } from '../../src/index.js';
import { expectVirtError } from '../helpers/expect-virt-error.js';
import { quietErrors } from '../helpers/quiet-errors.js';

quietErrors();

const POOL = "<pool type='dir'><name>P</name><target><path>/t</path></target></pool>";

describe('storage pools', () => {
  it('are NO_SUPPORT on the test driver, which has none yet', async () => {
    await using conn = await open('test:///default');
    await expectVirtError(
      conn.storagePoolDefineXML(POOL),
      'NO_SUPPORT',
      'this function is not supported by the connection driver: virStoragePoolDefineXML',
    );
  });

  it('are refused on read-only connections before any driver', async () => {
    await using ro = await openReadOnly('test:///default');
    await expectVirtError(ro.storagePoolDefineXML(POOL), 'OPERATION_DENIED', 'operation forbidden: read only access prevents virStoragePoolDefineXML');
  });
});
