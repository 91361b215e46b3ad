import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type Connection,
  type DomainInfo,
  type DomainRef,
  DomainState,
  type DriverFactory,
  open,
  openReadOnly,
  registerDriver,
  registeredDrivers,
  unregisterDriver,
  VirtError,
} from '../src/index.js';
import { expectVirtError } from './helpers/expect-virt-error.js';
import { quietErrors } from './helpers/quiet-errors.js';
import { recordingDriver } from './helpers/recording-driver.js';

quietErrors();

const ref = (id: number, name: string): DomainRef => ({ id, name, uuid: new Uint8Array(16).fill(id + 2) });

/** The node behind refs:///: `a` and `b` exist; `gone` is listed but vanishes before its info is read. */
const NODE: Record<string, DomainRef> = { a: ref(1, 'a'), b: ref(-1, 'b'), gone: ref(4, 'gone') };
const INFO: DomainInfo = { state: DomainState.RUNNING, maxMem: 1024, memory: 1024, nrVirtCpu: 1, cpuTime: 0n };

let log: string[];
/** Lookups of `slow` wait for this to be called. */
let releaseSlow: () => void;

/**
 * refs:/// opens one recording driver, so the tests see exactly when a connection's drivers are closed.
 */
const refsFactory: DriverFactory = {
  name: 'Refs',
  priority: 150,
  version: 1,
  async open(request) {
    if (request.uri?.scheme !== 'refs') return undefined;
    return recordingDriver('Refs', log, {
      lookupByName: async (name: string) => {
        if (name === 'slow') await new Promise<void>((resolve) => (releaseSlow = resolve));
        return name === 'slow' ? ref(9, 'slow') : NODE[name];
      },
      listAllDomains: async () => Object.values(NODE),
      domainCreateXML: async (xml: string) => ref(5, xml),
      domainDefineXML: async (xml: string) => ref(-1, xml),
      domainGetInfo: async (dom: DomainRef) => {
        if (dom.name === 'gone') throw new VirtError({ code: 'NO_DOMAIN', domain: 'PROXY' });
        return INFO;
      },
    });
  },
};

let saved: DriverFactory[] = [];
beforeAll(async () => {
  await (await open('test:///default')).close(); // registers the built-in drivers
  saved = registeredDrivers();
  registerDriver(refsFactory);
});
afterAll(() => {
  for (const factory of registeredDrivers()) unregisterDriver(factory.name);
  for (const factory of saved) registerDriver(factory);
});
beforeEach(() => {
  log = [];
});

const closes = () => log.filter((entry) => entry === 'Refs.close').length;

describe('connection and domain reference counts (virConnectClose, virDomainFree)', () => {
  it('counts one reference per handle, whether it came from a lookup, a listing, create or define', async () => {
    const conn = await open('refs:///');
    const a = await conn.lookupDomainByName('a');
    expect(await conn.lookupDomainByName('a')).toBe(a);
    const listed = await conn.listAllDomains();
    expect(listed[0]).toBe(a);
    const b = listed[1];
    const c = await conn.createXML('c');
    const d = await conn.defineXML('d');
    // the handles a, b, gone, c and d each hold the connection
    expect(await conn.close()).toBe(5);
    expect(closes()).toBe(0);
    // a was handed out three times: it takes three frees
    for (let i = 0; i < 3; i++) await a.free();
    for (const dom of [b, listed[2], c]) await dom?.free();
    expect(closes()).toBe(0);
    await d.free();
    expect(closes()).toBe(1);
    expect(log.at(-1)).toBe('Refs.close');
  });

  it('closes the drivers at once when no handle is out, and resolves 0', async () => {
    const conn = await open('refs:///');
    expect(await conn.close()).toBe(0);
    expect(closes()).toBe(1);
    expect(conn.isClosed).toBe(true);
  });

  it('takes a fully freed handle out of the table: the next lookup makes a new one', async () => {
    const conn = await open('refs:///');
    const first = await conn.lookupDomainByName('a');
    await first.free();
    expect(closes()).toBe(0); // the user's reference is still there
    const second = await conn.lookupDomainByName('a');
    expect(second).not.toBe(first);
    expect(second.getName()).toBe('a');
    expect(await conn.close()).toBe(1);
    await second.free();
    expect(closes()).toBe(1);
  });

  it("keeps a handle working after its connection's close, while connection calls fail", async () => {
    const conn = await open('refs:///');
    const a = await conn.lookupDomainByName('a');
    expect(await conn.close()).toBe(1);
    expect(await a.getInfo()).toEqual(INFO);
    expect(a.getName()).toBe('a');
    expect(a.connection).toBe(conn);
    await expectVirtError(conn.lookupDomainByName('a'), 'INVALID_CONN', 'invalid connection pointer in virDomainLookupByName');
    await expectVirtError(conn.listAllDomains(), 'INVALID_CONN', 'invalid connection pointer in virConnectListAllDomains');
    await expectVirtError(conn.createXML('c'), 'INVALID_CONN', 'invalid connection pointer in virDomainCreateXML');
    await expectVirtError(conn.getType(), 'INVALID_CONN', 'invalid connection pointer in virConnectGetType');
    await expectVirtError(conn.getURI(), 'INVALID_CONN', 'invalid connection pointer in virConnectGetURI');
    await expectVirtError(conn.close(), 'INVALID_CONN', 'invalid connection pointer in virConnectClose');
    expect(closes()).toBe(0);
    await a.free();
    expect(closes()).toBe(1);
  });

  it('refuses a freed handle with INVALID_DOMAIN, reported on its connection, without asking the drivers', async () => {
    const conn = await open('refs:///');
    const seen: VirtError[] = [];
    conn.setErrorHandler((error) => seen.push(error));
    const a = await conn.lookupDomainByName('a');
    await a.free();
    expect(a.isFreed).toBe(true);
    const error = await expectVirtError(a.getInfo(), 'INVALID_DOMAIN', 'invalid domain pointer in virDomainGetInfo', 'DOM');
    expect(error.dom).toBe(a);
    expect(error.conn).toBe(conn);
    await expectVirtError(a.suspend(), 'INVALID_DOMAIN', 'invalid domain pointer in virDomainSuspend');
    await expectVirtError(a.free(), 'INVALID_DOMAIN', 'invalid domain pointer in virDomainFree');
    expect(() => a.getName()).toThrow('invalid domain pointer in virDomainGetName');
    expect(() => a.getUUIDString()).toThrow('invalid domain pointer in virDomainGetUUIDString');
    expect(seen.map((e) => e.code)).toEqual(['INVALID_DOMAIN', 'INVALID_DOMAIN', 'INVALID_DOMAIN', 'INVALID_DOMAIN', 'INVALID_DOMAIN']);
    expect(conn.getLastError()?.message).toBe('invalid domain pointer in virDomainGetUUIDString');
    expect(log).toEqual(['Refs.lookupByName']);
    expect(await conn.close()).toBe(0);
  });

  it('gives no handle (so no reference) to a domain that vanished before its info was read', async () => {
    const conn = await open('refs:///');
    const rows = await conn.listAllDomainsWithInfo();
    expect(rows.map((row) => row.domain.getName())).toEqual(['a', 'b']);
    expect(await conn.close()).toBe(2);
    for (const row of rows) await row.domain.free();
    expect(closes()).toBe(1);
  });

  it('counts 100 concurrent lookups on one handle; the 100th free closes', async () => {
    const conn = await openReadOnly('refs:///');
    const handles = await Promise.all(Array.from({ length: 100 }, () => conn.lookupDomainByName('a')));
    expect(new Set(handles).size).toBe(1);
    expect(await conn.close()).toBe(1);
    const [a] = handles;
    await Promise.all(handles.slice(1).map((dom) => dom.free()));
    expect(closes()).toBe(0);
    await a?.free();
    expect(closes()).toBe(1);
  });

  it('does not revive a connection whose last reference went while a lookup was under way', async () => {
    const conn = await open('refs:///');
    const lookup = conn.lookupDomainByName('slow');
    await expect.poll(() => log).toContain('Refs.lookupByName');
    expect(await conn.close()).toBe(0);
    releaseSlow();
    await expectVirtError(lookup, 'INVALID_CONN', 'invalid connection pointer in virGetDomain');
    expect(closes()).toBe(1);
  });
});

describe('reference counts on the test driver', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'virt-refs-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('restore() hands out no handle: a live one takes the new id', async () => {
    const conn: Connection = await open('test:///default');
    const test = await conn.lookupDomainByName('test');
    const file = join(dir, 'test.save');
    await test.save(file);
    expect(test.getID()).toBe(-1);
    await conn.restore(file);
    expect(test.getID()).toBe(2);
    expect(await conn.close()).toBe(1);
    await test.free();
  });

  it('frees on a read-only connection too, and the next open starts fresh', async () => {
    const rw = await open('test:///default');
    const ro = await openReadOnly('test:///default');
    const onRw = await rw.lookupDomainByName('test');
    await onRw.destroy();
    const onRo = await ro.lookupDomainByName('test');
    expect(await onRo.isActive()).toBe(false);
    expect(await rw.close()).toBe(1);
    expect(await ro.close()).toBe(1);
    await onRw.free();
    // ro's handle still holds the shared node
    const again = await open('test:///default');
    expect(await again.listDomainIDs()).toEqual([]);
    expect(await again.close()).toBe(0);
    await onRo.free();
    const fresh = await open('test:///default');
    expect(await fresh.listDomainIDs()).toEqual([1]);
    expect(await fresh.close()).toBe(0);
  });
});
