import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainState, open } from '../../src/index.js';
import { expectVirtError } from '../helpers/expect-virt-error.js';
import { fixturePath, readFixture } from '../helpers/fixtures.js';
import { quietErrors } from '../helpers/quiet-errors.js';

quietErrors();

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'virt-node-file-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function nodeFile(name: string, body: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, body);
  return `test://${path}`;
}

describe('test:///PATH/node.xml', () => {
  it('loads node1.xml: cpu and memory values, inline and file= domains, running in file order', async () => {
    const conn = await open(`test://${fixturePath('peer-virsh/node1.xml')}`);
    expect(await conn.nodeGetInfo()).toEqual({ model: 'i986', memory: 8192000, cpus: 50, mhz: 6000, nodes: 4, sockets: 4, cores: 4, threads: 2 });
    expect(await conn.listDomains()).toEqual([1, 2, 3]);
    const fc4 = await conn.lookupByID(2);
    expect(fc4.name()).toBe('fc4');
    expect(fc4.UUIDString()).toBe('ef861801-45b9-11cb-88e3-afbfe5370493');
    expect(await fc4.messages()).toEqual(['tainted: network configuration using opaque shell scripts']);
    expect(await fc4.info()).toMatchObject({ maxMem: 261072, memory: 131072, nrVirtCpu: 1 });
    expect((await conn.lookupByID(3)).name()).toBe('extra');
    expect(await fc4.state()).toEqual({ state: DomainState.RUNNING, reason: 0 });
    // virsh 9's capabilities of a node file: no NUMA cells.
    expect(`${await conn.getCapabilities()}\n\n`).toBe(readFixture('peer-virsh/capabilities-node1.xml'));
    await conn.close();
  });

  it('falls back to the default node values and honours test:runstate and test:transient', async () => {
    const uri = await nodeFile(
      'states.xml',
      `<node xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>
  <domain type='test'><name>paused</name><memory>1024</memory><os><type>hvm</type></os><test:runstate>3</test:runstate></domain>
  <domain type='test'><name>off</name><memory>1024</memory><os><type>hvm</type></os><test:runstate>5</test:runstate></domain>
  <domain type='test'><name>temp</name><memory>1024</memory><os><type>hvm</type></os><test:transient/></domain>
</node>`,
    );
    const conn = await open(uri);
    expect(await conn.nodeGetInfo()).toEqual({ model: 'i686', memory: 3145728, cpus: 16, mhz: 1400, nodes: 2, sockets: 2, cores: 2, threads: 2 });
    expect(await (await conn.lookupByName('paused')).state()).toEqual({ state: DomainState.PAUSED, reason: 0 });
    expect((await conn.lookupByName('paused')).ID()).toBe(1);
    expect((await conn.lookupByName('off')).ID()).toBe(-1);
    const temp = await conn.lookupByName('temp');
    expect(temp.ID()).toBe(2);
    expect(await temp.isPersistent()).toBe(false);
    await conn.close();
  });

  it('gives a domain a managed save image with test:hasmanagedsave, and refuses to undefine it', async () => {
    const conn = await open(
      await nodeFile(
        'managed.xml',
        "<node xmlns:test='http://libvirt.org/schemas/domain/test/1.0'><domain type='test'><name>m</name><memory>1</memory>" +
          '<os><type>hvm</type></os><test:runstate>5</test:runstate><test:hasmanagedsave/></domain></node>',
      ),
    );
    const dom = await conn.lookupByName('m');
    expect(await dom.hasManagedSaveImage()).toBe(true);
    await expectVirtError(dom.undefine(), 'OPERATION_INVALID', 'Requested operation is not valid: Refusing to undefine while domain managed save image exists');
    await dom.create();
    expect(await dom.hasManagedSaveImage()).toBe(false);
    await conn.close();
  });

  it('ignores test:runstate under a prefix not bound to the test namespace, as libvirt', async () => {
    const conn = await open(
      await nodeFile('unbound.xml', "<node><domain type='test'><name>a</name><memory>1</memory><os><type>hvm</type></os><test:runstate>3</test:runstate></domain></node>"),
    );
    expect((await (await conn.lookupByName('a')).state()).state).toBe(DomainState.RUNNING);
    await conn.close();
  });

  it('reports bad node files with libvirt 9 messages', async () => {
    await expectVirtError(open(await nodeFile('mhz.xml', '<node><cpu><mhz>abc</mhz></cpu></node>')), 'XML_ERROR', 'XML error: invalid node cpu mhz value');
    const longModel = 'm'.repeat(32);
    await expectVirtError(
      open(await nodeFile('model.xml', `<node><cpu><model>${longModel}</model></cpu></node>`)),
      'INTERNAL_ERROR',
      `internal error: Model ${longModel} too big for destination`,
    );
    await expectVirtError(open(await nodeFile('root.xml', '<foo/>')), 'XML_ERROR', "XML error: expecting root element of 'node', not 'foo'");
    await expectVirtError(
      open(await nodeFile('noname.xml', "<node><domain type='test'><memory>1</memory><os><type>hvm</type></os></domain></node>")),
      'NO_NAME',
      'missing name information',
    );
    const dup = "<domain type='test'><name>d</name><uuid>11111111-2222-3333-4444-555555555555</uuid><memory>1</memory><os><type>hvm</type></os></domain>";
    await expectVirtError(
      open(await nodeFile('dup.xml', `<node>${dup}${dup.replace('11111111', '21111111')}</node>`)),
      'OPERATION_FAILED',
      "operation failed: domain 'd' already exists with uuid 11111111-2222-3333-4444-555555555555",
    );
    const ns = "xmlns:test='http://libvirt.org/schemas/domain/test/1.0'";
    const withRunstate = (value: string) =>
      `<node ${ns}><domain type='test'><name>a</name><memory>1</memory><os><type>hvm</type></os><test:runstate>${value}</test:runstate></domain></node>`;
    await expectVirtError(open(await nodeFile('rs9.xml', withRunstate('9'))), 'XML_ERROR', "XML error: runstate '9' out of range'");
    await expectVirtError(open(await nodeFile('rsabc.xml', withRunstate('abc'))), 'XML_ERROR', 'XML error: invalid runstate');
    await expectVirtError(
      open(
        await nodeFile(
          'rs5t.xml',
          `<node ${ns}><domain type='test'><name>a</name><memory>1</memory><os><type>hvm</type></os><test:runstate>5</test:runstate><test:transient/></domain></node>`,
        ),
      ),
      'XML_ERROR',
      "XML error: transient domain cannot have runstate 'shutoff'",
    );
    await expectVirtError(
      open(
        await nodeFile(
          'ms.xml',
          `<node ${ns}><domain type='test'><name>a</name><memory>1</memory><os><type>hvm</type></os><test:hasmanagedsave/></domain></node>`,
        ),
      ),
      'XML_ERROR',
      "XML error: domain with managedsave data can only have runstate 'shutoff'",
    );
    const missing = join(dir, 'missing.xml');
    await expectVirtError(open(`test://${missing}`), 'XML_ERROR', `XML error: failed to parse xml document '${missing}'`);
    const broken = join(dir, 'broken.xml');
    await writeFile(broken, '<node>\n  <cpu>\n');
    await expectVirtError(open(`test://${broken}`), 'XML_DETAIL', `${broken}:3: Premature end of data in tag cpu line 2\n(null)\n^`);
  });

  it('declines test URIs with a host (they go to the remote driver, as in libvirt) and refuses test:/// without a path', async () => {
    // The remote driver takes it: TLS to host "nodes", whose first step (the CA file) fails here.
    const remote = (await open('test://nodes/node1.xml').catch((e: unknown) => e)) as { code: string; message: string };
    expect(remote.code).toBe('SYSTEM_ERROR');
    expect(remote.message).toContain('/etc/pki/CA/cacert.pem');
    await expectVirtError(open('test:///'), 'INVALID_ARG', 'invalid argument: testOpen: supply a path or use test:///default', 'TEST');
  });
});
