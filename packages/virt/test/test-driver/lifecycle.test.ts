import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Connection, DomainState, open, RunningReason, ShutoffReason, PausedReason } from '../../src/index.js';
import { expectVirtError } from '../helpers/expect-virt-error.js';
import { readFixture } from '../helpers/fixtures.js';
import { quietErrors } from '../helpers/quiet-errors.js';
import { expectResetsLikeLibvirt9 } from '../helpers/reset-steps.js';

quietErrors();

let conn: Connection;
beforeEach(async () => {
  conn = await open('test:///default');
});
afterEach(async () => {
  await conn[Symbol.asyncDispose]();
});

describe('test:///default lifecycle (libvirt 9 rules and messages)', () => {
  it('starts with test running as id 1, reason unknown', async () => {
    const dom = await conn.lookupByName('test');
    expect(dom.ID()).toBe(1);
    expect(await dom.state()).toEqual({ state: DomainState.RUNNING, reason: RunningReason.UNKNOWN });
    expect(await dom.info()).toMatchObject({ state: DomainState.RUNNING, maxMem: 8388608, memory: 2097152, nrVirtCpu: 2 });
  });

  it('suspends and resumes, refusing the wrong state with libvirt 9 text', async () => {
    const dom = await conn.lookupByName('test');
    await expectVirtError(dom.resume(), 'INTERNAL_ERROR', "internal error: domain 'test' not paused", 'TEST');
    await dom.suspend();
    expect(await dom.state()).toEqual({ state: DomainState.PAUSED, reason: PausedReason.USER });
    await expectVirtError(dom.suspend(), 'INTERNAL_ERROR', "internal error: domain 'test' not running");
    await dom.resume();
    expect(await dom.state()).toEqual({ state: DomainState.RUNNING, reason: RunningReason.UNPAUSED });
    // A paused guest shuts down too (virsh 9: suspend; shutdown → shut off (shutdown)).
    await dom.suspend();
    await dom.shutdown();
    expect(await dom.state()).toEqual({ state: DomainState.SHUTOFF, reason: ShutoffReason.SHUTDOWN });
    await expectVirtError(dom.shutdown(), 'INTERNAL_ERROR', "internal error: domain 'test' not running");
  });

  it('shuts down at once, starts with a new id, destroys', async () => {
    const dom = await conn.lookupByName('test');
    await dom.shutdown();
    expect(await dom.state()).toEqual({ state: DomainState.SHUTOFF, reason: ShutoffReason.SHUTDOWN });
    expect(await conn.listDomains()).toEqual([]);
    expect(await conn.listDefinedDomains()).toEqual(['test']);
    await expectVirtError(dom.destroy(), 'OPERATION_INVALID', 'Requested operation is not valid: domain is not running');
    await expectVirtError(dom.reboot(), 'OPERATION_INVALID', 'Requested operation is not valid: domain is not running');
    await dom.create();
    expect(dom.ID()).toBe(2);
    await expectVirtError(dom.create(), 'INTERNAL_ERROR', "internal error: Domain 'test' is already running");
    await dom.reboot();
    expect(await dom.state()).toEqual({ state: DomainState.RUNNING, reason: RunningReason.BOOTED });
    expect(dom.ID()).toBe(2);
    await dom.destroy();
    expect(dom.ID()).toBe(-1);
    expect(await dom.state()).toEqual({ state: DomainState.SHUTOFF, reason: ShutoffReason.DESTROYED });
    await dom.create();
    expect(dom.ID()).toBe(3);
  });

  it('shuts down by the <on_poweroff> action: restart keeps the guest running', async () => {
    const xml = "<domain type='test'><name>r</name><memory>1024</memory><os><type>hvm</type></os><on_poweroff>restart</on_poweroff></domain>";
    const dom = await conn.createXML(xml);
    await dom.shutdown();
    expect(await dom.state()).toEqual({ state: DomainState.RUNNING, reason: RunningReason.BOOTED });
  });

  it('refuses creation flags as libvirt 9 test driver, and reboots by the <on_reboot> action', async () => {
    const xml = "<domain type='test'><name>p</name><memory>1024</memory><os><type>hvm</type></os><on_reboot>destroy</on_reboot></domain>";
    await expectVirtError(conn.createXML(xml, 1), 'INVALID_ARG', 'unsupported flags (0x1) in function testDomainCreateXML');
    const dom = await conn.createXML(xml);
    await dom.reboot();
    await expectVirtError(dom.info(), 'NO_DOMAIN', `Domain not found: no domain with matching uuid '${dom.UUIDString()}' (p)`);
  });

  it("resets as libvirt 9's testDomainReset: in place when active, refused when not", async () => {
    await expectResetsLikeLibvirt9(conn);
  });

  it('dumps the default domain exactly as virsh 9 does', async () => {
    const dom = await conn.lookupByName('test');
    expect(`${await dom.XMLDesc()}\n`).toBe(readFixture('peer-virsh/dumpxml-test.xml'));
  });

  it('reports capabilities exactly as virsh 9 does', async () => {
    // virsh prints the document, a newline, then its per-command newline.
    expect(`${await conn.getCapabilities()}\n\n`).toBe(readFixture('peer-virsh/capabilities-default.xml'));
  });
});
