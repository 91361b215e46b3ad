import { describe, expect, it } from 'vitest';
import { ConnectListAllDomainsFlags, DomainState, open, openReadOnly } from '../../src/index.js';
import { engineOf } from '../../src/connection.js';
import { expectVirtError } from '../helpers/expect-virt-error.js';
import { fixturePath } from '../helpers/fixtures.js';
import { quietErrors } from '../helpers/quiet-errors.js';

quietErrors();

describe('test:///default state', () => {
  it('is shared by connections open at the same time, and fresh after all have closed', async () => {
    const a = await open('test:///default');
    const b = await open('test:///default');
    const onA = await a.lookupByName('test');
    await onA.suspend();
    await onA.free();
    const onB = await b.lookupByName('test');
    expect((await onB.info()).state).toBe(DomainState.PAUSED);
    await a.close();
    expect((await onB.info()).state).toBe(DomainState.PAUSED);
    await onB.free();
    await b.close();
    const c = await open('test:///default');
    const onC = await c.lookupByName('test');
    expect((await onC.info()).state).toBe(DomainState.RUNNING);
    await onC.free();
    await c.close();
  });

  it("is fresh after close even while a closed connection's handle is held (close closes)", async () => {
    const a = await open('test:///default');
    const held = await a.lookupByName('test');
    await held.suspend();
    await a.close();
    const b = await open('test:///default');
    expect((await (await b.lookupByName('test')).info()).state).toBe(DomainState.RUNNING);
    await b[Symbol.asyncDispose]();
    await expectVirtError(held.info(), 'INVALID_CONN', 'invalid connection pointer in virDomainGetInfo');
  });

  it('gives node-file connections their own state', async () => {
    const uri = `test://${fixturePath('peer-virsh/node1.xml')}`;
    const a = await open(uri);
    const b = await open(uri);
    await (await a.lookupByName('fv0')).destroy();
    expect(await a.listDomains()).toEqual([2, 3]);
    expect(await b.listDomains()).toEqual([1, 2, 3]);
    await Promise.all([a[Symbol.asyncDispose](), b[Symbol.asyncDispose]()]);
  });

  it('returns one handle per domain per connection', async () => {
    const conn = await open('test:///default');
    const byName = await conn.lookupByName('test');
    expect(await conn.lookupByID(1)).toBe(byName);
    expect(await conn.lookupByUUIDString('6695eb01-f6a4-8304-79aa-97f2502e193f')).toBe(byName);
    expect(await conn.lookupByUUIDString('6695eb01f6a4830479aa97f2502e193f')).toBe(byName);
    expect(await conn.lookupByUUID(byName.UUID())).toBe(byName);
    expect(await conn.listAllDomains()).toEqual([byName]);
    const other = await open('test:///default');
    expect(await other.lookupByName('test')).not.toBe(byName);
    await Promise.all([conn[Symbol.asyncDispose](), other[Symbol.asyncDispose]()]);
  });

  it('reports absent domains and bad keys with libvirt 9 text', async () => {
    const conn = await open('test:///default');
    // libvirt 9's test driver words every miss the same (seen with LIBVIRT_DEBUG=1 virsh).
    await expectVirtError(conn.lookupByName('nosuch'), 'NO_DOMAIN', 'Domain not found', 'TEST');
    await expectVirtError(conn.lookupByID(7), 'NO_DOMAIN', 'Domain not found');
    await expectVirtError(conn.lookupByUUIDString('11111111-2222-3333-4444-555555555555'), 'NO_DOMAIN', 'Domain not found');
    await expectVirtError(conn.lookupByID(-1), 'INVALID_ARG', 'id in virDomainLookupByID must be greater than or equal to 0');
    await expectVirtError(
      conn.lookupByUUIDString('not-a-uuid'),
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
    expect(await conn.getURI()).toBe('test:///default');
    expect(engineOf(conn).readOnly).toBe(false);
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
    const test = await conn.lookupByName('test');
    expect(await test.OSType()).toBe('linux');
    expect(await test.autostart()).toBe(false);
    expect(await test.hasManagedSaveImage()).toBe(false);
    expect(await test.messages()).toEqual([]);
    expect(await test.securityLabel()).toEqual({ label: 'libvirt-test', enforcing: true });
    const before = BigInt(Date.now()) * 1_000_000n;
    expect((await test.info()).cpuTime >= before).toBe(true);
    await test.destroy();
    expect(await test.securityLabel()).toEqual({ label: '', enforcing: false });
    await conn.close();
    await expectVirtError(conn.listDomains(), 'INVALID_CONN', 'invalid connection pointer in virConnectListDomains');
    await test.free();
  });

  it('refuses writes on a read-only connection, as virsh -r shows', async () => {
    const conn = await openReadOnly('test:///default');
    expect(engineOf(conn).readOnly).toBe(true);
    const test = await conn.lookupByName('test');
    expect((await test.info()).state).toBe(DomainState.RUNNING);
    await expectVirtError(test.destroy(), 'OPERATION_DENIED', 'operation forbidden: read only access prevents virDomainDestroy');
    await expectVirtError(test.setMemory(1024), 'OPERATION_DENIED', 'operation forbidden: read only access prevents virDomainSetMemory');
    await expectVirtError(conn.defineXML('<domain/>'), 'OPERATION_DENIED', 'operation forbidden: read only access prevents virDomainDefineXML');
    await conn[Symbol.asyncDispose]();
  });

  it('lists all domains active first by id, then inactive by name, with their info', async () => {
    const conn = await open('test:///default');
    await conn.defineXML("<domain type='test'><name>b</name><memory>1024</memory><os><type>hvm</type></os></domain>");
    await conn.defineXML("<domain type='test'><name>a</name><memory>2048</memory><os><type>hvm</type></os></domain>");
    expect((await conn.listAllDomains()).map((d) => d.name())).toEqual(['test', 'a', 'b']);
    expect((await conn.listAllDomains(ConnectListAllDomainsFlags.ACTIVE)).map((d) => d.name())).toEqual(['test']);
    expect((await conn.listAllDomains(ConnectListAllDomainsFlags.INACTIVE)).map((d) => d.name())).toEqual(['a', 'b']);
    const rows = await conn.listAllDomainsWithInfo();
    expect(rows.map((r) => [r.domain.name(), r.info.state, r.info.maxMem])).toEqual([
      ['test', DomainState.RUNNING, 8388608],
      ['a', DomainState.SHUTOFF, 2048],
      ['b', DomainState.SHUTOFF, 1024],
    ]);
    await conn[Symbol.asyncDispose]();
  });
});
