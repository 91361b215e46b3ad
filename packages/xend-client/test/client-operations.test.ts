import { printSexpr } from '@libvirt-ts/sexpr';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XendClient } from '../src/index.js';
import { type FakeSetup, rejection, setUpFake, TRANSPORTS } from './fake-setup.js';

const CONFIG =
  "(vm (name t1) (memory 256) (maxmem 512) (vcpus 2) (on_reboot restart) (image (linux (kernel '/boot/vmlinuz') (args 'root=/dev/xvda1 ro'))) (device (vbd (dev xvda) (uname file:/var/lib/xen/t1.img) (mode w))))";

describe.each(TRANSPORTS)('XendClient against the fake xend over %s', (transport) => {
  let setup: FakeSetup;
  let client: XendClient;
  beforeEach(async () => {
    setup = await setUpFake(transport);
    client = setup.client;
  });
  afterEach(() => setup.close());

  it('opens by connection name and reads the node', async () => {
    const opened = await XendClient.open(setup.fake.url);
    expect(opened.endpoint).toEqual(setup.fake.endpoint);
    const node = await opened.getNode();
    expect(node).toMatchObject({ machine: 'i686', totalMemory: 2047, nrCpus: 2, cpuMhz: 2000, nrNodes: 1, socketsPerNode: 1, coresPerSocket: 2, threadsPerCore: 1 });
    expect(node.freeMemory).toBe(2047 - 512);
    expect(node).toMatchObject({ xenMajor: 3, xenMinor: 0, xenExtra: '.2' });
  });

  it('lists Domain-0, by name and with details in one request', async () => {
    expect(await client.listDomainNames()).toEqual(['Domain-0']);
    const before = setup.fake.state.requestCount;
    const [domain0] = await client.listDomains();
    expect(setup.fake.state.requestCount - before).toBe(1);
    expect(domain0).toMatchObject({ domid: 0, name: 'Domain-0', uuid: '00000000-0000-0000-0000-000000000000' });
    expect(domain0!).toMatchObject({ state: 'r-----', memory: 512, vcpus: 2 });
  });

  it('creates a domain: create, wait_for_devices, unpause, then it runs with the next id', async () => {
    const created = await client.create(CONFIG);
    expect(created).toMatchObject({ domid: 1, name: 't1' });
    expect(created).toMatchObject({ state: 'r-----', memory: 256, maxmem: 512, vcpus: 2 });
    expect([...setup.fake.state.requestCounts.keys()]).toEqual([
      'POST /xend/domain/',
      'POST /xend/domain/t1',
      'GET /xend/domain/t1',
    ]);
    expect(setup.fake.state.requestCounts.get('POST /xend/domain/t1')).toBe(2);
    expect(setup.fake.state.xendLog).toMatch(/Created domain t1 \(id 1\)[\s\S]*Devices of domain t1[\s\S]*Unpaused domain t1/);
    // The devices and image of the config are in the record xend gives back.
    expect(printSexpr(created.sexpr)).toContain('/boot/vmlinuz');
    const second = await client.create(CONFIG.replace('(name t1)', '(name t2)').replace(/\(uuid [^)]*\)/, ''));
    expect(second.domid).toBe(2);
    expect((await client.listDomains()).map((domain) => domain.name)).toEqual(['Domain-0', 't1', 't2']);
  });

  it('creates a domain whose name contains "failed" (libvirt 0.1.3 took its record for a failure)', async () => {
    const created = await client.create(CONFIG.replace('(name t1)', '(name failed-over)'));
    expect(created.name).toBe('failed-over');
  });

  it('refuses to create a domain whose name is taken, with xend text', async () => {
    await client.create(CONFIG);
    const error = await rejection(client.create(CONFIG));
    expect(error).toMatchObject({ code: 'POST_FAILED', status: 500 });
    expect(error.xendMessage).toMatch(/Domain 't1' already exists with ID '1'/);
  });

  it('destroys the new domain when unpausing it fails', async () => {
    setup.fake.injectFault(
      { status: 500, body: "(xend.err 'cannot unpause')" },
      { when: (request) => request.args.get('op') === 'unpause' },
    );
    const error = await rejection(client.create(CONFIG));
    expect(error).toMatchObject({ code: 'POST_FAILED', xendMessage: 'cannot unpause' });
    expect(setup.fake.state.lookup('t1')).toBeUndefined();
    expect(setup.fake.state.xendLog).toContain('Destroyed domain t1');
  });

  it('gets a domain by name and by id; an unknown one is NO_DOMAIN', async () => {
    await client.create(CONFIG);
    expect((await client.getDomain('t1')).domid).toBe(1);
    expect((await client.getDomain(1)).name).toBe('t1');
    expect((await client.getDomain(0)).name).toBe('Domain-0');
    const error = await rejection(client.getDomain('nosuch'));
    expect(error).toMatchObject({ code: 'NO_DOMAIN', status: 404, xendMessage: 'No such domain nosuch' });
    expect(error.endpoint).toBe(transport === 'unix' ? `unix:${setup.fake.socketPath}` : setup.fake.url);
  });

  it('pauses and unpauses; cpu_time advances only while running', async () => {
    await client.create(CONFIG);
    setup.advance(1_500);
    expect((await client.getDomain('t1')).cpuTimeNs).toBe(1_500_000_000n);
    await client.pause('t1');
    expect((await client.getDomain('t1')).state).toBe('--p---');
    setup.advance(10_000);
    expect((await client.getDomain('t1')).cpuTimeNs).toBe(1_500_000_000n);
    await client.unpause('t1');
    setup.advance(250);
    const running = await client.getDomain('t1');
    expect(running).toMatchObject({ state: 'r-----', cpuTimeNs: 1_750_000_000n });
  });

  it.each(['halt', 'poweroff'] as const)('shuts down (%s): shutdown state, then gone', async (reason) => {
    await client.create(CONFIG);
    await client.shutdown('t1', reason);
    const stopping = await client.getDomain('t1');
    expect(stopping.state).toBe('---s--');
    setup.advance(100);
    expect((await rejection(client.getDomain('t1'))).code).toBe('NO_DOMAIN');
    expect(await client.listDomainNames()).toEqual(['Domain-0']);
  });

  it('reboots: shutdown state, then running again under a new id', async () => {
    await client.create(CONFIG);
    await client.shutdown('t1', 'reboot');
    expect((await client.getDomain('t1')).state).toBe('---s--');
    setup.advance(100);
    const rebooted = await client.getDomain('t1');
    expect(rebooted).toMatchObject({ domid: 2, name: 't1' });
    expect(rebooted.state).toBe('r-----');
  });

  it('destroys a domain at once, but never Domain-0', async () => {
    await client.create(CONFIG);
    await client.destroy('t1');
    expect((await rejection(client.getDomain('t1'))).code).toBe('NO_DOMAIN');
    const error = await rejection(client.destroy(0));
    expect(error).toMatchObject({ code: 'POST_FAILED', xendMessage: 'Cannot destroy privileged domain 0' });
    expect((await rejection(client.pause('Domain-0'))).code).toBe('POST_FAILED');
    expect((await rejection(client.destroy('nosuch'))).code).toBe('NO_DOMAIN');
  });

  it('saves to a real file, which removes the domain, and restores it under a new id', async () => {
    const created = await client.create(CONFIG);
    setup.advance(2_000);
    const file = join(setup.dir, 't1.save');
    await client.save('t1', file);
    expect((await readFile(file)).subarray(0, 16).toString('latin1')).toBe('LinuxGuestRecord');
    expect(await client.listDomainNames()).toEqual(['Domain-0']);
    const restored = await client.restore(file);
    expect(restored).toMatchObject({ domid: 2, name: 't1', uuid: created.uuid });
    const again = await client.getDomain('t1');
    expect(again).toMatchObject({ state: 'r-----', memory: 256, cpuTimeNs: 2_000_000_000n });
    expect(printSexpr(again.sexpr)).toContain('/boot/vmlinuz');
  });

  it('fails save and restore with xend text for bad files', async () => {
    await client.create(CONFIG);
    const unwritable = await rejection(client.save('t1', join(setup.dir, 'missing-dir', 'x.save')));
    expect(unwritable.code).toBe('POST_FAILED');
    expect(unwritable.xendMessage).toMatch(/Save failed: .*ENOENT/);
    expect(setup.fake.state.lookup('t1')).toBeDefined();
    const notImage = join(setup.dir, 'not-an-image');
    await writeFile(notImage, 'hello world, not a guest');
    expect((await rejection(client.restore(notImage))).xendMessage).toMatch(/not a valid guest state file: found 'hello world, not'/);
    expect((await rejection(client.restore(join(setup.dir, 'absent')))).xendMessage).toMatch(/Restore failed: .*ENOENT/);
  });

  it('sets max memory and the memory target in KiB, seen in later details', async () => {
    await client.create(CONFIG);
    await client.setMaxMemory('t1', 1024 * 1024 + 1023);
    expect((await client.getDomain('t1')).maxmem).toBe(1024);
    await client.setMemoryTarget('t1', 300 * 1024);
    expect((await client.getDomain('t1')).memory).toBe(300);
    expect(setup.fake.state.lookup('t1')).toMatchObject({ memory: 300, maxmem: 1024 });
    const tooBig = await rejection(client.setMemoryTarget('t1', 2048 * 1024));
    expect(tooBig.xendMessage).toMatch(/above the maximum 1024 MiB/);
    await client.setMaxMemory('t1', 128 * 1024);
    expect((await client.getDomain('t1'))).toMatchObject({ maxmem: 128, memory: 128 });
  });

  it('sets vcpus up to the count at creation', async () => {
    await client.create(CONFIG);
    await client.setVcpus('t1', 1);
    expect((await client.getDomain('t1')).vcpus).toBe(1);
    await client.setVcpus('t1', 2);
    expect((await client.getDomain('t1')).vcpus).toBe(2);
    expect((await rejection(client.setVcpus('t1', 3))).xendMessage).toMatch(/Invalid VCPU count 3/);
  });

  it('renames a domain; the old name is gone and a taken name is refused', async () => {
    await client.create(CONFIG);
    await client.rename('t1', 'renamed');
    expect((await client.getDomain('renamed')).domid).toBe(1);
    expect((await rejection(client.getDomain('t1'))).code).toBe('NO_DOMAIN');
    expect((await rejection(client.rename('renamed', 'Domain-0'))).xendMessage).toMatch(/already exists/);
  });

  it('sends sysrq keys', async () => {
    await client.create(CONFIG);
    await client.sysrq('t1', 's');
    await client.sysrq(1, 'b');
    expect(setup.fake.state.lookup('t1')?.sysrqKeys).toEqual(['s', 'b']);
  });

  it('reads and clears dmesg, and reads the xend log', async () => {
    expect(await client.dmesg()).toContain('(XEN) Xen version 3.0.2');
    await client.clearDmesg();
    expect(await client.dmesg()).toBe('');
    await client.create(CONFIG);
    expect(await client.log()).toMatch(/INFO \(XendDomain\) Created domain t1 \(id 1\)/);
  });

  it('escapes names and values: a name with a space and a file name with & and =', async () => {
    await client.create(CONFIG.replace('(name t1)', "(name 'my vm')"));
    expect((await client.getDomain('my vm')).name).toBe('my vm');
    const file = join(setup.dir, 'a&b=c d.save');
    await client.save('my vm', file);
    expect((await client.restore(file))?.name).toBe('my vm');
  });

  it('refuses bad arguments before sending anything', async () => {
    const before = setup.fake.state.requestCount;
    const attempts = [
      client.setMaxMemory('t1', -1),
      client.setMemoryTarget('t1', 1.5),
      client.setVcpus('t1', 0),
      client.sysrq('t1', 'ab'),
      client.getDomain(''),
      client.getDomain(-3),
      client.save('t1', ''),
      client.create('(vm (memory 128))'),
      client.create('(vm (name x'),
      client.shutdown('t1', 'nap' as 'halt'),
    ];
    for (const attempt of attempts) expect((await rejection(attempt)).code).toBe('INVALID_ARG');
    expect(setup.fake.state.requestCount).toBe(before);
  });
});
