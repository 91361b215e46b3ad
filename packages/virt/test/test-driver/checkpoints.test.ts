import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Connection,
  DomainBlkioParam,
  DomainCheckpointCreateFlags,
  DomainCheckpointDeleteFlags,
  DomainCheckpointListFlags,
  DomainCheckpointXMLFlags,
  open,
  openReadOnly,
  TypedParameterType,
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

const chk = (name: string, extra = '') => `<domaincheckpoint><name>${name}</name>${extra}</domaincheckpoint>`;

describe('test driver checkpoints (libvirt 9 semantics through the API)', () => {
  it('chains checkpoints under the current one, and lists them by filter and topologically', async () => {
    const dom = await conn.lookupByName('test');
    const c1 = await dom.checkpointCreateXML(chk('c1'));
    expect(c1.name()).toBe('c1');
    expect(c1.domain()).toBe(dom);
    await dom.checkpointCreateXML(chk('c2'));
    await dom.checkpointCreateXML(chk('c3'));
    const names = async (list: Promise<{ name(): string }[]>) => (await list).map((c) => c.name());
    expect(await names(dom.listAllCheckpoints(DomainCheckpointListFlags.TOPOLOGICAL))).toEqual(['c1', 'c2', 'c3']);
    expect(await names(dom.listAllCheckpoints(DomainCheckpointListFlags.ROOTS))).toEqual(['c1']);
    expect(await names(dom.listAllCheckpoints(DomainCheckpointListFlags.LEAVES))).toEqual(['c3']);
    expect(await names(c1.listAllChildren())).toEqual(['c2']);
    expect(await names(c1.listAllChildren(DomainCheckpointListFlags.DESCENDANTS))).toEqual(['c2', 'c3']);
    expect((await (await dom.checkpointLookupByName('c3')).parent()).name()).toBe('c2');
    await expectVirtError(c1.parent(), 'NO_DOMAIN_CHECKPOINT', "Domain checkpoint not found: checkpoint 'c1' does not have a parent", 'TEST');
  });

  it('writes the disks it keeps a bitmap of, with or without the domain', async () => {
    const dom = await conn.lookupByName('test');
    const c1 = await dom.checkpointCreateXML(chk('c1', '<description>d</description>'));
    const xml = await c1.XMLDesc(DomainCheckpointXMLFlags.NO_DOMAIN);
    expect(xml.replace(/<creationTime>\d+</, '<creationTime>T<')).toBe(
      "<domaincheckpoint>\n  <name>c1</name>\n  <description>d</description>\n  <creationTime>T</creationTime>\n  <disks>\n    <disk name='vda' checkpoint='bitmap' bitmap='c1'/>\n  </disks>\n</domaincheckpoint>\n",
    );
    expect(await c1.XMLDesc()).toContain("  <domain type='test'>\n    <name>test</name>");
  });

  it('deletes children, moves them up, and refuses both delete modes at once', async () => {
    const dom = await conn.lookupByName('test');
    const a = await dom.checkpointCreateXML(chk('a'));
    const b = await dom.checkpointCreateXML(chk('b'));
    await dom.checkpointCreateXML(chk('c'));
    const { CHILDREN, CHILDREN_ONLY } = DomainCheckpointDeleteFlags;
    await expectVirtError(
      b.delete(CHILDREN | CHILDREN_ONLY),
      'INVALID_ARG',
      "Flags 'VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN' and 'VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY' are mutually exclusive",
    );
    await b.delete();
    expect((await (await dom.checkpointLookupByName('c')).parent()).name()).toBe('a');
    await a.delete(CHILDREN_ONLY);
    expect((await dom.listAllCheckpoints()).map((c) => c.name())).toEqual(['a']);
    await expectVirtError(b.XMLDesc(), 'NO_DOMAIN_CHECKPOINT', "Domain checkpoint not found: no domain checkpoint with matching name 'b'");
  });

  it('refuses what libvirt 9 refuses: duplicates, inactive domains, snapshots beside checkpoints, read-only connections', async () => {
    const dom = await conn.lookupByName('test');
    await dom.checkpointCreateXML(chk('c1'));
    await expectVirtError(dom.checkpointCreateXML(chk('c1')), 'OPERATION_FAILED', 'operation failed: domain moment c1 already exists', 'DOMAIN_CHECKPOINT');
    await expectVirtError(dom.snapshotCreateXML('<domainsnapshot/>'), 'OPERATION_UNSUPPORTED', 'Operation not supported: cannot create snapshot while checkpoint exists');
    await expectVirtError(
      dom.checkpointCreateXML(chk('c2'), DomainCheckpointCreateFlags.REDEFINE | DomainCheckpointCreateFlags.QUIESCE),
      'INVALID_ARG',
      "Flags 'VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE' and 'VIR_DOMAIN_CHECKPOINT_CREATE_QUIESCE' are mutually exclusive",
    );
    await dom.destroy();
    await expectVirtError(dom.checkpointCreateXML(chk('c2')), 'OPERATION_UNSUPPORTED', 'Operation not supported: cannot create checkpoint for inactive domain');
    const ro = await openReadOnly('test:///default');
    try {
      await expectVirtError(
        (await ro.lookupByName('test')).checkpointCreateXML(chk('c')),
        'OPERATION_DENIED',
        'operation forbidden: read only access prevents virDomainCheckpointCreateXML',
      );
    } finally {
      await ro.close();
    }
  });
});

describe('test driver blkio parameters', () => {
  it('merges per-device limits and reads them back as libvirt 9 lists them', async () => {
    const dom = await conn.lookupByName('test');
    const str = (field: string, value: string) => ({ field, type: TypedParameterType.STRING, value }) as const;
    await dom.setBlkioParameters([{ field: DomainBlkioParam.WEIGHT, type: TypedParameterType.UINT, value: 300 }, str(DomainBlkioParam.DEVICE_WEIGHT, '/dev/a,10,/dev/b,0')]);
    await dom.setBlkioParameters([str(DomainBlkioParam.DEVICE_READ_BPS, '/dev/a,18446744073709551615')]);
    const params = await dom.blkioParameters();
    expect(params.map((p) => [p.field, p.value])).toEqual([
      ['weight', 300],
      ['device_weight', '/dev/a,10'],
      ['device_read_iops_sec', ''],
      ['device_write_iops_sec', ''],
      ['device_read_bytes_sec', '/dev/a,18446744073709551615'],
      ['device_write_bytes_sec', ''],
    ]);
    await expectVirtError(dom.setBlkioParameters([str(DomainBlkioParam.DEVICE_WEIGHT, '/dev/a')]), 'INVALID_ARG', "invalid argument: unable to parse blkio device 'device_weight' '/dev/a'");
    await expectVirtError(dom.setBlkioParameters([str('bogus', 'x')]), 'ARGUMENT_UNSUPPORTED', "argument unsupported: parameter 'bogus' not supported");
  });
});
