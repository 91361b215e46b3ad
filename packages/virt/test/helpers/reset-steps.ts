import { expect } from 'vitest';
import type { Connection } from '../../src/index.js';
import { expectVirtError } from './expect-virt-error.js';

/**
 * virDomainReset on a test:///default node (ours, or libvirt 9's through libvirtd), as libvirt 9's
 * testDomainReset answers: a running or paused domain stays as it is, an inactive one is refused,
 * and so is a flag. Leaves `test` running, as it found it.
 */
export async function expectResetsLikeLibvirt9(conn: Connection): Promise<void> {
  const test = await conn.lookupByName('test');
  const before = await test.state();
  await test.reset();
  expect(await test.state()).toEqual(before);
  await expectVirtError(test.reset(1), 'INVALID_ARG', 'unsupported flags (0x1) in function testDomainReset');
  await test.suspend();
  await test.reset();
  expect((await test.state()).state).toBe(3); // still VIR_DOMAIN_PAUSED
  await test.destroy();
  await expectVirtError(test.reset(), 'OPERATION_INVALID', 'Requested operation is not valid: domain is not running', 'DOMAIN');
  await test.create();
}
