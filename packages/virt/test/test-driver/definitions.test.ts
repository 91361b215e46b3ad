import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Connection, DomainMemoryModFlags, DomainState, DomainVcpuFlags, open, RunningReason, ShutoffReason } from '../../src/index.js';
import { eventLine, takeEvents } from '../helpers/event-lines.js';
import { expectVirtError } from '../helpers/expect-virt-error.js';
import { readFixture } from '../helpers/fixtures.js';
import { quietErrors } from '../helpers/quiet-errors.js';
import { expectRenamesLikeLibvirt9 } from '../helpers/rename-steps.js';

quietErrors();

const NEWDOM = readFixture('peer-virsh/newdom-test.xml');
const FC4_XEN = readFixture('peer-virsh/fc4-xen.xml');

let conn: Connection;
let dir: string;
beforeEach(async () => {
  conn = await open('test:///default');
  dir = await mkdtemp(join(tmpdir(), 'virt-test-driver-'));
});
afterEach(async () => {
  await conn[Symbol.asyncDispose]();
  await rm(dir, { recursive: true, force: true });
});

describe('define, create, undefine', () => {
  it("renames an inactive persistent domain as libvirt 9's testDomainRename, refusing what it refuses", async () => {
    await expectRenamesLikeLibvirt9(conn);
  });

  it('tells a rename as UNDEFINED RENAMED for the old name, then DEFINED RENAMED for the new one', async () => {
    await using watcher = await open('test:///default');
    const events = watcher.domainEvents();
    const test = await conn.lookupByName('test');
    await test.destroy();
    await test.rename('renamed');
    const lines = (await takeEvents(events, 3, 2000)).map(eventLine);
    expect(lines).toEqual(['test STOPPED DESTROYED', 'test UNDEFINED RENAMED', 'renamed DEFINED RENAMED']);
  });

  it('defines an inactive persistent domain, redefines it, starts it with the next id', async () => {
    const dom = await conn.defineXML(NEWDOM);
    expect(dom.name()).toBe('newdom');
    expect(dom.ID()).toBe(-1);
    expect(dom.UUIDString()).toBe('11111111-2222-3333-4444-555555555555');
    expect(await dom.isPersistent()).toBe(true);
    expect(await dom.isActive()).toBe(false);
    expect(await conn.defineXML(NEWDOM)).toBe(dom);
    expect(await conn.listDefinedDomains()).toEqual(['newdom']);
    expect(await conn.numOfDefinedDomains()).toBe(1);
    await dom.create();
    expect(dom.ID()).toBe(2);
    expect(await conn.listDomains()).toEqual([1, 2]);
    expect(await conn.numOfDomains()).toBe(2);
    expect(await dom.info()).toMatchObject({ maxMem: 262144, memory: 262144, nrVirtCpu: 2 });
  });

  it('creates a transient domain that vanishes when destroyed; ids are never reused', async () => {
    const fc4 = await conn.createXML(FC4_XEN);
    expect(fc4.ID()).toBe(2);
    expect(await fc4.isPersistent()).toBe(false);
    expect(await fc4.state()).toEqual({ state: DomainState.RUNNING, reason: RunningReason.BOOTED });
    await fc4.destroy();
    await expectVirtError(conn.lookupByName('fc4'), 'NO_DOMAIN', 'Domain not found');
    const again = await conn.createLinux(FC4_XEN);
    expect(again.ID()).toBe(3);
  });

  it('refuses to create an active domain or a clashing name, as virsh 9 reports', async () => {
    await conn.createXML(NEWDOM);
    await expectVirtError(conn.createXML(NEWDOM), 'OPERATION_INVALID', "Requested operation is not valid: domain 'newdom' is already active");
    const fc4 = await conn.createXML(FC4_XEN);
    await expectVirtError(
      conn.defineXML(FC4_XEN),
      'OPERATION_FAILED',
      `operation failed: domain 'fc4' already exists with uuid ${fc4.UUIDString()}`,
    );
    const renamed = NEWDOM.replace('<name>newdom</name>', '<name>other</name>');
    await expectVirtError(
      conn.defineXML(renamed),
      'OPERATION_FAILED',
      "operation failed: domain 'newdom' is already defined with uuid 11111111-2222-3333-4444-555555555555",
    );
  });

  it('creating a defined domain runs the new definition and keeps the persistent one', async () => {
    const dom = await conn.defineXML(NEWDOM);
    await conn.createXML(NEWDOM.replace('<vcpu>2</vcpu>', '<vcpu>1</vcpu>'));
    expect(await dom.isPersistent()).toBe(true);
    expect((await dom.info()).nrVirtCpu).toBe(1);
    expect(await dom.XMLDesc(2)).toContain("<vcpu placement='static'>2</vcpu>");
    await dom.destroy();
    expect((await dom.info()).nrVirtCpu).toBe(2);
  });

  it('undefining a running domain leaves it transient (again without complaint, as libvirt 9 test driver)', async () => {
    const test = await conn.lookupByName('test');
    await test.undefine();
    expect(await test.isPersistent()).toBe(false);
    expect(await test.isActive()).toBe(true);
    await test.undefine();
    await test.destroy();
    expect(await conn.listAllDomains()).toEqual([]);
  });

  it('records autostart, for transient domains too', async () => {
    const fc4 = await conn.createXML(FC4_XEN);
    await fc4.setAutostart(true);
    expect(await fc4.autostart()).toBe(true);
    const test = await conn.lookupByName('test');
    expect(await test.autostart()).toBe(false);
    await test.setAutostart(true);
    await test.setAutostart(false);
    expect(await test.autostart()).toBe(false);
  });

  it('undefining an inactive domain removes it', async () => {
    const dom = await conn.defineXML(NEWDOM);
    await dom.undefine();
    await expectVirtError(
      dom.info(),
      'NO_DOMAIN',
      "Domain not found: no domain with matching uuid '11111111-2222-3333-4444-555555555555' (newdom)",
    );
  });

  it('rejects malformed XML with libxml2 text and excerpt, as virsh 9 prints it', async () => {
    await expectVirtError(
      conn.createXML(readFixture('peer-virsh/malformed.xml')),
      'XML_DETAIL',
      "(domain_definition):1: Premature end of data in tag domain line 1\n<domain type='test'><name>broken</name><memory>1024</memory>\n------------------------------------------------------------^",
      'XML',
    );
    await expectVirtError(
      conn.defineXML(readFixture('peer-virsh/notxml.xml')),
      'XML_DETAIL',
      "(domain_definition):1: Start tag expected, '<' not found\nthis is not xml at all\n^",
    );
    await expectVirtError(
      conn.createXML(readFixture('peer-virsh/fv0-xen.xml')),
      'XML_ERROR',
      "XML error: Invalid value for attribute 'dev' in element 'boot': 'hda'.",
    );
    await expectVirtError(conn.defineXML(''), 'XML_DETAIL', '(domain_definition):1: Document is empty\n(null)\n^');
    await expectVirtError(conn.defineXML('\n\n'), 'XML_DETAIL', "(domain_definition):3: Start tag expected, '<' not found\n(null)\n^");
    await expectVirtError(conn.defineXML('<node/>'), 'XML_ERROR', "XML error: expecting root element of 'domain', not 'node'");
  });

  it('wraps the XML format error of an invalid definition, keeping it as cause', async () => {
    const error = await expectVirtError(
      conn.defineXML("<domain type='test'><memory>1024</memory><os><type>hvm</type></os></domain>"),
      'NO_NAME',
      'missing name information',
    );
    expect((error.cause as { code?: string }).code).toBe('NO_NAME');
  });
});

describe('memory and vcpus', () => {
  it('sets the balloon of a running domain up to its maximum', async () => {
    const test = await conn.lookupByName('test');
    await test.setMemory(1048576);
    expect((await test.info()).memory).toBe(1048576);
    await expectVirtError(test.setMemory(9000000), 'INVALID_ARG', 'invalid argument: cannot set memory higher than max memory');
    await expectVirtError(test.setMemory(0), 'INVALID_ARG', 'memory in virDomainSetMemory must not be zero');
    // virsh 9's setmem calls virDomainSetMemoryFlags(LIVE), hence its wording.
    await expectVirtError(test.setMemoryFlags(0, DomainMemoryModFlags.MEM_LIVE), 'INVALID_ARG', 'memory in virDomainSetMemoryFlags must not be zero');
    await expectVirtError(test.setMaxMemory(1.5), 'INVALID_ARG', 'memory in virDomainSetMaxMemory must be a non-negative integer, not 1.5');
    await expectVirtError(
      test.setMaxMemory(2097152),
      'OPERATION_INVALID',
      'Requested operation is not valid: cannot resize the maximum memory on an active domain',
    );
  });

  it('changes the maximum of an inactive domain only, clamping the current memory', async () => {
    const test = await conn.lookupByName('test');
    await test.destroy();
    await expectVirtError(test.setMemory(1000), 'OPERATION_INVALID', 'Requested operation is not valid: domain is not running');
    await test.setMaxMemory(4096);
    expect(await test.maxMemory()).toBe(4096);
    expect(await test.info()).toMatchObject({ maxMem: 4096, memory: 4096 });
  });

  it('sets online vcpus up to the maximum', async () => {
    const test = await conn.lookupByName('test');
    await test.setVcpus(1);
    expect((await test.info()).nrVirtCpu).toBe(1);
    expect(await test.XMLDesc()).toContain("<vcpu placement='static' current='1'>2</vcpu>");
    await expectVirtError(test.setVcpus(3), 'INVALID_ARG', 'invalid argument: requested cpu amount exceeds maximum (3 > 2)');
    await expectVirtError(test.setVcpus(0), 'INVALID_ARG', 'nvcpus in virDomainSetVcpus must not be zero');
    await test.destroy();
    await expectVirtError(test.setVcpus(1), 'OPERATION_INVALID', 'Requested operation is not valid: domain is not running');
  });

  it('refuses persistent changes to a transient domain and a live maximum', async () => {
    const { VCPU_CONFIG: CONFIG, VCPU_LIVE: LIVE, VCPU_MAXIMUM } = DomainVcpuFlags;
    const fc4 = await conn.createXML(FC4_XEN);
    await expectVirtError(
      fc4.setMemoryFlags(1024, CONFIG),
      'OPERATION_INVALID',
      'Requested operation is not valid: transient domains do not have any persistent config',
    );
    await expectVirtError(
      fc4.setVcpusFlags(2, LIVE | VCPU_MAXIMUM),
      'INVALID_ARG',
      'invalid argument: requested cpu amount exceeds maximum (2 > 1)',
    );
    await expectVirtError(
      fc4.setMemoryFlags(1024, LIVE | CONFIG),
      'INVALID_ARG',
      "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive",
    );
    await expectVirtError(
      fc4.setVcpusFlags(33, LIVE),
      'INVALID_ARG',
      'invalid argument: requested cpu amount exceeds maximum supported amount (33 > 32)',
    );
  });

  it('live changes end when a persistent domain stops', async () => {
    const test = await conn.lookupByName('test');
    await test.setMemory(1024);
    await test.destroy();
    expect((await test.info()).memory).toBe(2097152);
  });
});

describe('save and restore', () => {
  it('writes the test save layout (mode 0600), stops the domain, restores it with a new id', async () => {
    const test = await conn.lookupByName('test');
    const file = join(dir, 'test.save');
    await test.save(file);
    expect(await test.state()).toEqual({ state: DomainState.SHUTOFF, reason: ShutoffReason.SAVED });
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 15).toString('latin1')).toBe('TestGuestMagic\0');
    const length = bytes.readUInt32LE(15);
    expect(bytes.length).toBe(19 + length);
    expect(bytes.subarray(19).toString()).toContain("<domain type='test' id='1'>");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await conn.restore(file);
    expect(test.ID()).toBe(2);
    expect(await test.state()).toEqual({ state: DomainState.RUNNING, reason: RunningReason.RESTORED });
    await expectVirtError(conn.restore(file), 'OPERATION_INVALID', "Requested operation is not valid: domain 'test' is already active");
  });

  it('restores a domain that was undefined meanwhile as a transient one', async () => {
    const test = await conn.lookupByName('test');
    const file = join(dir, 'x');
    await test.save(file);
    await test.undefine();
    await conn.restore(file);
    expect(await test.isPersistent()).toBe(false);
    expect(await test.isActive()).toBe(true);
  });

  it('reports the save and restore failures virsh 9 shows', async () => {
    const test = await conn.lookupByName('test');
    await expectVirtError(
      test.save('/nonexistent-dir/y'),
      'SYSTEM_ERROR',
      "saving domain 'test' to '/nonexistent-dir/y': open failed: No such file or directory",
    );
    expect(await test.isActive()).toBe(true);
    const missing = join(dir, 'nope');
    await expectVirtError(conn.restore(missing), 'SYSTEM_ERROR', `cannot read domain image '${missing}': No such file or directory`);
    const notImage = join(dir, 'newdom.xml');
    await writeFile(notImage, NEWDOM);
    await expectVirtError(conn.restore(notImage), 'INTERNAL_ERROR', 'internal error: mismatched header magic');
    await expectVirtError(conn.restore(dir), 'SYSTEM_ERROR', `incomplete save header in '${dir}': Is a directory`);
    await expectVirtError(test.save(dir), 'SYSTEM_ERROR', `saving domain 'test' to '${dir}': open failed: Is a directory`);
    const short = join(dir, 'short');
    await writeFile(short, 'TestGu');
    await expectVirtError(conn.restore(short), 'SYSTEM_ERROR', `incomplete save header in '${short}': Success`);
    await test.destroy();
    await expectVirtError(test.save(join(dir, 'z')), 'OPERATION_INVALID', 'Requested operation is not valid: domain is not running');
  });

  it('makes relative paths absolute from the working directory', async () => {
    const test = await conn.lookupByName('test');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      await test.save('relative.save');
      await conn.restore('relative.save');
    } finally {
      process.chdir(cwd);
    }
    expect((await stat(join(dir, 'relative.save'))).isFile()).toBe(true);
    expect(await test.isActive()).toBe(true);
  });
});
