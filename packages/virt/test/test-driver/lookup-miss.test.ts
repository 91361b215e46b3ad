import { describe, expect, it } from 'vitest';
import { open, VirtError } from '../../src/index.js';
import { libvirtSoAvailable, runLibvirtSo } from '../helpers/libvirt-so.js';
import { quietErrors } from '../helpers/quiet-errors.js';

quietErrors();

const MISSING_UUID = '6695eb01-f6a4-8304-79aa-97f2502e193e';

/** The message of each lookup miss on test:///default: by name, by id, by UUID. */
async function ourMisses(): Promise<string[]> {
  const conn = await open('test:///default');
  try {
    const misses = [() => conn.lookupByName('x'), () => conn.lookupByID(7), () => conn.lookupByUUIDString(MISSING_UUID)];
    const messages: string[] = [];
    for (const miss of misses) {
      const error = await miss().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(VirtError.isInstance(error) && error.code).toBe('NO_DOMAIN');
      messages.push((error as VirtError).message);
    }
    return messages;
  } finally {
    await conn.close();
  }
}

// The issue reported that libvirt 9 says "Domain not found: no domain with matching name 'x'" here.
// Its test driver does not (testDomainLookupBy* report VIR_ERR_NO_DOMAIN without a detail); that
// wording is the remote and Xen drivers'. libvirt.so.0 itself settles it.
describe('test-driver lookup misses', () => {
  it('say "Domain not found", by name, id and UUID', async () => {
    expect(await ourMisses()).toEqual(['Domain not found', 'Domain not found', 'Domain not found']);
  });

  it.skipIf(!libvirtSoAvailable)("are libvirt.so.0's words", async () => {
    const body = [
      'c = lv.virConnectOpen(b"test:///default")',
      'lv.virDomainLookupByName(c, b"x"); print(last())',
      'lv.virDomainLookupByID(c, 7); print(last())',
      `lv.virDomainLookupByUUIDString(c, b"${MISSING_UUID}"); print(last())`,
    ].join('\n');
    expect(await ourMisses()).toEqual(runLibvirtSo(body));
  });
});
