// virt's remote driver against a real libvirtd 9 (test:///default behind it): the Connection and
// Domain API over unix, tcp, tls and ssh; read-only; libvirtd's errors as VirtError.
import { execFileSync } from 'node:child_process';
import { type Libvirtd, libvirtdMissing, startLibvirtd } from '@libvirt-ts/remote/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connection, open, openReadOnly, VirtError } from '../../src/index.js';
import { expectRenamesLikeLibvirt9 } from '../helpers/rename-steps.js';
import { expectResetsLikeLibvirt9 } from '../helpers/reset-steps.js';

const missing = libvirtdMissing();
const FAKE_SSH = new URL('../../../remote/test/fake-ssh.sh', import.meta.url).pathname;

function virsh(daemon: Libvirtd, command: string): string {
  return execFileSync('virsh', ['-c', daemon.unixUri, command], { encoding: 'utf8' });
}

describe.skipIf(missing)(`the remote driver${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let daemon: Libvirtd;
  let conn: Connection;
  beforeAll(async () => {
    daemon = await startLibvirtd({ tls: true });
    conn = await open(daemon.unixUri);
  });
  afterAll(async () => {
    await conn?.close();
    await daemon?.stop();
  });

  it('opens test+unix:///default?socket=... and reads the host as virsh 9 does', async () => {
    expect(await conn.getType()).toBe('TEST');
    expect(await conn.getHostname()).toBe(virsh(daemon, 'hostname').trim());
    const node = await conn.nodeGetInfo();
    expect(virsh(daemon, 'nodeinfo')).toContain(`CPU model:           ${node.model}\n`);
    expect(await conn.listDomains()).toEqual([1]);
    expect(await conn.numOfDomains()).toBe(1);
    expect(await conn.getCapabilities()).toContain('<capabilities>');
  });

  it('the Domain API: lookups, info, XML, lifecycle, memory, define/undefine', async () => {
    const dom = await conn.lookupByName('test');
    expect(dom.ID()).toBe(1);
    expect((await conn.lookupByID(1)).name()).toBe('test');
    expect((await conn.lookupByUUIDString(dom.UUIDString())).name()).toBe('test');
    const info = await dom.info();
    expect(virsh(daemon, 'dominfo test')).toContain(`Max memory:     ${info.maxMem} KiB`);
    expect(await dom.OSType()).toBe('linux');
    // virsh prints the XML with a newline after it.
    expect(`${await dom.XMLDesc()}\n`).toBe(virsh(daemon, 'dumpxml test'));
    await dom.suspend();
    expect(virsh(daemon, 'domstate test').trim()).toBe('paused');
    await dom.resume();
    await dom.setMemory(1024 * 1024);
    expect((await dom.info()).memory).toBe(1024 * 1024);
    expect(await dom.isPersistent()).toBe(true);
    expect(await dom.state()).toEqual({ state: 1, reason: 5 }); // running, VIR_DOMAIN_RUNNING_UNPAUSED
    const defined = await conn.defineXML('<domain type="test"><name>remote-defined</name><memory>8192</memory><os><type>hvm</type></os></domain>');
    expect(await conn.listDefinedDomains()).toContain('remote-defined');
    expect(virsh(daemon, 'list --all')).toContain('remote-defined');
    await defined.create();
    expect(await defined.isActive()).toBe(true);
    await defined.destroy();
    await defined.undefine();
    expect(await conn.listDefinedDomains()).not.toContain('remote-defined');
  });

  it("virDomainRename: libvirtd's test driver answers as ours does", async () => {
    await expectRenamesLikeLibvirt9(conn);
  });

  it("virDomainReset: libvirtd's test driver answers as ours does", async () => {
    await expectResetsLikeLibvirt9(conn);
  });

  it("libvirtd's errors become VirtError with its code, domain and message", async () => {
    const error = await conn.lookupByName('no-such-domain').catch((e: unknown) => e);
    expect(VirtError.isInstance(error)).toBe(true);
    expect([(error as VirtError).code, (error as VirtError).domain, (error as VirtError).message]).toEqual(['NO_DOMAIN', 'TEST', 'Domain not found']);
  });

  it("defines storage pools in libvirtd's test driver (ours has none)", async () => {
    const pool = await conn.storagePoolDefineXML("<pool type='dir'><name>remote-pool</name><target><path>/tmp/remote-pool</path></target></pool>");
    expect(pool.name()).toBe('remote-pool');
    expect(virsh(daemon, 'pool-list --all --uuid')).toContain(pool.UUIDString());
    const again = (await conn.storagePoolDefineXML("<pool type='dir'><name>remote-pool</name><target><path>/tmp/other</path></target></pool>").catch((e: unknown) => e)) as VirtError;
    expect([again.code, again.message]).toEqual(['OPERATION_FAILED', `operation failed: pool 'remote-pool' already exists with uuid ${pool.UUIDString()}`]);
  });

  it('read-only over the -ro socket: reads work, changes are refused', async () => {
    const readonly = await openReadOnly(`test+unix:///default?socket=${daemon.readonlySocket}`);
    try {
      const dom = await readonly.lookupByName('test');
      expect((await dom.info()).nrVirtCpu).toBe(2);
      const error = (await dom.suspend().catch((e: unknown) => e)) as VirtError;
      expect(error.code).toBe('OPERATION_DENIED');
    } finally {
      await readonly.close();
    }
  });

  it('tcp, tls and ssh URIs route to it too', async () => {
    const uris = [
      `test+tcp://127.0.0.1:${daemon.tcpPort}/default`,
      `test+tls://127.0.0.1:${daemon.tlsPort}/default?pkipath=${daemon.pki!.clientDirectory}`,
      `test+ssh://root@localhost/default?socket=${daemon.socket}&command=${FAKE_SSH}`,
    ];
    for (const uri of uris) {
      const other = await open(uri);
      try {
        expect((await (await other.lookupByName('test')).info()).nrVirtCpu, uri).toBe(2);
      } finally {
        await other.close();
      }
    }
  });

  it('a daemon that is not there fails the open with a VirtError', async () => {
    const error = (await open(`test+unix:///default?socket=${daemon.directory}/none`).catch((e: unknown) => e)) as VirtError;
    expect(VirtError.isInstance(error)).toBe(true);
    expect(error.message).toContain(`${daemon.directory}/none`);
  });
});
