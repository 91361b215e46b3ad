import { describe, expect, it } from 'vitest';
import { DomainState, open, VirtError } from './index.js';

describe('open test:///default', () => {
  it('lists the default domain test, id 1, running', async () => {
    const conn = await open('test:///default');
    expect(await conn.listDomains()).toEqual([1]);
    const dom = await conn.lookupByID(1);
    expect(dom.name()).toBe('test');
    expect(dom.UUIDString()).toBe('6695eb01-f6a4-8304-79aa-97f2502e193f');
    expect((await dom.info()).state).toBe(DomainState.RUNNING);
    expect(await conn.lookupByName('test')).toBe(dom);
    await conn.close();
  });

  it('refuses an unknown URI with NO_CONNECT', async () => {
    await expect(open('bogus:///x')).rejects.toSatisfy((e) => VirtError.isInstance(e) && e.code === 'NO_CONNECT');
  });
});
