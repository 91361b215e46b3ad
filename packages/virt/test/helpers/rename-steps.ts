import { expect } from 'vitest';
import type { Connection } from '../../src/index.js';
import { expectVirtError } from './expect-virt-error.js';

const xml = (name: string) => `<domain type='test'><name>${name}</name><memory>8192</memory><os><type>hvm</type></os></domain>`;

/**
 * virDomainRename on a test:///default node (ours, or libvirt 9's through libvirtd), each answer as
 * libvirt 9's test driver gives it: the refusals, then a rename the handle and the node both see.
 * Leaves the node as it found it.
 */
export async function expectRenamesLikeLibvirt9(conn: Connection): Promise<void> {
  const dom = await conn.defineXML(xml('rename-me'));
  await expectVirtError(dom.rename('rename-me'), 'OPERATION_INVALID', "Requested operation is not valid: Can't rename domain to itself", 'DOMAIN');
  await expectVirtError(dom.rename('test'), 'OPERATION_INVALID', "Requested operation is not valid: domain with name 'test' already exists", 'DOMAIN');
  await expectVirtError(dom.rename('a/b'), 'XML_ERROR', "XML error: name a/b cannot contain '/'", 'TEST');
  await dom.create();
  await expectVirtError(dom.rename('renamed'), 'OPERATION_INVALID', 'Requested operation is not valid: cannot rename active domain', 'TEST');
  await dom.destroy();
  const transient = await conn.createXML(xml('rename-transient'));
  await expectVirtError(transient.rename('renamed'), 'OPERATION_INVALID', 'Requested operation is not valid: cannot rename active domain');
  await transient.destroy();

  await dom.rename('renamed');
  expect(dom.name()).toBe('renamed');
  expect(await conn.listDefinedDomains()).toContain('renamed');
  expect(await conn.listDefinedDomains()).not.toContain('rename-me');
  expect((await conn.lookupByUUIDString(dom.UUIDString())).name()).toBe('renamed');
  await expectVirtError(conn.lookupByName('rename-me'), 'NO_DOMAIN', 'Domain not found');
  await dom.undefine();
}
