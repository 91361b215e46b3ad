import { printSexpr } from '@libvirt-ts/sexpr';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { XendError } from '../src/index.js';
import { FakeXendState } from '../src/testing/index.js';
import { corpusRecords, fieldText } from './corpus.js';
import { type FakeSetup, rejection, setUpFake } from './fake-setup.js';

let setup: FakeSetup | undefined;
afterEach(async () => {
  await setup?.close();
  setup = undefined;
});

describe('fake xend seeded with libvirt corpus records', () => {
  it.each(corpusRecords())('$name reads back through the client', async ({ text }) => {
    setup = await setUpFake('unix', { node: { total_memory: 65536 }, domains: [{ sexpr: text }] });
    const name = fieldText(text, 'name')!;
    const domain = await setup.client.getDomain(name);
    expect(domain.memory).toBe(Number(fieldText(text, 'memory')));
    expect(domain.uuid.replaceAll('-', '')).toBe(fieldText(text, 'uuid')!.replaceAll('-', '').toLowerCase());
    const domid = fieldText(text, 'domid');
    expect(domain.domid).toBe(domid === undefined ? 1 : Number(domid));
    // Items the fake does not compute (image, devices...) come back as given.
    const kernel = fieldText(text, 'kernel');
    if (kernel !== undefined) expect(printSexpr(domain.sexpr)).toContain(kernel);
    expect(printSexpr(domain.sexpr).split('(device ').length).toBe(text.replace(/\(\s*device\s/g, '(device ').split('(device ').length);
  });
});

describe('fake xend seeds', () => {
  it('takes a domain as libvirt XML, converted as virsh create would send it', async () => {
    const xml = readFileSync(new URL('./fixtures/v0.1.5/xml2sexpr-pv.xml', import.meta.url), 'utf8');
    setup = await setUpFake('unix', { domains: [{ xml, id: 15, state: 'blocked', cpu_time: 3.5 }] });
    const domain = await setup.client.getDomain('pvtest');
    expect(domain).toMatchObject({ domid: 15, uuid: '596a5d21-71f4-8fb2-e068-e2386a5c413e', state: '-b----' });
    expect(domain).toMatchObject({ memory: 420, vcpus: 2, cpuTimeNs: 3_500_000_000n });
    expect(printSexpr(domain.sexpr)).toContain('(uname file:/root/some.img)');
    expect(printSexpr(domain.sexpr)).toContain('(kernel /var/lib/xen/vmlinuz.2Dn2YT)');
    expect(() => new FakeXendState({ domains: [{ xml: '<domain type="xen"><name>x</name>' }] })).toThrow(
      /fake xend seed domains\[0\]\.xml: /,
    );
  });

  it('overrides node fields and Domain-0, and numbers unnumbered domains after the highest id', async () => {
    const state = new FakeXendState({
      node: { nr_cpus: 8, xen_minor: 1, xen_extra: '.4', total_memory: 4096 },
      domain0: { memory: 1024, vcpus: 4 },
      domains: [{ name: 'a', id: 7 }, { name: 'b', state: 'paused' }],
    });
    expect(state.list().map((domain) => [domain.id, domain.name, domain.state])).toEqual([
      [0, 'Domain-0', 'running'],
      [7, 'a', 'running'],
      [8, 'b', 'paused'],
    ]);
    expect(state.freeMemory()).toBe(4096 - 1024 - 128 - 128);
    setup = await setUpFake('tcp', { node: { nr_cpus: 8, xen_minor: 1, xen_extra: '.4' } });
    const node = await setup.client.getNode();
    expect(node.nrCpus).toBe(8);
    expect(node).toMatchObject({ xenMinor: 1, xenExtra: '.4' });
  });

  it.each([
    [{ domains: [{ name: '' }] }, /domains\[0\]\.name: expected a non-empty string/],
    [{ domains: [{ name: 'a', memory: -1 }] }, /domains\[0\]\.memory: expected an integer >= 1/],
    [{ domains: [{ name: 'a', memory: 256, maxmem: 128 }] }, /domains\[0\]\.maxmem: expected an integer >= 256/],
    [{ domains: [{ name: 'a', uuid: 'nope' }] }, /domains\[0\]\.uuid: not a UUID/],
    [{ domains: [{ name: 'a', state: 'sleeping' }] }, /domains\[0\]\.state: expected one of running/],
    [{ domains: [{ name: 'a' }, { name: 'a' }] }, /domain a \(id 2\) clashes with domain a \(id 1\)/],
    [{ domains: [{ name: 'a', extras: ['(image'] }] }, /domains\[0\]\.extras\[0\]: not an S-expression/],
    [{ domains: [{ sexpr: '(vm (name a))' }] }, /domains\[0\]\.sexpr: expected a \(domain \.\.\.\) record/],
    [{ domain0: { memory: 0 } }, /domain0\.memory/],
    [{ node: { host: { nested: true } } }, /node\.host: expected a string or a number/],
  ])('refuses %j', (seed, message) => {
    const attempt = () => new FakeXendState(seed as never);
    expect(attempt).toThrow(XendError);
    expect(attempt).toThrow(message);
  });
});

describe('fake xend behaviour', () => {
  it('lets a paused domain shut down only once it runs again', async () => {
    setup = await setUpFake('unix', { domains: [{ name: 'p', state: 'paused' }] });
    const { client } = setup;
    await client.shutdown('p', 'poweroff');
    setup.advance(1_000);
    expect((await client.getDomain('p')).state).toBe('--p---');
    await client.unpause('p');
    expect((await client.getDomain('p')).state).toBe('---s--');
    setup.advance(100);
    expect((await rejection(client.getDomain('p'))).code).toBe('NO_DOMAIN');
  });

  it('does not restart a domain whose on_reboot is destroy', async () => {
    setup = await setUpFake('unix', { domains: [{ name: 'r', extras: ['(on_reboot destroy)'] }] });
    await setup.client.shutdown('r', 'reboot');
    setup.advance(100);
    expect(await setup.client.listDomainNames()).toEqual(['Domain-0']);
  });

  it('checks free memory on create and refuses a uuid in use', async () => {
    setup = await setUpFake('unix', {
      domains: [{ name: 'u', uuid: '596a5d21-71f4-8fb2-e068-e2386a5c413e' }],
    });
    const tooBig = await rejection(setup.client.create('(vm (name big) (memory 4000))'));
    expect(tooBig.xendMessage).toMatch(/not enough free memory \(need 4000 MiB, 1407 MiB free\)/);
    const clash = await rejection(setup.client.create('(vm (name v) (uuid 596a5d2171f48fb2e068e2386a5c413e))'));
    expect(clash.xendMessage).toMatch(/UUID 596a5d21-71f4-8fb2-e068-e2386a5c413e is used by domain u/);
  });

  it('shows a crashed domain and cpu time that does not move', async () => {
    setup = await setUpFake('tcp', { domains: [{ name: 'c', state: 'crashed', cpu_time: 12.5 }] });
    setup.advance(5_000);
    const crashed = await setup.client.getDomain('c');
    expect(crashed.state).toBe('----c-');
    expect(crashed).toMatchObject({ state: '----c-', cpuTimeNs: 12_500_000_000n });
    expect((await rejection(setup.client.pause('c'))).xendMessage).toBe('Cannot pause domain c: it is crashed');
  });

  it('answers as xend for requests libvirt never makes', async () => {
    setup = await setUpFake('tcp');
    const base = setup.fake.url;
    const post = (path: string, body: string) =>
      fetch(`${base}${path}`, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    const noOp = await post('/xend/domain/Domain-0', '');
    expect(noOp.status).toBe(406);
    const twoOps = await post('/xend/domain/Domain-0', 'op=pause&op=unpause');
    expect(twoOps.status).toBe(406);
    const unknownOp = await post('/xend/domain/Domain-0', 'op=frobnicate');
    expect([unknownOp.status, await unknownOp.text()]).toEqual([501, 'Operation not implemented: frobnicate']);
    const badInt = await post('/xend/domain/Domain-0', 'op=mem_target_set&target=lots');
    expect([badInt.status, await badInt.text()]).toEqual([500, "(xend.err 'Invalid argument target: \\'lots\\' is not an integer')"]);
    const badConfig = await post('/xend/domain/', 'op=create&config=(vm');
    expect(badConfig.status).toBe(500);
    expect(await badConfig.text()).toMatch(/^\(xend\.err 'Invalid configuration/);
    const nowhere = await fetch(`${base}/xend/nowhere`);
    expect(nowhere.status).toBe(404);
    const put = await fetch(`${base}/xend/node/`, { method: 'PUT' });
    expect(put.status).toBe(501);
  });

  it("frames answers by closing the connection when told to (no length, no chunks)", async () => {
    setup = await setUpFake('unix', {}, { framing: 'close' });
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(setup!.fake.socketPath!);
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('latin1')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
      socket.write('GET /xend/node/ HTTP/1.1\r\nHost: localhost:8000\r\n\r\n');
    });
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).not.toMatch(/content-length|transfer-encoding/i);
    expect(body).toMatch(/^\(node \(host fake-xen\).*\)$/);
  });

  it('answers 400 to a request target that is no URL, and keeps serving', async () => {
    setup = await setUpFake('tcp');
    const { port } = setup.fake;
    for (const target of ['http://[', '//[::1', 'http://exa mple/']) {
      const head = await new Promise<string>((resolve, reject) => {
        const socket = connect(port!, '127.0.0.1');
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString('latin1')));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
        socket.write(`GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
      });
      expect(head.split('\r\n')[0], target).toBe('HTTP/1.1 400 Bad Request');
    }
    expect((await fetch(`${setup.fake.url}/xend/node/`)).status).toBe(200);
  });
});
