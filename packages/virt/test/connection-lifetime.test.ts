import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Connection, Domain, type DomainInfo, DomainState, open, openReadOnly } from '../src/index.js';
import { type DomainRef, type DriverFactory, registerDriver, unregisterDriver, VirtError } from '../src/driver-author.js';
import { expectVirtError } from './helpers/expect-virt-error.js';
import { quietErrors } from './helpers/quiet-errors.js';
import { recordingDriver } from './helpers/recording-driver.js';

quietErrors();

const ref = (id: number, name: string): DomainRef => ({ id, name, uuid: new Uint8Array(16).fill(id + 2) });

/** The node behind life:///: `a` and `b` exist; `gone` is listed but vanishes before its info is read. */
const NODE: Record<string, DomainRef> = { a: ref(1, 'a'), b: ref(-1, 'b'), gone: ref(4, 'gone') };
const INFO: DomainInfo = { state: DomainState.RUNNING, maxMem: 1024, memory: 1024, nrVirtCpu: 1, cpuTime: 0n };

let log: string[];
/** Lookups of `slow` wait for this to be called. */
let releaseSlow: () => void;

/** life:/// opens one recording driver, so the tests see exactly when a connection's drivers are closed. */
const lifeFactory: DriverFactory = {
  name: 'Life',
  priority: 150,
  version: 1,
  async open(request) {
    if (request.uri?.scheme !== 'life') return undefined;
    return recordingDriver('Life', log, {
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

beforeAll(() => registerDriver(lifeFactory));
afterAll(() => unregisterDriver('Life'));
beforeEach(() => {
  log = [];
});

const closes = () => log.filter((entry) => entry === 'Life.close').length;

describe('connection lifetime (virConnectClose) and domain handles', () => {
  it('hands out one handle per domain, whether from a lookup, a listing, create or define', async () => {
    const conn = await open('life:///');
    const a = await conn.lookupByName('a');
    expect(await conn.lookupByName('a')).toBe(a);
    const listed = await conn.listAllDomains();
    expect(listed[0]).toBe(a);
    expect(listed.map((d) => d.name())).toEqual(['a', 'b', 'gone']);
    const c = await conn.createXML('c');
    expect(c.ID()).toBe(5);
    // defining the same name gives the same handle, told its new id
    expect(await conn.defineXML('c')).toBe(c);
    expect(c.ID()).toBe(-1);
    expect(a.connect()).toBe(conn);
    await conn.close();
  });

  it('closes the drivers at once, whatever handles are still held', async () => {
    const conn = await open('life:///');
    const held = [await conn.lookupByName('a'), ...(await conn.listAllDomains()), await conn.createXML('c')];
    expect(held).toHaveLength(5);
    await conn.close();
    expect(closes()).toBe(1);
  });

  it('fails a handle used after close with INVALID_CONN, reported on its connection, without asking the drivers', async () => {
    const conn = await open('life:///');
    const seen: VirtError[] = [];
    conn.setErrorFunc((error) => seen.push(error));
    const a = await conn.lookupByName('a');
    await conn.close();
    const error = await expectVirtError(a.info(), 'INVALID_CONN', 'invalid connection pointer in virDomainGetInfo');
    expect(error.dom).toBe(a);
    expect(error.conn).toBe(conn);
    await expectVirtError(a.suspend(), 'INVALID_CONN', 'invalid connection pointer in virDomainSuspend');
    expect(() => a.name()).toThrow('invalid connection pointer in virDomainGetName');
    expect(() => a.UUIDString()).toThrow('invalid connection pointer in virDomainGetUUIDString');
    expect(seen.map((e) => e.code)).toEqual(['INVALID_CONN', 'INVALID_CONN', 'INVALID_CONN', 'INVALID_CONN']);
    expect(conn.getLastError()?.message).toBe('invalid connection pointer in virDomainGetUUIDString');
    await expectVirtError(conn.lookupByName('a'), 'INVALID_CONN', 'invalid connection pointer in virDomainLookupByName');
    await expectVirtError(conn.listAllDomains(), 'INVALID_CONN', 'invalid connection pointer in virConnectListAllDomains');
    await expectVirtError(conn.createXML('c'), 'INVALID_CONN', 'invalid connection pointer in virDomainCreateXML');
    await expectVirtError(conn.getType(), 'INVALID_CONN', 'invalid connection pointer in virConnectGetType');
    await expectVirtError(conn.getURI(), 'INVALID_CONN', 'invalid connection pointer in virConnectGetURI');
    await expectVirtError(conn.close(), 'INVALID_CONN', 'invalid connection pointer in virConnectClose');
    expect(log).toEqual(['Life.lookupByName', 'Life.close']);
  });

  it('keeps free() harmless: the handle goes on working and stays the one lookups return', async () => {
    const conn = await open('life:///');
    const a = await conn.lookupByName('a');
    await a.free();
    await a.free();
    expect(await a.info()).toEqual(INFO);
    expect(await conn.lookupByName('a')).toBe(a);
    expect(closes()).toBe(0);
    await conn.close();
    await a.free(); // still harmless after close
  });

  it('closes on leaving an `await using` scope, and disposing after close() does nothing', async () => {
    {
      await using conn = await open('life:///');
      expect(await conn.getType()).toBe('Life');
    }
    expect(closes()).toBe(1);
    const conn = await open('life:///');
    await conn.close();
    await conn[Symbol.asyncDispose]();
    expect(closes()).toBe(2);
  });

  it('gives no handle to a domain that vanished before its info was read', async () => {
    await using conn = await open('life:///');
    const rows = await conn.listAllDomainsWithInfo();
    expect(rows.map((row) => row.domain.name())).toEqual(['a', 'b']);
  });

  it('gives one handle to 100 concurrent lookups', async () => {
    await using conn = await openReadOnly('life:///');
    const handles = await Promise.all(Array.from({ length: 100 }, () => conn.lookupByName('a')));
    expect(new Set(handles).size).toBe(1);
  });

  it('gives no handle to a lookup that was under way when the connection closed', async () => {
    const conn = await open('life:///');
    const lookup = conn.lookupByName('slow');
    await expect.poll(() => log).toContain('Life.lookupByName');
    await conn.close();
    releaseSlow();
    await expectVirtError(lookup, 'INVALID_CONN', 'invalid connection pointer in virGetDomain');
    expect(closes()).toBe(1);
  });

  it('has no public constructors', async () => {
    await using conn = await open('life:///');
    const a = await conn.lookupByName('a');
    const Conn = conn.constructor as new (...args: unknown[]) => Connection;
    expect(() => new Conn()).toThrow(TypeError);
    expect(() => new (Domain as unknown as new (...args: unknown[]) => Domain)(a, {})).toThrow('Domain has no public constructor');
  });
});

describe('lifetime on the test driver', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'virt-life-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('restore() tells a held handle the new id', async () => {
    await using conn = await open('test:///default');
    const test = await conn.lookupByName('test');
    const file = join(dir, 'test.save');
    await test.save(file);
    expect(test.ID()).toBe(-1);
    await conn.restore(file);
    expect(test.ID()).toBe(2);
  });

  it('starts test:///default afresh once every connection closed, even with handles held', async () => {
    const rw = await open('test:///default');
    const ro = await openReadOnly('test:///default');
    const onRw = await rw.lookupByName('test');
    await onRw.destroy();
    const onRo = await ro.lookupByName('test');
    expect(await onRo.isActive()).toBe(false);
    await rw.close();
    // ro is still open: the node is still the shared one
    const again = await open('test:///default');
    expect(await again.listDomains()).toEqual([]);
    await again.close();
    await ro.close();
    const fresh = await open('test:///default');
    expect(await fresh.listDomains()).toEqual([1]);
    await fresh.close();
    await expectVirtError(onRo.isActive(), 'INVALID_CONN', 'invalid connection pointer in virDomainIsActive');
  });
});
