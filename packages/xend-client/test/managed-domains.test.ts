import { printSexpr } from '@libvirt-ts/sexpr';
import { afterEach, describe, expect, it } from 'vitest';
import { hasManagedDomains, type XendClient } from '../src/index.js';
import { type FakeSetup, rejection, setUpFake, TRANSPORTS } from './fake-setup.js';

const CONFIG =
  "(vm (name m1) (uuid 4f1d2e3c-5b6a-4789-8a9b-0c1d2e3f4a5b) (memory 256) (maxmem 512) (vcpus 2) (image (linux (kernel '/boot/vmlinuz'))) (device (vbd (dev xvda) (uname file:/var/lib/xen/m1.img) (mode w))))";
/** Xen 3.1.0: config format 4, with managed domains. */
const XEN_3_1 = { node: { xen_minor: 1, xen_extra: '.0' } };

describe.each(TRANSPORTS)('managed domains (xend 3.0.4+) over %s', (transport) => {
  let setup: FakeSetup;
  let client: XendClient;
  const start = async (seed: object = XEN_3_1) => {
    setup = await setUpFake(transport, seed);
    client = setup.client;
  };
  afterEach(() => setup.close());

  it('defines a domain: halted, no id, listed by ?state=halted and not among the live ones', async () => {
    await start();
    const defined = await client.defineDomain(CONFIG);
    expect(defined).toMatchObject({ domid: undefined, name: 'm1', uuid: '4f1d2e3c-5b6a-4789-8a9b-0c1d2e3f4a5b', state: undefined });
    expect(defined).toMatchObject({ state: undefined, memory: 256, maxmem: 512, vcpus: 2, cpuTimeNs: 0n });
    // its config is what xend describes for it (what later libvirt read for an inactive domain's XML)
    expect(printSexpr(defined.sexpr)).toContain('/var/lib/xen/m1.img');
    expect(printSexpr(defined.sexpr)).toContain('(status 0)');
    expect(await client.listInactiveDomainNames()).toEqual(['m1']);
    expect(await client.listDomainNames()).toEqual(['Domain-0']);
    expect((await client.listDomains()).map((d) => d.name)).toEqual(['Domain-0']);
    expect(setup.fake.state.requestCounts.get('POST /xend/domain/')).toBe(1);
  });

  it('starts a defined domain with the next id; destroy and shutdown bring it back to halted', async () => {
    await start();
    await client.defineDomain(CONFIG);
    const running = await client.startDomain('m1');
    expect(running).toMatchObject({ domid: 1, name: 'm1' });
    expect(running.state).toBe('r-----');
    expect(await client.listInactiveDomainNames()).toEqual([]);
    expect(await client.listDomainNames()).toEqual(['Domain-0', 'm1']);

    await client.destroy('m1');
    expect(await client.listInactiveDomainNames()).toEqual(['m1']);
    expect((await client.getDomain('m1')).domid).toBeUndefined();

    const again = await client.startDomain('m1');
    expect(again.domid).toBe(2);
    await client.shutdown('m1', 'halt');
    expect((await client.getDomain('m1')).state).toBe('---s--');
    setup.advance(1_000);
    const halted = await client.getDomain('m1');
    expect(halted).toMatchObject({ domid: undefined });
    expect(halted).toMatchObject({ state: undefined, cpuTimeNs: 0n });
  });

  it('deletes only a halted domain; a running one keeps going with xend text', async () => {
    await start();
    await client.defineDomain(CONFIG);
    await client.startDomain('m1');
    const refused = await rejection(client.deleteDomain('m1'));
    expect(refused).toMatchObject({ code: 'POST_FAILED', status: 500 });
    expect(refused.xendMessage).toMatch(/Domain is still running/);
    await client.destroy('m1');
    await client.deleteDomain('m1');
    expect(await client.listInactiveDomainNames()).toEqual([]);
    expect(await rejection(client.getDomain('m1'))).toMatchObject({ code: 'NO_DOMAIN', status: 404 });
  });

  it('refuses to start a running domain, and any op on an unknown one is NO_DOMAIN', async () => {
    await start();
    await client.defineDomain(CONFIG);
    await client.startDomain('m1');
    expect((await rejection(client.startDomain('m1'))).xendMessage).toMatch(/already running/);
    for (const attempt of [client.startDomain('nope'), client.deleteDomain('nope')]) {
      expect(await rejection(attempt)).toMatchObject({ code: 'NO_DOMAIN', status: 404 });
    }
  });

  it('redefines under the same uuid; another uuid with a taken name is refused', async () => {
    await start();
    await client.defineDomain(CONFIG);
    const redefined = await client.defineDomain(CONFIG.replace('(memory 256)', '(memory 384)'));
    expect(redefined.memory).toBe(384);
    expect(await client.listInactiveDomainNames()).toEqual(['m1']);
    const clash = await rejection(client.defineDomain(CONFIG.replace(/\(uuid [^)]*\)/, '')));
    expect(clash).toMatchObject({ code: 'POST_FAILED', status: 500 });
    expect(clash.xendMessage).toMatch(/Domain 'm1' already exists/);
    // nor can a transient domain take a defined domain's name
    expect(await rejection(client.create(CONFIG.replace(/\(uuid [^)]*\)/, '')))).toMatchObject({ code: 'POST_FAILED' });
  });

  it('defining a running transient domain makes it managed: defined again once destroyed', async () => {
    await start();
    const created = await client.create(CONFIG);
    const defined = await client.defineDomain(CONFIG);
    expect(defined).toMatchObject({ domid: created.domid, name: 'm1' });
    expect(await client.listInactiveDomainNames()).toEqual([]);
    await client.destroy('m1');
    expect(await client.listInactiveDomainNames()).toEqual(['m1']);
    // a transient one is simply gone
    await client.create(CONFIG.replace('(name m1)', '(name t1)').replace(/\(uuid [^)]*\)/, ''));
    await client.destroy('t1');
    expect(await rejection(client.getDomain('t1'))).toMatchObject({ code: 'NO_DOMAIN' });
  });

  it('a malformed config is refused before sending; xend refuses one without a name', async () => {
    await start();
    expect(await rejection(client.defineDomain('(vm (name'))).toMatchObject({ code: 'INVALID_ARG' });
    expect(await rejection(client.defineDomain('(vm (memory 128))'))).toMatchObject({ code: 'INVALID_ARG' });
    expect(setup.fake.state.requestCount).toBe(0);
  });

  it('seeds halted domains, and restoring a saved managed domain takes its place again', async () => {
    await start({ ...XEN_3_1, domains: [{ name: 'idle', state: 'halted', memory: 64 }, { name: 'web', managed: true }] });
    expect(await client.listInactiveDomainNames()).toEqual(['idle']);
    const file = `${setup.dir}/web.save`;
    await client.save('web', file);
    expect(await client.listInactiveDomainNames()).toEqual(['idle', 'web']);
    const restored = await client.restore(file);
    expect(restored).toMatchObject({ name: 'web', domid: 2 });
    expect(await client.listInactiveDomainNames()).toEqual(['idle']);
  });

  it('500 and 404 answers injected on the managed ops are typed errors', async () => {
    await start();
    setup.fake.injectFault({ status: 500, body: "(xend.err 'disk full')" }, { when: (request) => request.args.get('op') === 'new' });
    expect(await rejection(client.defineDomain(CONFIG))).toMatchObject({ code: 'POST_FAILED', xendMessage: 'disk full' });
    setup.fake.injectFault({ status: 500, body: "(xend.err 'no')" }, { when: (request) => request.args.get('state') === 'halted' });
    expect(await rejection(client.listInactiveDomainNames())).toMatchObject({ code: 'GET_FAILED', xendMessage: 'no' });
  });

  it('xend before 3.0.4 (3.0.2, 3.0.3) has no such ops: NO_SUPPORT, with xend answer kept as cause', async () => {
    for (const xenExtra of ['.2', '.3']) {
      await start({ node: { xen_extra: xenExtra } });
      expect(hasManagedDomains(setup.fake.state.configVersion)).toBe(false);
      const refused = await rejection(client.defineDomain(CONFIG));
      expect(refused).toMatchObject({ code: 'NO_SUPPORT', status: 501 });
      expect(refused.message).toMatch(/op=new needs Xen 3\.0\.4/);
      expect(await rejection(client.startDomain('Domain-0'))).toMatchObject({ code: 'NO_SUPPORT' });
      expect(await rejection(client.deleteDomain('Domain-0'))).toMatchObject({ code: 'NO_SUPPORT' });
      // and, as old xend did, it ignores ?state= and names the live domains
      expect(await client.listInactiveDomainNames()).toEqual(['Domain-0']);
      await setup.close();
    }
    await start();
  });

  it('Xen 3.0.4 (config format 3) is the first with managed domains', async () => {
    await start({ node: { xen_extra: '.4-1' } });
    expect(setup.fake.state.configVersion).toBe(3);
    expect((await client.defineDomain(CONFIG)).domid).toBeUndefined();
  });
});
