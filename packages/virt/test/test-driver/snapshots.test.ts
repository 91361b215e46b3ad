import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Connection,
  DomainSnapshotCreateFlags,
  DomainSnapshotDeleteFlags,
  DomainSnapshotListFlags,
  DomainState,
  open,
  openReadOnly,
  RunningReason,
  ShutoffReason,
} from '../../src/index.js';
import { expectVirtError } from '../helpers/expect-virt-error.js';
import { quietErrors } from '../helpers/quiet-errors.js';

quietErrors();

let conn: Connection;
beforeEach(async () => {
  conn = await open('test:///default');
});
afterEach(async () => {
  await conn.close().catch(() => undefined);
});

const snap = (name: string) => `<domainsnapshot><name>${name}</name></domainsnapshot>`;

describe('test driver snapshots (libvirt 9 semantics through the API)', () => {
  it('creates a chain under the current snapshot, and lists it by name and topologically', async () => {
    const dom = await conn.lookupByName('test');
    const s1 = await dom.snapshotCreateXML(snap('s1'));
    expect(s1.name()).toBe('s1');
    expect(s1.domain()).toBe(dom);
    await dom.snapshotCreateXML(snap('s2'));
    expect((await dom.snapshotCurrent()).name()).toBe('s2');
    expect((await (await dom.snapshotLookupByName('s2')).parent()).name()).toBe('s1');
    expect(await dom.snapshotNum()).toBe(2);
    expect(await dom.snapshotListNames(DomainSnapshotListFlags.ROOTS)).toEqual(['s1']);
    expect((await dom.listAllSnapshots(DomainSnapshotListFlags.TOPOLOGICAL)).map((s) => s.name())).toEqual(['s1', 's2']);
    expect(await s1.numChildren(DomainSnapshotListFlags.DESCENDANTS)).toBe(1);
    expect(await s1.isCurrent()).toBe(false);
    expect(await s1.hasMetadata()).toBe(true);
  });

  it('records the domain, its state and its disks in the snapshot XML', async () => {
    const dom = await conn.lookupByName('test');
    const xml = await (await dom.snapshotCreateXML(snap('s1'))).XMLDesc();
    const lines = xml.split('\n').slice(0, 9);
    expect(lines.map((line) => line.replace(/<creationTime>\d+</, '<creationTime>T<'))).toEqual([
      '<domainsnapshot>',
      '  <name>s1</name>',
      '  <state>running</state>',
      '  <creationTime>T</creationTime>',
      "  <memory snapshot='internal'/>",
      '  <disks>',
      "    <disk name='vda' snapshot='internal'/>",
      '  </disks>',
      "  <domain type='test'>",
    ]);
  });

  it('refuses a second snapshot of the same name and flags the test driver does not take', async () => {
    const dom = await conn.lookupByName('test');
    await dom.snapshotCreateXML(snap('s1'));
    await expectVirtError(dom.snapshotCreateXML(snap('s1')), 'OPERATION_FAILED', 'operation failed: domain moment s1 already exists');
    await expectVirtError(dom.snapshotCreateXML(snap('s2'), DomainSnapshotCreateFlags.DISK_ONLY), 'INVALID_ARG', 'unsupported flags (0x10) in function testDomainSnapshotCreateXML');
    await expectVirtError(dom.snapshotLookupByName('nosuch'), 'NO_DOMAIN_SNAPSHOT', "Domain snapshot not found: no domain snapshot with matching name 'nosuch'");
  });

  it('HALT stops the domain (the handle learns its id is gone); revert starts it again from the snapshot', async () => {
    const dom = await conn.lookupByName('test');
    const s1 = await dom.snapshotCreateXML(snap('s1'), DomainSnapshotCreateFlags.HALT);
    expect(dom.ID()).toBe(-1);
    expect(await dom.state()).toEqual({ state: DomainState.SHUTOFF, reason: ShutoffReason.FROM_SNAPSHOT });
    await s1.revertToSnapshot();
    expect(dom.ID()).toBeGreaterThan(1);
    expect(await dom.state()).toEqual({ state: DomainState.RUNNING, reason: RunningReason.FROM_SNAPSHOT });
  });

  it('deletes a snapshot (children move up) or only its children', async () => {
    const dom = await conn.lookupByName('test');
    const a = await dom.snapshotCreateXML(snap('a'));
    await dom.snapshotCreateXML(snap('b'));
    await dom.snapshotCreateXML(snap('c'));
    await (await dom.snapshotLookupByName('b')).delete();
    expect((await (await dom.snapshotLookupByName('c')).parent()).name()).toBe('a');
    await a.delete(DomainSnapshotDeleteFlags.CHILDREN_ONLY);
    expect(await dom.snapshotListNames()).toEqual(['a']);
    expect((await dom.snapshotCurrent()).name()).toBe('a');
    await expectVirtError(a.delete(DomainSnapshotDeleteFlags.METADATA_ONLY), 'INVALID_ARG', 'unsupported flags (0x2) in function testDomainSnapshotDelete');
  });

  it('keeps an inactive domain with snapshots from being undefined', async () => {
    const dom = await conn.lookupByName('test');
    await dom.destroy();
    await dom.snapshotCreateXML(snap('s'));
    await expectVirtError(dom.undefine(), 'OPERATION_INVALID', 'Requested operation is not valid: cannot delete inactive domain with 1 snapshots');
  });

  it('invalidates snapshot handles when the connection closes', async () => {
    const dom = await conn.lookupByName('test');
    const s1 = await dom.snapshotCreateXML(snap('s1'));
    await conn.close();
    await expectVirtError(s1.XMLDesc(), 'INVALID_CONN', 'invalid connection pointer in virDomainSnapshotGetXMLDesc');
    expect(() => s1.name()).toThrow(/virDomainSnapshotGetName/);
  });

  it('refuses snapshot writes on a read-only connection', async () => {
    const ro = await openReadOnly('test:///default');
    const dom = await ro.lookupByName('test');
    await expectVirtError(dom.snapshotCreateXML(snap('s1')), 'OPERATION_DENIED', 'operation forbidden: read only access prevents virDomainSnapshotCreateXML');
    await ro.close();
  });
});
