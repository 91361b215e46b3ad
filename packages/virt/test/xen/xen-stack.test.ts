import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeXend } from '@libvirt-ts/xend-client/testing';
import { XenstoreClient } from '@libvirt-ts/xenstore';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DomainState, open, openReadOnly, setErrorFunc, VirtError } from '../../src/index.js';
import type { Connection } from '../../src/connection.js';
import { ProxyCommand } from '@libvirt-ts/proxy-protocol';
import { XendDriver } from '../../src/drivers/xend/xend-driver.js';
import { startProxyServer } from './helpers/proxy-server.js';
import { type XenStack, startXenStack } from './helpers/xen-stack.js';
import { engineOf } from '../../src/connection.js';

const PV_UUID = '596a5d21-71f4-8fb2-e068-e2386a5c413e';
const HVM_UUID = 'b5d70dd2-75cd-aca5-1776-9660b059d8bc';
const DATA = join(import.meta.dirname, 'data', 'sexpr2xml');
const corpus = (name: string) => readFileSync(join(DATA, name), 'utf8');

/**
 * The first expression of a corpus file: libvirt's reader stopped there, and some files carry a
 * stray ")" after it that the fake xend's strict reader refuses.
 */
function firstSexpr(text: string): string {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')' && --depth === 0) return text.slice(0, i + 1);
  }
  return text;
}

/** Domain-0, a running PV guest (id 6) and an HVM guest (id 3), both from libvirt's corpus. */
const SEED = {
  domains: [{ sexpr: corpus('sexpr2xml-disk-file.sexpr') }, { sexpr: corpus('sexpr2xml-fv.sexpr') }],
};

const PV_XML = `<domain type='xen'>
  <name>created</name>
  <memory>262144</memory>
  <vcpu>2</vcpu>
  <os>
    <type>linux</type>
    <kernel>/boot/vmlinuz-xen</kernel>
    <initrd>/boot/initrd-xen</initrd>
    <cmdline>root=/dev/xvda1 ro</cmdline>
  </os>
  <devices>
    <disk type='file'>
      <source file='/var/lib/xen/images/created.img'/>
      <target dev='xvda'/>
    </disk>
    <interface type='bridge'>
      <source bridge='xenbr0'/>
      <mac address='00:16:3e:00:00:01'/>
    </interface>
  </devices>
</domain>`;

function virtError(code: string, domain?: string) {
  return (error: unknown) => VirtError.isInstance(error) && error.code === code && (domain === undefined || error.domain === domain);
}

let stack: XenStack;
let conn: Connection;
const extraConnections: Connection[] = [];

beforeAll(() => {
  // every failure is also handed to the error handler; keep the test output quiet
  setErrorFunc(() => {});
});
afterAll(() => setErrorFunc(null));

beforeEach(async () => {
  stack = await startXenStack(SEED);
  conn = await open('xen:///', stack.options());
});

afterEach(async () => {
  try {
    for (const c of extraConnections.splice(0)) await c[Symbol.asyncDispose]();
    await conn[Symbol.asyncDispose]();
  } finally {
    await stack.close();
  }
});

/** A further connection, closed after the test. */
async function tracked(connection: Promise<Connection>): Promise<Connection> {
  const c = await connection;
  extraConnections.push(c);
  return c;
}

describe('xen:/// over the fake xend, xenstored and a privcmd hypervisor', () => {
  it('opens the hypervisor, xend and xenstore drivers, in libvirt order', async () => {
    expect(engineOf(conn).driverNames).toEqual(['Xen', 'XenDaemon', 'XenStore']);
    expect(await conn.getType()).toBe('Xen');
    // first success: the hypervisor's XENVER_version (4.17)
    expect(await conn.getVersion()).toBe(4_017_000);
    expect(await conn.getHostname()).toBe('fake-xen');
    // the hypervisor's XENVER_capabilities (the simulated Xen 4.17 offers PV x86_64 and HVM guests)
    const caps = await conn.getCapabilities();
    expect(caps).toContain("<os_type>xen</os_type>\n    <arch name='x86_64'>");
    expect(caps).toContain("<os_type>hvm</os_type>\n    <arch name='i686'>");
    expect(await conn.nodeGetInfo()).toEqual({ model: 'i686', memory: 2047 * 1024, cpus: 2, mhz: 2000, nodes: 1, sockets: 1, cores: 2, threads: 1 });
  });

  it('lists domains from the hypervisor, matching xend', async () => {
    expect(await conn.listDomains()).toEqual([0, 3, 6]);
    expect(await conn.numOfDomains()).toBe(3);
    // xend 3.0.2 manages no inactive domains
    expect(await conn.listDefinedDomains()).toEqual([]);
    expect(await conn.numOfDefinedDomains()).toBe(0);
    const all = await conn.listAllDomains();
    expect(all.map((d) => d.name())).toEqual(['Domain-0', 'fvtest', 'pvtest']);
    const requestsBefore = stack.xend.state.requestCount;
    const rows = await conn.listAllDomainsWithInfo();
    expect(rows.map((r) => [r.domain.ID(), r.info.memory])).toEqual([
      [0, 512 * 1024],
      [3, 400 * 1024],
      [6, 420 * 1024],
    ]);
    expect(rows[2]!.domain).toBe(all[2]);
    // one xend request for the whole listing, info included
    expect(stack.xend.state.requestCount - requestsBefore).toBe(1);
    expect(stack.privcmds[0]!.calls.length).toBeGreaterThan(0);
  });

  it('looks domains up by id, name, UUID and UUID string, returning one object per domain', async () => {
    const byName = await conn.lookupByName('pvtest');
    expect(byName.ID()).toBe(6);
    expect(byName.UUIDString()).toBe(PV_UUID);
    expect(await conn.lookupByID(6)).toBe(byName);
    expect(await conn.lookupByUUID(byName.UUID())).toBe(byName);
    expect(await conn.lookupByUUIDString(PV_UUID)).toBe(byName);
    expect((await conn.lookupByUUIDString(HVM_UUID)).name()).toBe('fvtest');
    expect((await conn.lookupByID(0)).UUIDString()).toBe('00000000-0000-0000-0000-000000000000');
  });

  it('reports unknown domains as NO_DOMAIN', async () => {
    await expect(conn.lookupByName('nope')).rejects.toSatisfy(virtError('NO_DOMAIN'));
    await expect(conn.lookupByID(99)).rejects.toSatisfy(virtError('NO_DOMAIN'));
    await expect(conn.lookupByUUIDString('00000000-0000-0000-0000-0000000000ff')).rejects.toSatisfy(virtError('NO_DOMAIN'));
  });

  it('answers getInfo from the hypervisor with the same figures xend has', async () => {
    const pv = await conn.lookupByName('pvtest');
    const before = stack.privcmds[0]!.calls.length;
    const info = await pv.info();
    expect(stack.privcmds[0]!.calls.length).toBeGreaterThan(before);
    expect(info).toMatchObject({ maxMem: 420 * 1024, memory: 420 * 1024, nrVirtCpu: 2 });
    expect(await pv.maxMemory()).toBe(420 * 1024);
    expect(await pv.OSType()).toBe('linux');
    expect(await (await conn.lookupByName('fvtest')).OSType()).toBe('hvm');
    expect(await pv.state()).toEqual({ state: DomainState.RUNNING, reason: 0 });
    expect(await pv.isActive()).toBe(true);
    expect(await pv.isPersistent()).toBe(false);
    expect(await pv.autostart()).toBe(false);
  });

  it('suspends, resumes and destroys', async () => {
    const pv = await conn.lookupByName('pvtest');
    await pv.suspend();
    expect((await pv.info()).state).toBe(DomainState.PAUSED);
    expect(stack.xend.state.lookup('pvtest')?.state).toBe('paused');
    await pv.resume();
    expect((await pv.info()).state).toBe(DomainState.RUNNING);
    await pv.destroy();
    expect(await conn.listDomains()).toEqual([0, 3]);
    expect(stack.xend.state.lookup('pvtest')).toBeUndefined();
  });

  it('shuts down and reboots through xend and xenstore both', async () => {
    const pv = await conn.lookupByName('pvtest');
    const hvm = await conn.lookupByName('fvtest');
    await hvm.reboot();
    expect(stack.xenstored.dump('/local/domain/3')['/local/domain/3/control/shutdown']).toBe('reboot');
    await pv.shutdown();
    expect(stack.xenstored.dump('/local/domain/6')['/local/domain/6/control/shutdown']).toBe('halt');
    expect((await pv.info()).state).toBe(DomainState.SHUTDOWN);
    stack.advance(5_000);
    expect(await conn.listDomains()).not.toContain(6);
  });

  it('changes memory and vcpus, seen by xend, the hypervisor and xenstore', async () => {
    const pv = await conn.lookupByName('pvtest');
    await pv.setMaxMemory(512 * 1024);
    await pv.setMemory(300 * 1024);
    await pv.setVcpus(1);
    expect(await pv.info()).toMatchObject({ maxMem: 512 * 1024, memory: 300 * 1024, nrVirtCpu: 1 });
    expect(stack.xend.state.lookup('pvtest')).toMatchObject({ maxmem: 512, memory: 300, vcpus: 1 });
    expect(stack.xenstored.dump('/local/domain/6')['/local/domain/6/memory/target']).toBe(String(300 * 1024));
  });

  it("reports xend's refusals as XEND POST_FAILED; setMemory succeeds if any layer took it", async () => {
    const pv = await conn.lookupByName('pvtest');
    // xend refuses a target above maxmem, xenstore takes it: success, libvirt's "any success" rule
    await pv.setMemory(4096 * 1024);
    expect(stack.xend.state.lookup('pvtest')?.memory).toBe(420);
    await expect(pv.setVcpus(64)).rejects.toSatisfy(virtError('POST_FAILED', 'XEND'));
  });

  it('saves to a file and restores under a new id', async () => {
    const pv = await conn.lookupByName('pvtest');
    const file = join(stack.dir, 'pvtest.save');
    await pv.save(file);
    expect(existsSync(file)).toBe(true);
    expect(await conn.listDomains()).toEqual([0, 3]);
    await conn.restore(file);
    const restored = await conn.lookupByName('pvtest');
    expect(restored).toBe(pv);
    expect(restored.ID()).toBeGreaterThan(6);
    expect(restored.UUIDString()).toBe(PV_UUID);
    expect((await restored.info()).memory).toBe(420 * 1024);
  });

  it('creates a domain from XML and describes it back', async () => {
    const dom = await conn.createLinux(PV_XML);
    expect(dom.name()).toBe('created');
    expect(dom.ID()).toBeGreaterThan(6);
    expect((await dom.info()).state).toBe(DomainState.RUNNING);
    expect(await conn.listDomains()).toContain(dom.ID());
    const xml = await dom.XMLDesc();
    expect(xml).toContain('<name>created</name>');
    expect(xml).toContain("<kernel>/boot/vmlinuz-xen</kernel>");
    expect(xml).toContain("<source file='/var/lib/xen/images/created.img'/>");
  });

  it("getXMLDesc shows the console pty xenstore records, as later libvirt's did", async () => {
    const xs = await XenstoreClient.connect({ path: join(stack.dir, 'xenstored-socket') });
    await xs.write('/local/domain/6/console/tty', '/dev/pts/7');
    await xs.close();
    const xml = await (await conn.lookupByName('pvtest')).XMLDesc();
    expect(xml).toContain("<console type='pty' tty='/dev/pts/7'>");
    expect(xml).toContain("<source path='/dev/pts/7'/>");
  });

  it('refuses malformed XML with an XML-domain error', async () => {
    await expect(conn.createLinux('<domain type="xen"><name>x</name>')).rejects.toSatisfy(virtError('XML_ERROR', 'XML'));
    await expect(conn.createLinux("<domain type='xen'><memory>1024</memory></domain>")).rejects.toSatisfy(
      (e: unknown) => VirtError.isInstance(e) && e.domain === 'XML',
    );
  });

  it('keeps 100 concurrent calls on one connection consistent', async () => {
    const pv = await conn.lookupByName('pvtest');
    const calls = Array.from({ length: 100 }, (_, i) => {
      switch (i % 4) {
        case 0:
          return conn.listDomains();
        case 1:
          return conn.lookupByName(i % 8 === 1 ? 'pvtest' : 'fvtest');
        case 2:
          return pv.info();
        default:
          return conn.lookupByID(3);
      }
    });
    const results = await Promise.all(calls);
    results.forEach((result, i) => {
      if (i % 4 === 0) expect(result).toEqual([0, 3, 6]);
      else if (i % 4 === 1) expect(result).toBe(i % 8 === 1 ? pv : results[3]);
      else if (i % 4 === 2) expect(result).toMatchObject({ memory: 420 * 1024, nrVirtCpu: 2 });
      else expect((result as { name(): string }).name()).toBe('fvtest');
    });
  });
});

/** A stack of its own for one test: a Xen 3.1 node (xend's dialect of libvirt's last corpus) with these domains. */
async function withXen31Stack(domains: { sexpr: string }[], body: (conn: Connection) => Promise<void>): Promise<void> {
  const own = await startXenStack({ node: { xen_minor: 1, xen_extra: '.0' }, domains });
  try {
    const c = await open('xen:///', own.options());
    try {
      await body(c);
    } finally {
      await c[Symbol.asyncDispose]();
    }
  } finally {
    await own.close();
  }
}

describe('getXMLDesc against libvirt corpus', () => {
  const cases = readdirSync(DATA).filter((f) => f.endsWith('.sexpr'));
  for (const file of cases) {
    it(`${file} gives ${file.replace('.sexpr', '.xml')}`, async () => {
      const name = /\(name\s+'?([^')\s]+)/.exec(corpus(file))![1]!;
      await withXen31Stack([{ sexpr: firstSexpr(corpus(file)) }], async (c) => {
        expect(await (await c.lookupByName(name)).XMLDesc()).toBe(corpus(file.replace('.sexpr', '.xml')));
      });
    });
  }
});

describe('getXMLDesc and secrets', () => {
  it('leaves VNC passwords out unless VIR_DOMAIN_XML_SECURE is asked for', async () => {
    await withXen31Stack([{ sexpr: firstSexpr(corpus('sexpr2xml-pv-vfb-new.sexpr')) }], async (c) => {
      const dom = await c.lookupByName('pvtest');
      expect(await dom.XMLDesc()).not.toContain('passwd');
      expect(await dom.XMLDesc(1)).toContain("passwd='123456'");
    });
  });
});

describe('read-only and partial Xen connections', () => {
  it('a read-only open reads everything and refuses every change', async () => {
    const ro = await tracked(openReadOnly('xen:///', stack.options()));
    expect(engineOf(ro).driverNames).toEqual(['Xen', 'XenDaemon', 'XenStore']);
    const pv = await ro.lookupByName('pvtest');
    expect((await pv.info()).memory).toBe(420 * 1024);
    for (const change of [() => pv.suspend(), () => pv.destroy(), () => pv.setMemory(200 * 1024), () => pv.shutdown(), () => ro.createLinux(PV_XML)]) {
      await expect(change()).rejects.toSatisfy(virtError('OPERATION_DENIED'));
    }
    expect(stack.xend.state.lookup('pvtest')?.state).not.toBe('paused');
  });

  it('a read-only open without xend or the hypervisor keeps xenstore, which answers from its tree', async () => {
    const ro = await tracked(openReadOnly('xen:///', { ...stack.options(), xendSocket: join(stack.dir, 'absent'), useHypervisor: false }));
    expect(engineOf(ro).driverNames).toEqual(['XenStore']);
    expect(await ro.listDomains()).toEqual([0, 3, 6]);
    const pv = await ro.lookupByName('pvtest');
    expect(pv.ID()).toBe(6);
    expect(pv.UUIDString()).toBe(PV_UUID);
    expect(await pv.info()).toMatchObject({ state: DomainState.RUNNING, memory: 420 * 1024, maxMem: 420 * 1024, nrVirtCpu: 2 });
    expect(await pv.OSType()).toBe('linux');
  });

  it('a read-only open asks libvirt_proxy first when one runs', async () => {
    const proxySocket = `\0${join(stack.dir, 'proxy')}`;
    const xend = await XendDriver.open({ kind: 'socket', path: join(stack.dir, 'xend-socket') }, {});
    const proxy = await startProxyServer({ socketName: proxySocket, source: xend });
    try {
      const ro = await tracked(openReadOnly('xen:///', { ...stack.options(), useHypervisor: false, proxySocket }));
      expect(engineOf(ro).driverNames).toEqual(['XenProxy', 'XenDaemon', 'XenStore']);
      expect(await ro.listDomains()).toEqual([0, 3, 6]);
      const pv = await ro.lookupByName('pvtest');
      expect(pv.UUIDString()).toBe(PV_UUID);
      expect((await pv.info()).memory).toBe(420 * 1024);
      const asked = new Set(proxy.requests.map((r) => r.command));
      expect([ProxyCommand.LIST, ProxyCommand.LOOKUP_NAME, ProxyCommand.DOMAIN_INFO].every((c) => asked.has(c))).toBe(true);
      // the proxy has no getOSType: xend, next in line, answers it
      expect(await pv.OSType()).toBe('linux');
    } finally {
      await proxy.close();
    }
  });

  it('a read-write open fails as a whole when xend cannot be reached (xend-era drivers: no xenlight without the hypervisor)', async () => {
    const opening = open('xen:///', { ...stack.options(), xendSocket: join(stack.dir, 'absent'), useHypervisor: false });
    await expect(opening).rejects.toSatisfy(virtError('NO_CONNECT', 'XEND'));
  });

  it('a Xen 4.17 host whose xend does not answer is the xenlight driver\'s alone', async () => {
    const dirs = { xenlightConfigDir: join(stack.dir, 'etc'), xenlightStateDir: join(stack.dir, 'run') };
    const conn = await tracked(open('xen:///', { ...stack.options(), ...dirs, xendSocket: join(stack.dir, 'absent') }));
    expect(engineOf(conn).driverNames).toEqual(['xenlight']);
    expect(await conn.listDomains()).toEqual([0, 3, 6]);
    expect((await conn.lookupByName('pvtest')).UUIDString()).toBe(PV_UUID);
  });

  it('a read-write open fails as a whole when the hypervisor is not there', async () => {
    const opening = open('xen:///', { ...stack.options(), hypervisor: { devices: [join(stack.dir, 'no-privcmd')] } });
    await expect(opening).rejects.toSatisfy(virtError('NO_XEN', 'XEN'));
  });

  it('opens xend alone over TCP for http://host:port', async () => {
    const tcp = await startFakeXend({ port: 0 }, SEED);
    try {
      const remote = await tracked(open(tcp.url));
      expect(engineOf(remote).driverNames).toEqual(['XenDaemon']);
      expect(await remote.listDomains()).toEqual([0, 3, 6]);
      const pv = await remote.lookupByUUIDString(PV_UUID);
      await pv.suspend();
      expect(tcp.state.lookup('pvtest')?.state).toBe('paused');
      await remote[Symbol.asyncDispose]();
    } finally {
      await tcp.close();
    }
  });

  it('opens xend alone by its socket path, with 0.1.3-style type and no hypervisor', async () => {
    const direct = await tracked(open(join(stack.dir, 'xend-socket')));
    expect(engineOf(direct).driverNames).toEqual(['XenDaemon']);
    expect(await direct.listDomains()).toEqual([0, 3, 6]);
    expect(await direct.getVersion()).toBe(3_000_002);
    // xend's xen_caps of the fake Xen 3.0.2 node: PV guests on i686 only
    expect(await direct.getCapabilities()).toMatch(/<arch>i686<\/arch>[\s\S]*<os_type>xen<\/os_type>\n {4}<arch name='i686'>/);
    const pv = await direct.lookupByName('pvtest');
    expect((await pv.info()).state).toBe(DomainState.RUNNING);
  });
});
