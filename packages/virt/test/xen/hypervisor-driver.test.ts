import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Driver } from '../../src/driver.js';
import { hypervisorDriverFactory } from '../../src/drivers/hypervisor/hypervisor-factory.js';
import { VirtError } from '../../src/errors/virt-error.js';
import { parseUri } from '../../src/uri.js';
import { type XenStack, startXenStack } from './helpers/xen-stack.js';

const corpus = (name: string) => readFileSync(join(import.meta.dirname, 'data', 'sexpr2xml', name), 'utf8');

function virtError(code: string) {
  return (error: unknown) => VirtError.isInstance(error) && error.code === code && error.domain === 'XEN';
}

let stack: XenStack;
let hv: Driver;

beforeEach(async () => {
  stack = await startXenStack({ domains: [{ sexpr: corpus('sexpr2xml-disk-file.sexpr') }, { sexpr: corpus('sexpr2xml-fv.sexpr') }] });
  const driver = await hypervisorDriverFactory.open({ name: 'xen:///', uri: parseUri('xen:///'), readOnly: false, quiet: false, options: stack.options() });
  if (!driver) throw new Error('the hypervisor driver declined');
  hv = driver;
});

afterEach(async () => {
  await hv?.close();
  await stack.close();
});

const ref = (id: number) => ({ id, name: `dom${id}`, uuid: new Uint8Array(16) });

describe('hypervisor driver over a Xen 4.17 privcmd', () => {
  it('reads the version, the list and one domain by hypercall', async () => {
    expect(await hv.getVersion!()).toBe(4_017_000);
    expect(await hv.listDomainIDs!()).toEqual([0, 3, 6]);
    expect(await hv.numOfDomains!()).toBe(3);
    expect(await hv.domainGetInfo!(ref(6))).toMatchObject({ memory: 420 * 1024, maxMem: 420 * 1024, nrVirtCpu: 2 });
    expect(await hv.domainGetMaxMemory!(ref(3))).toBe(400 * 1024);
  });

  it('answers NO_DOMAIN for an id Xen does not have, even when a higher id exists', async () => {
    // Xen answers getdomaininfo(4) with domain 6; 0.1.3 took that answer, we do not
    await expect(hv.domainGetInfo!(ref(4))).rejects.toSatisfy(virtError('NO_DOMAIN'));
    await expect(hv.domainSuspend!(ref(99))).rejects.toSatisfy(virtError('NO_DOMAIN'));
  });

  it('refuses an inactive domain (id -1) with OPERATION_INVALID', async () => {
    await expect(hv.domainDestroy!(ref(-1))).rejects.toSatisfy(virtError('OPERATION_INVALID'));
  });

  it('pauses, unpauses, caps memory and destroys by hypercall', async () => {
    await hv.domainSuspend!(ref(6));
    expect(stack.xend.state.lookup('pvtest')?.state).toBe('paused');
    await hv.domainResume!(ref(6));
    expect(stack.xend.state.lookup('pvtest')?.state).not.toBe('paused');
    await hv.domainSetMaxMemory!(ref(6), 512 * 1024);
    expect(stack.xend.state.lookup('pvtest')?.maxmem).toBe(512);
    await hv.domainDestroy!(ref(6));
    expect(await hv.listDomainIDs!()).toEqual([0, 3]);
  });

  it('declines when told not to use the hypervisor', async () => {
    const request = { name: undefined, uri: undefined, readOnly: false, quiet: false, options: { ...stack.options(), useHypervisor: false } };
    expect(await hypervisorDriverFactory.open(request)).toBeUndefined();
  });
});
