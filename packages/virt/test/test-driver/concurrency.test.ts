import { describe, expect, it } from 'vitest';
import { DomainState, open } from '../../src/index.js';
import { quietErrors } from '../helpers/quiet-errors.js';

quietErrors();

describe('100 concurrent calls on one connection', () => {
  it('define 100 domains at once: all present, distinct, one handle each', async () => {
    const conn = await open('test:///default');
    const names = Array.from({ length: 100 }, (_, i) => `dom${String(i).padStart(3, '0')}`);
    const domains = await Promise.all(
      names.map((name) => conn.defineXML(`<domain type='test'><name>${name}</name><memory>1024</memory><os><type>hvm</type></os></domain>`)),
    );
    expect(new Set(domains.map((d) => d.UUIDString())).size).toBe(100);
    expect(await conn.listDefinedDomains()).toEqual(names);
    const lookedUp = await Promise.all(names.map((name) => conn.lookupByName(name)));
    for (const [i, dom] of lookedUp.entries()) expect(dom).toBe(domains[i]);
    await conn.close();
  });

  it('start 100 domains at once: ids 2..101 each used once; concurrent reads agree', async () => {
    const conn = await open('test:///default');
    const domains = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        conn.defineXML(`<domain type='test'><name>d${i}</name><memory>${1024 + i}</memory><os><type>hvm</type></os></domain>`),
      ),
    );
    await Promise.all(domains.map((d) => d.create()));
    const ids = domains.map((d) => d.ID()).sort((a, b) => a - b);
    expect(ids).toEqual(Array.from({ length: 100 }, (_, i) => i + 2));
    const [list, count, infos] = await Promise.all([conn.listDomains(), conn.numOfDomains(), Promise.all(domains.map((d) => d.info()))]);
    expect(list).toEqual([1, ...ids]);
    expect(count).toBe(101);
    for (const [i, info] of infos.entries()) expect(info).toMatchObject({ state: DomainState.RUNNING, maxMem: 1024 + i });
    await conn.close();
  });

  it('100 racing suspends of one domain: exactly one succeeds, the rest see it paused', async () => {
    const conn = await open('test:///default');
    const test = await conn.lookupByName('test');
    const results = await Promise.allSettled(Array.from({ length: 100 }, () => test.suspend()));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refusals = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).message] : []));
    expect(new Set(refusals)).toEqual(new Set(["internal error: domain 'test' not running"]));
    expect((await test.state()).state).toBe(DomainState.PAUSED);
    await conn.close();
  });
});
