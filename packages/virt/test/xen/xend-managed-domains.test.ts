import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/connection.js';
import { ConnectListAllDomainsFlags, DomainState, open, openReadOnly, setErrorFunc, VirtError } from '../../src/index.js';
import { startXenStack, type XenStack } from './helpers/xen-stack.js';

/** Xen 3.1.0: xend config format 4, which keeps managed (defined, inactive) domains. */
const XEN_3_1 = { node: { xen_minor: 1, xen_extra: '.0' } };
const UUID = '7c0a2b5e-1d3f-4e6a-9b8c-2d4e6f8a0b1c';

const xmlOf = (name: string, uuid = UUID) => `<domain type='xen'>
  <name>${name}</name>
  <uuid>${uuid}</uuid>
  <memory>262144</memory>
  <vcpu>2</vcpu>
  <os>
    <type>linux</type>
    <kernel>/boot/vmlinuz-xen</kernel>
    <cmdline>root=/dev/xvda1 ro</cmdline>
  </os>
  <devices>
    <disk type='file'>
      <source file='/var/lib/xen/images/${name}.img'/>
      <target dev='xvda'/>
    </disk>
  </devices>
</domain>`;

function virtError(code: string, domain?: string) {
  return (error: unknown) => VirtError.isInstance(error) && error.code === code && (domain === undefined || error.domain === domain);
}

let stack: XenStack | undefined;
const connections: Connection[] = [];

/** A Xen stack whose xend is `seed`'s, and a read-write xen:/// connection to it. */
async function openStack(seed: object): Promise<Connection> {
  stack = await startXenStack(seed);
  const conn = await open('xen:///', stack.options());
  connections.push(conn);
  return conn;
}

beforeAll(() => {
  // every failure also reaches the error handler; keep the test output quiet
  setErrorFunc(() => {});
});
afterAll(() => setErrorFunc(null));

afterEach(async () => {
  for (const conn of connections.splice(0)) await conn.close();
  await stack?.close();
  stack = undefined;
});

describe('managed domains through xend 3.0.4+ (define, start, undefine)', () => {
  it('define -> listed as defined -> create -> running with an id -> destroy -> defined again -> undefine -> gone', async () => {
    const conn = await openStack(XEN_3_1);
    const dom = await conn.defineXML(xmlOf('managed'));
    expect(dom.name()).toBe('managed');
    expect(dom.ID()).toBe(-1);
    expect(dom.UUIDString()).toBe(UUID);
    expect(await conn.listDefinedDomains()).toEqual(['managed']);
    expect(await conn.numOfDefinedDomains()).toBe(1);
    expect(await conn.listDomains()).toEqual([0]);
    expect((await dom.info()).state).toBe(DomainState.SHUTOFF);
    expect(await dom.isActive()).toBe(false);
    expect(await dom.isPersistent()).toBe(true);
    // the definition as xend keeps it, without an id
    const xml = await dom.XMLDesc();
    expect(xml).toMatch(/^<domain type='xen'>/);
    expect(xml).toContain('/var/lib/xen/images/managed.img');
    expect(await conn.lookupByName('managed')).toBe(dom);
    expect(await conn.lookupByUUIDString(UUID)).toBe(dom);

    await dom.create();
    expect(dom.ID()).toBe(1);
    expect((await dom.info()).state).toBe(DomainState.RUNNING);
    expect(await conn.listDomains()).toEqual([0, 1]);
    expect(await conn.listDefinedDomains()).toEqual([]);
    expect(await conn.lookupByID(1)).toBe(dom);
    expect(stack!.xend.state.xendLog).toContain('Started domain managed (id 1)');

    await dom.destroy();
    expect(dom.ID()).toBe(-1);
    expect(await conn.listDomains()).toEqual([0]);
    expect(await conn.listDefinedDomains()).toEqual(['managed']);
    expect((await dom.info()).state).toBe(DomainState.SHUTOFF);

    await dom.undefine();
    expect(await conn.listDefinedDomains()).toEqual([]);
    expect(await conn.numOfDefinedDomains()).toBe(0);
    await expect(conn.lookupByName('managed')).rejects.toSatisfy(virtError('NO_DOMAIN'));
  });

  it('a shut down managed domain is defined again, and starts with the next id', async () => {
    const conn = await openStack(XEN_3_1);
    const dom = await conn.defineXML(xmlOf('managed'));
    await dom.create();
    await dom.shutdown();
    stack!.advance(1_000);
    expect(await conn.listDefinedDomains()).toEqual(['managed']);
    await dom.create();
    expect(dom.ID()).toBe(2);
  });

  it('defining a running domain keeps it running and makes it persistent: defined again once destroyed', async () => {
    const conn = await openStack(XEN_3_1);
    const running = await conn.createXML(xmlOf('managed'), 0);
    expect(running.ID()).toBe(1);
    expect(await conn.defineXML(xmlOf('managed'))).toBe(running);
    expect(running.ID()).toBe(1);
    expect(await conn.listDefinedDomains()).toEqual([]);
    await running.destroy();
    expect(await conn.listDefinedDomains()).toEqual(['managed']);
  });

  it('lists defined domains among all domains, with their info, and finds them by UUID', async () => {
    const conn = await openStack({ ...XEN_3_1, domains: [{ name: 'idle', state: 'halted', memory: 64 }, { name: 'web', id: 4 }] });
    await conn.defineXML(xmlOf('managed'));
    const all = await conn.listAllDomains();
    expect(all.map((d) => [d.name(), d.ID()])).toEqual([
      ['Domain-0', 0],
      ['web', 4],
      ['idle', -1],
      ['managed', -1],
    ]);
    const rows = await conn.listAllDomainsWithInfo();
    expect(rows.map((r) => [r.domain.name(), r.info.state])).toEqual([
      ['Domain-0', DomainState.RUNNING],
      ['web', DomainState.RUNNING],
      ['idle', DomainState.SHUTOFF],
      ['managed', DomainState.SHUTOFF],
    ]);
    expect((await conn.listAllDomains(ConnectListAllDomainsFlags.INACTIVE)).map((d) => d.name())).toEqual(['idle', 'managed']);
    expect((await conn.lookupByUUIDString(UUID)).name()).toBe('managed');
  });

  it('errors carry the code and layer: undefine or start a running domain, a taken name, bad XML', async () => {
    const conn = await openStack(XEN_3_1);
    const dom = await conn.defineXML(xmlOf('managed'));
    await dom.create();
    // xend refuses to forget a running domain, and to start it twice
    await expect(dom.undefine()).rejects.toSatisfy(virtError('POST_FAILED', 'XEND'));
    await expect(dom.create()).rejects.toSatisfy(virtError('POST_FAILED', 'XEND'));
    expect(await conn.listDomains()).toEqual([0, 1]);
    // the same name under another uuid
    await expect(conn.defineXML(xmlOf('managed', '11111111-2222-3333-4444-555555555555'))).rejects.toSatisfy(
      virtError('POST_FAILED', 'XEND'),
    );
    await expect(conn.defineXML('<domain type="xen"><memory>1</memory></domain>')).rejects.toSatisfy(virtError('NO_NAME', 'XML'));
    await expect(conn.defineXML('<domain')).rejects.toSatisfy((error: unknown) => VirtError.isInstance(error) && error.domain === 'XML');
  });

  it('read-only connections are refused before xend sees anything', async () => {
    const conn = await openStack(XEN_3_1);
    const dom = await conn.defineXML(xmlOf('managed'));
    const ro = await openReadOnly('xen:///', stack!.options());
    connections.push(ro);
    const before = stack!.xend.state.requestCounts.get('POST /xend/domain/managed') ?? 0;
    const roDom = await ro.lookupByName('managed');
    await expect(ro.defineXML(xmlOf('other'))).rejects.toSatisfy(virtError('OPERATION_DENIED'));
    await expect(roDom.create()).rejects.toSatisfy(virtError('OPERATION_DENIED'));
    await expect(roDom.undefine()).rejects.toSatisfy(virtError('OPERATION_DENIED'));
    expect(stack!.xend.state.requestCounts.get('POST /xend/domain/managed') ?? 0).toBe(before);
    expect(await ro.listDefinedDomains()).toEqual(['managed']);
    expect(dom.ID()).toBe(-1);
  });
});

describe('xend before 3.0.4 keeps no managed domains', () => {
  for (const [version, seed] of [
    ['3.0.2', {}],
    ['3.0.3', { node: { xen_extra: '.3' } }],
  ] as const) {
    it(`Xen ${version}: defineXML, create and undefine are NO_SUPPORT; nothing is listed as defined`, async () => {
      const conn = await openStack(seed);
      await expect(conn.defineXML(xmlOf('managed'))).rejects.toSatisfy(virtError('NO_SUPPORT', 'XEND'));
      const dom0 = await conn.lookupByID(0);
      await expect(dom0.create()).rejects.toSatisfy(virtError('NO_SUPPORT'));
      await expect(dom0.undefine()).rejects.toSatisfy(virtError('NO_SUPPORT'));
      expect(await conn.listDefinedDomains()).toEqual([]);
      expect(await conn.numOfDefinedDomains()).toBe(0);
      // libvirt asked nothing of such a xend: no op=new, op=start or op=delete went out
      expect(stack!.xend.state.requestCounts.get('POST /xend/domain/')).toBeUndefined();
      expect(stack!.xend.state.requestCounts.get('POST /xend/domain/Domain-0')).toBeUndefined();
    });
  }
});
