import { describe, expect, it } from 'vitest';
import { DomainState, open, openReadOnly } from '../../src/index.js';
import { expectVirtError } from '../helpers/expect-virt-error.js';
import { fixturePath } from '../helpers/fixtures.js';
import { quietErrors } from '../helpers/quiet-errors.js';
import { closeTracked, trackDomains } from '../helpers/tracked-domains.js';

quietErrors();

describe('test:///default state', () => {
  it('is shared by connections open at the same time, and fresh after all have closed', async () => {
    const a = await open('test:///default');
    const b = await open('test:///default');
    const onA = await a.lookupDomainByName('test');
    await onA.suspend();
    await onA.free();
    const onB = await b.lookupDomainByName('test');
    expect((await onB.getInfo()).state).toBe(DomainState.PAUSED);
    expect(await a.close()).toBe(0);
    expect((await onB.getInfo()).state).toBe(DomainState.PAUSED);
    await onB.free();
    expect(await b.close()).toBe(0);
    const c = await open('test:///default');
    const onC = await c.lookupDomainByName('test');
    expect((await onC.getInfo()).state).toBe(DomainState.RUNNING);
    await onC.free();
    expect(await c.close()).toBe(0);
  });

  it('stays shared while a handle of a closed connection lives, as libvirt 9 keeps it', async () => {
    const a = await open('test:///default');
    const held = await a.lookupDomainByName('test');
    await held.suspend();
    expect(await a.close()).toBe(1);
    // a's handle keeps a's test driver open, so the node is still the shared one
    const b = trackDomains(await open('test:///default'));
    expect((await (await b.lookupDomainByName('test')).getInfo()).state).toBe(DomainState.PAUSED);
    await closeTracked(b);
    expect((await held.getInfo()).state).toBe(DomainState.PAUSED);
    await held.free();
    const c = trackDomains(await open('test:///default'));
    expect((await (await c.lookupDomainByName('test')).getInfo()).state).toBe(DomainState.RUNNING);
    await closeTracked(c);
  });

  it('gives node-file connections their own state', async () => {
    const uri = `test://${fixturePath('peer-virsh/node1.xml')}`;
    const a = trackDomains(await open(uri));
    const b = trackDomains(await open(uri));
    await (await a.lookupDomainByName('fv0')).destroy();
    expect(await a.listDomainIDs()).toEqual([2, 3]);
    expect(await b.listDomainIDs()).toEqual([1, 2, 3]);
    await Promise.all([closeTracked(a), closeTracked(b)]);
  });

  it('returns one handle per domain per connection', async () => {
    const conn = trackDomains(await open('test:///default'));
    const byName = await conn.lookupDomainByName('test');
    expect(await conn.lookupDomainById(1)).toBe(byName);
    expect(await conn.lookupDomainByUUIDString('6695eb01-f6a4-8304-79aa-97f2502e193f')).toBe(byName);
    expect(await conn.lookupDomainByUUIDString('6695eb01f6a4830479aa97f2502e193f')).toBe(byName);
    expect(await conn.lookupDomainByUUID(byName.getUUID())).toBe(byName);
    expect(await conn.listAllDomains()).toEqual([byName]);
    const other = trackDomains(await open('test:///default'));
    expect(await other.lookupDomainByName('test')).not.toBe(byName);
    await Promise.all([closeTracked(conn), closeTracked(other)]);
  });

  it('reports absent domains and bad keys with libvirt 9 text', async () => {
    const conn = await open('test:///default');
    // libvirt 9's test driver words every miss the same (seen with LIBVIRT_DEBUG=1 virsh).
    await expectVirtError(conn.lookupDomainByName('nosuch'), 'NO_DOMAIN', 'Domain not found', 'TEST');
    await expectVirtError(conn.lookupDomainById(7), 'NO_DOMAIN', 'Domain not found');
    await expectVirtError(conn.lookupDomainByUUIDString('11111111-2222-3333-4444-555555555555'), 'NO_DOMAIN', 'Domain not found');
    await expectVirtError(conn.lookupDomainById(-1), 'INVALID_ARG', 'id in virDomainLookupByID must be greater than or equal to 0');
    await expectVirtError(
      conn.lookupDomainByUUIDString('not-a-uuid'),
      'INVALID_ARG',
      'invalid argument: uuidstr in virDomainLookupByUUIDString must be a valid UUID',
    );
    await conn.close();
  });

  it('answers the connection and node queries as libvirt 9', async () => {
    const conn = await open('test:///default');
    expect(await conn.getType()).toBe('TEST');
    expect(await conn.getVersion()).toBe(2);
    expect(await conn.getLibVersion()).toBe(9_000_000);
    expect(await conn.getURI()).toBe('test:///default');
    expect(conn.uri).toBe('test:///default');
    expect(conn.readOnly).toBe(false);
    expect(typeof (await conn.getHostname())).toBe('string');
    expect(await conn.nodeGetInfo()).toEqual({
      model: 'i686',
      memory: 3145728,
      cpus: 16,
      mhz: 1400,
      nodes: 2,
      sockets: 2,
      cores: 2,
      threads: 2,
    });
    expect(await conn.nodeGetSecurityModel()).toEqual({ model: 'testSecurity', doi: '' });
    const test = await conn.lookupDomainByName('test');
    expect(await test.getOSType()).toBe('linux');
    expect(await test.getAutostart()).toBe(false);
    expect(await test.hasManagedSaveImage()).toBe(false);
    expect(await test.getMessages()).toEqual([]);
    expect(await test.getSecurityLabel()).toEqual({ label: 'libvirt-test', enforcing: true });
    const before = BigInt(Date.now()) * 1_000_000n;
    expect((await test.getInfo()).cpuTime >= before).toBe(true);
    await test.destroy();
    expect(await test.getSecurityLabel()).toEqual({ label: '', enforcing: false });
    expect(await conn.close()).toBe(1);
    await expectVirtError(conn.listDomainIDs(), 'INVALID_CONN', 'invalid connection pointer in virConnectListDomains');
    await test.free();
  });

  it('refuses writes on a read-only connection, as virsh -r shows', async () => {
    const conn = trackDomains(await openReadOnly('test:///default'));
    expect(conn.readOnly).toBe(true);
    const test = await conn.lookupDomainByName('test');
    expect((await test.getInfo()).state).toBe(DomainState.RUNNING);
    await expectVirtError(test.destroy(), 'OPERATION_DENIED', 'operation forbidden: read only access prevents virDomainDestroy');
    await expectVirtError(test.setMemory(1024), 'OPERATION_DENIED', 'operation forbidden: read only access prevents virDomainSetMemory');
    await expectVirtError(conn.defineXML('<domain/>'), 'OPERATION_DENIED', 'operation forbidden: read only access prevents virDomainDefineXML');
    await closeTracked(conn);
  });

  it('lists all domains active first by id, then inactive by name, with their info', async () => {
    const conn = trackDomains(await open('test:///default'));
    await conn.defineXML("<domain type='test'><name>b</name><memory>1024</memory><os><type>hvm</type></os></domain>");
    await conn.defineXML("<domain type='test'><name>a</name><memory>2048</memory><os><type>hvm</type></os></domain>");
    expect((await conn.listAllDomains()).map((d) => d.getName())).toEqual(['test', 'a', 'b']);
    expect((await conn.listAllDomains({ active: true })).map((d) => d.getName())).toEqual(['test']);
    expect((await conn.listAllDomains({ inactive: true })).map((d) => d.getName())).toEqual(['a', 'b']);
    const rows = await conn.listAllDomainsWithInfo();
    expect(rows.map((r) => [r.domain.getName(), r.info.state, r.info.maxMem])).toEqual([
      ['test', DomainState.RUNNING, 8388608],
      ['a', DomainState.SHUTOFF, 2048],
      ['b', DomainState.SHUTOFF, 1024],
    ]);
    await closeTracked(conn);
  });
});
