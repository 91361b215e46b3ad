import { describe, it } from 'vitest';
import { DomainQemuMonitorCommandFlags, open, openReadOnly } from '../../src/index.js';
import { expectVirtError } from '../helpers/expect-virt-error.js';
import { quietErrors } from '../helpers/quiet-errors.js';

quietErrors();

const DEFAULT = 'test:///default';

describe("libvirt-qemu's monitor calls", () => {
  it('are NO_SUPPORT on the test driver, as only the QEMU driver has them', async () => {
    await using conn = await open(DEFAULT);
    const dom = await conn.lookupByName('test');
    await expectVirtError(
      dom.qemuMonitorCommand('{"execute":"query-status"}'),
      'NO_SUPPORT',
      'this function is not supported by the connection driver: virDomainQemuMonitorCommand',
    );
    await expectVirtError(
      dom.qemuMonitorCommandWithFiles('info status', [0], DomainQemuMonitorCommandFlags.HMP),
      'NO_SUPPORT',
      'this function is not supported by the connection driver: virDomainQemuMonitorCommandWithFiles',
    );
  });

  it('are refused on read-only connections before any driver', async () => {
    await using ro = await openReadOnly(DEFAULT);
    const dom = await ro.lookupByName('test');
    await expectVirtError(dom.qemuMonitorCommand('x'), 'OPERATION_DENIED', 'operation forbidden: read only access prevents virDomainQemuMonitorCommand');
  });
});
