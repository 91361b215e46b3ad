import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Connection, engineOf } from '../../src/connection.js';
import { open } from '../../src/open.js';
import { DomainState, DomainVcpuFlags, DomainXMLFlags, PausedReason, RunningReason, ShutoffReason } from '../../src/constants.js';
import { VirtError } from '../../src/errors/virt-error.js';
import { quietErrors } from '../helpers/quiet-errors.js';
import { type ModernXenHost, startModernXenHost } from './helpers/modern-xen-host.js';

quietErrors();

/** Xen's DOMINF_blocked: the guest's vCPUs wait for events (xl list shows b). */
const BLOCKED = 1 << 4;

/** Awaits `promise`, expecting a VirtError with this code (and message, exact or matching). */
async function rejectsWith(promise: Promise<unknown>, expected: { code: string; message?: string | RegExp }): Promise<void> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(VirtError.isInstance(error), `expected a VirtError, got ${String(error)}`).toBe(true);
  const { code, message } = error as VirtError;
  expect(code).toBe(expected.code);
  if (typeof expected.message === 'string') expect(message).toBe(expected.message);
  else if (expected.message) expect(message).toMatch(expected.message);
}

/** The tiny PV guest of the real-Xen harness, as libvirt 9's domxml-from-native gives it. */
const GUEST_UUID = '564bc8e5-215e-47b8-bf0b-60855445a423';
const guestXml = (kernel = '/proc/self/exe', name = 'tinyguest', uuid = GUEST_UUID) => `<domain type='xen'>
  <name>${name}</name>
  <uuid>${uuid}</uuid>
  <memory unit='KiB'>131072</memory>
  <currentMemory unit='KiB'>131072</currentMemory>
  <vcpu placement='static'>2</vcpu>
  <os>
    <type arch='x86_64' machine='xenpv'>linux</type>
    <kernel>${kernel}</kernel>
    <cmdline>console=hvc0 quiet</cmdline>
  </os>
  <on_poweroff>destroy</on_poweroff>
</domain>
`;

let host: ModernXenHost;
let conn: Connection;

beforeEach(async () => {
  host = await startModernXenHost();
  conn = await open('xen:///system', host.options());
});

afterEach(async () => {
  await conn?.close();
  await host.close();
});

describe('xenlight driver: a Xen host without xend', () => {
  it('is the only driver xen:/// opens when xend does not answer, without waiting', async () => {
    const started = Date.now();
    const other = await open('xen:///', host.options());
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(engineOf(other).driverNames).toEqual(['xenlight']);
    expect(await other.getType()).toBe('Xen');
    await other.close();
  });

  it('shows Domain-0 as libvirt 9 does', async () => {
    expect(await conn.listDomains()).toEqual([0]);
    const dom0 = await conn.lookupByID(0);
    expect(dom0.name()).toBe('Domain-0');
    expect(dom0.UUIDString()).toBe('00000000-0000-0000-0000-000000000000');
    expect(await dom0.info()).toMatchObject({ state: DomainState.RUNNING, maxMem: 1_048_576, memory: 1_048_576, nrVirtCpu: 1 });
    expect(await dom0.state()).toEqual({ state: DomainState.RUNNING, reason: 0 });
    expect(await dom0.OSType()).toBe('xen');
    expect(await dom0.isPersistent()).toBe(true);
    expect(await dom0.XMLDesc()).toBe(`<domain type='xen' id='0'>
  <name>Domain-0</name>
  <uuid>00000000-0000-0000-0000-000000000000</uuid>
  <memory unit='KiB'>1048576</memory>
  <currentMemory unit='KiB'>1048576</currentMemory>
  <vcpu placement='static'>1</vcpu>
  <os>
    <type>linux</type>
  </os>
  <clock offset='utc'/>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>destroy</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
  </devices>
</domain>
`);
    await rejectsWith(dom0.suspend(), { code: 'OPERATION_INVALID', message: 'Requested operation is not valid: Domain-0 does not support requested operation' });
  });

  it('reads the node with sysctl physinfo, one socket as libvirt 9 reports', async () => {
    expect(await conn.nodeGetInfo()).toEqual({ model: 'x86_64', memory: 2_096_624, cpus: 2, mhz: 2096, nodes: 1, sockets: 1, cores: 2, threads: 1 });
    expect(await conn.getVersion()).toBe(4_017_000);
    const caps = await conn.getCapabilities();
    expect(caps).toContain("<topology sockets='1' dies='1' cores='2' threads='1'/>");
    // libvirt's CPU map names the host CPU from hw_cap (where libvirt0 installed the map)
    if (existsSync('/usr/share/libvirt/cpu_map/index.xml')) {
      expect(caps).toContain("<model>Westmere</model>\n      <topology sockets='1' dies='1' cores='2' threads='1'/>\n      <feature name='ht'/>");
    }
    const noMap = await open('xen:///system', { ...host.options(), cpuMapDir: join(host.dir, 'no-cpu-map') });
    expect(await noMap.getCapabilities()).not.toContain('<model>');
    await noMap.close();
    // the cell is numainfo's node, not physinfo's total (2096624 KiB)
    expect(caps).toContain("<cell id='0'>\n          <memory unit='KiB'>2097012</memory>\n          <distances>\n            <sibling id='0' value='10'/>");
    expect(caps).toContain('<os_type>xen</os_type>');
  });

  it('creates a guest through xl from its XML, and answers as libvirt 9 for it', async () => {
    const dom = await conn.createXML(guestXml());
    expect(host.xl.commands).toEqual(['create']);
    expect(dom.ID()).toBe(1);
    expect(await host.read('/local/domain/1/name')).toBe('tinyguest');
    expect(await dom.state()).toEqual({ state: DomainState.RUNNING, reason: 1 });
    expect(await dom.isPersistent()).toBe(false);
    const xml = await dom.XMLDesc();
    expect(xml).toContain("<domain type='xen' id='1'>");
    expect(xml).toContain("<console type='pty' tty='/dev/pts/1'>\n      <source path='/dev/pts/1'/>\n      <target type='xen' port='0'/>");
    expect(xml).toContain("<controller type='xenbus' index='0'/>");
    expect(xml).toContain("<input type='keyboard' bus='xen'/>");
    await rejectsWith(conn.createXML(guestXml()), { code: 'OPERATION_INVALID', message: "Requested operation is not valid: domain 'tinyguest' is already active" });
    expect((await conn.lookupByUUIDString(GUEST_UUID)).name()).toBe('tinyguest');
  });

  it('pauses and unpauses by hypercall, with libvirt 9 reasons; destroys', async () => {
    const dom = await conn.createXML(guestXml());
    await dom.suspend();
    await dom.suspend(); // already paused: no error, as libvirt 9
    expect(await dom.state()).toEqual({ state: DomainState.PAUSED, reason: 1 });
    await dom.resume();
    expect(await dom.state()).toEqual({ state: DomainState.RUNNING, reason: 5 });
    await dom.destroy();
    expect(host.xen.domains.has(1)).toBe(false);
    await rejectsWith(conn.lookupByName('tinyguest'), { code: 'NO_DOMAIN' });
  });

  it('a guest Xen shows blocked (idle) is running, as libvirt 9 tracks it; one xl rebuilt on reboot is freshly booted', async () => {
    const dom = await conn.createXML(guestXml());
    host.xen.domains.get(1)!.flags = BLOCKED;
    expect(await dom.state()).toEqual({ state: DomainState.RUNNING, reason: RunningReason.BOOTED });
    expect((await dom.info()).state).toBe(DomainState.RUNNING);
    await dom.suspend();
    await dom.resume();
    expect(await dom.state()).toEqual({ state: DomainState.RUNNING, reason: RunningReason.UNPAUSED });
    await host.xl.rebuild(1);
    const rebooted = await conn.lookupByName('tinyguest');
    expect(rebooted.ID()).toBe(2);
    expect(await rebooted.state()).toEqual({ state: DomainState.RUNNING, reason: RunningReason.BOOTED });
    await rebooted.suspend();
    expect(await rebooted.state()).toEqual({ state: DomainState.PAUSED, reason: PausedReason.USER });
  });

  it('a persistent domain keeps why it stopped, until undefined', async () => {
    const dom = await conn.defineXML(guestXml());
    await dom.create();
    await dom.destroy();
    const stopped = await conn.lookupByName('tinyguest');
    expect(await stopped.state()).toEqual({ state: DomainState.SHUTOFF, reason: ShutoffReason.DESTROYED });
    await stopped.create();
    expect(await stopped.state()).toEqual({ state: DomainState.RUNNING, reason: RunningReason.BOOTED });
    await stopped.destroy();
    await stopped.undefine();
    const again = await conn.defineXML(guestXml());
    expect(await again.state()).toEqual({ state: DomainState.SHUTOFF, reason: ShutoffReason.UNKNOWN });
    // a transient domain's record goes with it
    await again.undefine();
    await (await conn.createXML(guestXml())).destroy();
    expect(existsSync(join(host.dir, 'run', 'tinyguest.json'))).toBe(false);
  });

  it('shuts down and reboots through the guest control node; balloon and vcpus through xenstore', async () => {
    const dom = await conn.createXML(guestXml());
    await dom.shutdown();
    expect(await host.read('/local/domain/1/control/shutdown')).toBe('poweroff');
    await dom.reboot();
    expect(await host.read('/local/domain/1/control/shutdown')).toBe('reboot');
    await dom.setMemory(100_000);
    expect(await host.read('/local/domain/1/memory/target')).toBe('100000');
    expect(host.xen.domains.get(1)!.maxPages).toBe(BigInt((100_000 + 1024) / 4));
    expect(await dom.XMLDesc()).toContain("<currentMemory unit='KiB'>100000</currentMemory>");
    await rejectsWith(dom.setMemory(300_000), { code: 'INVALID_ARG', message: 'invalid argument: cannot set memory higher than max memory' });
    await dom.setVcpus(1);
    expect(await host.read('/local/domain/1/cpu/0/availability')).toBe('online');
    expect(await host.read('/local/domain/1/cpu/1/availability')).toBe('offline');
    expect((await dom.info()).nrVirtCpu).toBe(1);
    await rejectsWith(dom.setVcpus(3), {
      code: 'INVALID_ARG',
      message: 'invalid argument: requested vcpus is greater than max allowable vcpus for the domain: 3 > 2',
    });
  });

  it('shows graphics passwords only with XML_SECURE, and keeps them in the stored definition', async () => {
    const dom = await conn.defineXML(guestXml().replace('</domain>', "  <devices>\n    <graphics type='vnc' port='-1' passwd='s3cret'/>\n  </devices>\n</domain>"));
    expect(readFileSync(join(host.dir, 'etc', 'tinyguest.xml'), 'utf8')).toContain("passwd='s3cret'");
    expect(await dom.XMLDesc()).toContain("<graphics type='vnc'");
    expect(await dom.XMLDesc()).not.toContain('passwd');
    expect(await dom.XMLDesc(DomainXMLFlags.XML_SECURE)).toContain("passwd='s3cret'");
  });

  it('defines, lists, starts and undefines persistent domains in its own folder', async () => {
    const dom = await conn.defineXML(guestXml());
    const file = join(host.dir, 'etc', 'tinyguest.xml');
    expect(readFileSync(file, 'utf8')).toContain('<name>tinyguest</name>');
    expect(await conn.listDefinedDomains()).toEqual(['tinyguest']);
    expect(await dom.state()).toEqual({ state: DomainState.SHUTOFF, reason: 0 });
    await dom.setAutostart(true);
    expect(await dom.autostart()).toBe(true);
    await dom.setMaxMemory(150_000);
    expect((await dom.info()).maxMem).toBe(150_000);
    await rejectsWith(dom.setMemory(100_000), { code: 'OPERATION_INVALID', message: 'Requested operation is not valid: domain is not running' });
    await dom.create();
    expect(dom.ID()).toBe(1);
    expect((await dom.info()).maxMem).toBe(150_528); // whole MiB once running, as libvirt 9
    expect(await conn.listDefinedDomains()).toEqual([]);
    await dom.undefine();
    expect(existsSync(file)).toBe(false);
    expect(await dom.isPersistent()).toBe(false);
    expect(await dom.isActive()).toBe(true);
    await dom.destroy();
    expect(await conn.listDomains()).toEqual([0]);
  });

  it('saves and restores through xl', async () => {
    const dom = await conn.createXML(guestXml());
    const image = join(host.dir, 'tinyguest.save');
    await dom.save(image);
    expect(await conn.listDomains()).toEqual([0]);
    const restored = await conn.restore(image);
    expect(host.xl.commands).toEqual(['create', 'save 1', 'restore']);
    const again = await conn.lookupByName('tinyguest');
    expect(again.ID()).toBe(2);
    expect(await again.state()).toEqual({ state: DomainState.RUNNING, reason: 3 });
    expect(restored).toBeUndefined();
  });

  it('bad input: xl refusals carry xl words, and leave no domain and no definition', async () => {
    await rejectsWith(conn.createXML(guestXml('/no/such/kernel', 'badkernel', '11111111-2222-3333-4444-555555555555')), {
      code: 'INTERNAL_ERROR',
      message: /^internal error: libxenlight failed to create new domain 'badkernel': libxl: error: .*cannot open \/no\/such\/kernel/,
    });
    expect(await conn.listDomains()).toEqual([0]);
    expect(await conn.listDefinedDomains()).toEqual([]);
    await rejectsWith(conn.createXML('<domain type="xen"><name>bad</name>'), { code: 'XML_DETAIL' });
    await rejectsWith(conn.restore(join(host.dir, 'nothing.save')), { code: 'OPERATION_FAILED', message: /No such file or directory/ });
  });

  it('a domain that vanishes between lookup and call is NO_DOMAIN', async () => {
    const dom = await conn.createXML(guestXml());
    host.xen.domains.delete(1);
    await rejectsWith(dom.suspend(), { code: 'NO_DOMAIN', message: `Domain not found: no domain with matching uuid '${GUEST_UUID}' (tinyguest)` });
    await rejectsWith(dom.info(), { code: 'NO_DOMAIN' });
    await rejectsWith(dom.setMemory(1000), { code: 'NO_DOMAIN' });
  });

  it('read-only connections see everything and change nothing', async () => {
    const ro = await open('xen:///system', { ...host.options(), readOnly: true });
    expect(engineOf(ro).driverNames).toEqual(['xenlight']);
    expect(await ro.listDomains()).toEqual([0]);
    await rejectsWith((await ro.lookupByID(0)).suspend(), { code: 'OPERATION_DENIED' });
    await ro.close();
  });

  it("converts xl and xm configs both ways, as libvirt 9's libxl driver", async () => {
    const cfg = await conn.domainXMLToNative('xen-xl', guestXml('/boot/vmlinuz'));
    expect(cfg).toContain('name = "tinyguest"\nuuid = "564bc8e5-215e-47b8-bf0b-60855445a423"\nmaxmem = 128\nmemory = 128\nvcpus = 2\n');
    expect(cfg).toContain('kernel = "/boot/vmlinuz"\n');
    const xml = await conn.domainXMLFromNative('xen-xl', cfg);
    expect(xml).toContain("<type arch='x86_64' machine='xenpv'>linux</type>");
    expect(await conn.domainXMLToNative('xen-xl', xml)).toBe(cfg);
    expect(await conn.domainXMLFromNative('xen-xm', 'name = "vm"\nmemory = 64\nkernel = "/boot/vmlinuz"\n')).toContain('<name>vm</name>');
    await rejectsWith(conn.domainXMLFromNative('xen-nonsense', cfg), { code: 'INVALID_ARG', message: 'invalid argument: unsupported config type xen-nonsense' });
    await rejectsWith(conn.domainXMLToNative('xen-nonsense', xml), { code: 'INVALID_ARG', message: 'invalid argument: unsupported config type xen-nonsense' });
  });

  it('CONFIG changes of vcpus and memory go to the definition', async () => {
    const dom = await conn.defineXML(guestXml());
    await dom.setVcpusFlags(1, DomainVcpuFlags.VCPU_CONFIG);
    expect(await dom.XMLDesc()).toContain("<vcpu placement='static' current='1'>2</vcpu>");
  });
});
