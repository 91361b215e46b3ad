import { describe, expect, it } from 'vitest';
import {
  ConnectGetAllDomainStatsFlags,
  DomainMemoryStatTags,
  DomainMetadataType,
  DomainModificationImpact,
  DomainSaveRestoreFlags,
  DomainStatsTypes,
  open,
  openReadOnly,
} from '../../src/index.js';
import { expectVirtError } from '../helpers/expect-virt-error.js';
import { quietErrors } from '../helpers/quiet-errors.js';

quietErrors();

// test:///default is shared by the connections of one process: each test leaves it as it found it.
const DEFAULT = 'test:///default';

describe('managed save on the test driver', () => {
  it('saves a running persistent domain, reports the image, consumes it on start and removes it', async () => {
    await using conn = await open(DEFAULT);
    const dom = await conn.lookupByName('test');
    await dom.setAutostart(true);
    await dom.managedSave(DomainSaveRestoreFlags.SAVE_BYPASS_CACHE);
    expect([dom.ID(), await dom.hasManagedSaveImage(), await dom.state()]).toEqual([-1, true, { state: 5, reason: 5 }]);
    await expectVirtError(dom.undefine(), 'OPERATION_INVALID', 'Requested operation is not valid: Refusing to undefine while domain managed save image exists');
    await dom.managedSaveRemove();
    expect(await dom.hasManagedSaveImage()).toBe(false);
    await expectVirtError(dom.managedSave(), 'OPERATION_INVALID', 'Requested operation is not valid: domain is not running');
    await dom.create();
    await dom.managedSave();
    await dom.create();
    expect(await dom.hasManagedSaveImage()).toBe(false);
    await expectVirtError(
      dom.managedSave(DomainSaveRestoreFlags.SAVE_RUNNING | DomainSaveRestoreFlags.SAVE_PAUSED),
      'INVALID_ARG',
      "Flags 'VIR_DOMAIN_SAVE_RUNNING' and 'VIR_DOMAIN_SAVE_PAUSED' are mutually exclusive",
    );
    await expectVirtError(dom.managedSave(64), 'INVALID_ARG', 'unsupported flags (0x40) in function testDomainManagedSave');
  });

  it('refuses a transient domain, and read-only connections before the driver', async () => {
    await using conn = await open(DEFAULT);
    const dom = await conn.createXML("<domain type='test'><name>t1</name><memory>1024</memory><os><type>hvm</type></os></domain>");
    await expectVirtError(dom.managedSave(), 'OPERATION_INVALID', 'Requested operation is not valid: cannot do managed save for transient domain');
    await dom.destroy();
    await using ro = await openReadOnly(DEFAULT);
    const roDom = await ro.lookupByName('test');
    await expectVirtError(roDom.managedSave(), 'OPERATION_DENIED', 'operation forbidden: read only access prevents virDomainManagedSave');
  });
});

describe('statistics on the test driver', () => {
  it('memoryStats: libvirt 9 figures from the balloon, limited to nrStats; none when inactive', async () => {
    await using conn = await open(DEFAULT);
    const dom = await conn.createXML(
      "<domain type='test'><name>m1</name><memory>4096</memory><currentMemory>3000</currentMemory><os><type>hvm</type></os><devices><memballoon model='virtio'/></devices></domain>",
    );
    const stats = await dom.memoryStats();
    expect(stats.slice(0, 2)).toEqual([
      { tag: DomainMemoryStatTags.ACTUAL_BALLOON, val: 3000n },
      { tag: DomainMemoryStatTags.SWAP_IN, val: 0n },
    ]);
    expect(stats.find((s) => s.tag === DomainMemoryStatTags.DISK_CACHES)?.val).toBe(375n);
    expect(stats).toHaveLength(13);
    expect(await dom.memoryStats(3)).toHaveLength(3);
    expect(await dom.memoryStats(0)).toEqual([]);
    await dom.destroy();
    const test = await conn.lookupByName('test');
    await test.destroy();
    await expectVirtError(test.memoryStats(), 'OPERATION_INVALID', 'Requested operation is not valid: domain is not running');
    await test.create();
  });

  it('blockInfo: fixed sizes by target or source; unknown disks refused', async () => {
    await using conn = await open(DEFAULT);
    const dom = await conn.lookupByName('test');
    const expected = { capacity: 1099506450432n, allocation: 1099511627776n, physical: 1099511627776n };
    expect(await dom.blockInfo('vda')).toEqual(expected);
    expect(await dom.blockInfo('/guest/diskimage1')).toEqual(expected);
    await expectVirtError(dom.blockInfo('vdz'), 'INVALID_ARG', 'invalid argument: invalid path vdz not assigned to domain');
  });

  it('getAllDomainStats and domainListGetStats: the state group, filters, ENFORCE_STATS', async () => {
    await using conn = await open(DEFAULT);
    const all = await conn.getAllDomainStats();
    const test = all.find((r) => r.domain.name() === 'test');
    expect(test?.params).toEqual([
      { field: 'state.state', type: 1, value: 1 },
      { field: 'state.reason', type: 1, value: 0 },
    ]);
    expect((await conn.getAllDomainStats(DomainStatsTypes.VCPU)).every((r) => r.params.length === 0)).toBe(true);
    await expectVirtError(
      conn.getAllDomainStats(DomainStatsTypes.VCPU | DomainStatsTypes.STATE, ConnectGetAllDomainStatsFlags.ENFORCE_STATS),
      'ARGUMENT_UNSUPPORTED',
      'argument unsupported: Stats types bits 0x8 are not supported by this daemon',
    );
    expect(await conn.getAllDomainStats(0, ConnectGetAllDomainStatsFlags.INACTIVE | ConnectGetAllDomainStatsFlags.PAUSED)).toEqual([]);
    const dom = await conn.lookupByName('test');
    const listed = await conn.domainListGetStats([dom], DomainStatsTypes.STATE);
    expect(listed.map((r) => r.domain)).toEqual([dom]);
    await expectVirtError(conn.domainListGetStats([]), 'INVALID_ARG', 'invalid argument: doms array in virDomainListGetStats must contain at least one domain');
    await using other = await open(DEFAULT);
    await expectVirtError(
      other.domainListGetStats([dom]),
      'INVALID_ARG',
      "invalid argument: domains in 'doms' array must belong to a single connection",
    );
  });
});

describe('metadata on the test driver', () => {
  it('sets, reads and removes the title and description of the definitions the flags pick', async () => {
    await using conn = await open(DEFAULT);
    const dom = await conn.lookupByName('test');
    await expectVirtError(dom.metadata(DomainMetadataType.TITLE), 'NO_DOMAIN_METADATA', 'metadata not found: Requested metadata element is not present');
    await dom.setMetadata(DomainMetadataType.DESCRIPTION, 'live <&> text');
    await dom.setMetadata(DomainMetadataType.TITLE, 'next boot', null, null, DomainModificationImpact.AFFECT_CONFIG);
    expect(await dom.metadata(DomainMetadataType.DESCRIPTION)).toBe('live <&> text');
    expect(await dom.XMLDesc()).toContain('<description>live &lt;&amp;&gt; text</description>');
    await expectVirtError(dom.metadata(DomainMetadataType.TITLE), 'NO_DOMAIN_METADATA', 'metadata not found: Requested metadata element is not present');
    expect(await dom.metadata(DomainMetadataType.TITLE, null, DomainModificationImpact.AFFECT_CONFIG)).toBe('next boot');
    await dom.setMetadata(DomainMetadataType.DESCRIPTION, '');
    await expectVirtError(dom.metadata(DomainMetadataType.DESCRIPTION), 'NO_DOMAIN_METADATA', 'metadata not found: Requested metadata element is not present');
    await dom.setMetadata(DomainMetadataType.TITLE, null, null, null, DomainModificationImpact.AFFECT_CONFIG);
  });

  it("refuses what libvirt.c refuses before the driver, and the element type it does not model", async () => {
    await using conn = await open(DEFAULT);
    const dom = await conn.lookupByName('test');
    await expectVirtError(dom.setMetadata(DomainMetadataType.TITLE, 'a\nb'), 'INVALID_ARG', "metadata title can't contain newlines");
    await expectVirtError(dom.setMetadata(DomainMetadataType.TITLE, 't', null, 'urn:x'), 'INVALID_ARG', 'uri in virDomainSetMetadata must be NULL');
    await expectVirtError(dom.metadata(DomainMetadataType.ELEMENT), 'INVALID_ARG', 'uri in virDomainGetMetadata must not be NULL');
    await expectVirtError(
      dom.metadata(DomainMetadataType.TITLE, null, DomainModificationImpact.AFFECT_LIVE | DomainModificationImpact.AFFECT_CONFIG),
      'INVALID_ARG',
      "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive",
    );
    await expectVirtError(
      dom.metadata(DomainMetadataType.ELEMENT, 'urn:x'),
      'NO_SUPPORT',
      'this function is not supported by the connection driver: virDomainGetMetadata with VIR_DOMAIN_METADATA_ELEMENT',
    );
    await expectVirtError(dom.metadata(7), 'INVALID_ARG', "invalid argument: unknown metadata type '7'");
  });
});
