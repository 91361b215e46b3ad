import { join } from 'node:path';
import { XenstoreClient } from '@libvirt-ts/xenstore';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Connection,
  type Domain,
  type DomainEvent,
  open,
  openReadOnly,
  VirtError,
} from '../../src/index.js';
import { takeEventLines } from '../helpers/event-lines.js';
import type { XenOpenOptions } from '../../src/drivers/xen/xen-options.js';
import { quietErrors } from '../helpers/quiet-errors.js';
import { startXenStack, type XenStack } from './helpers/xen-stack.js';

quietErrors();

/** Xen 3.1.0: xend config format 4, which keeps managed (defined, inactive) domains. */
const XEN_3_1 = { node: { xen_minor: 1, xen_extra: '.0' } };

const guestXml = (name: string, uuid: string) => `<domain type='xen'>
  <name>${name}</name>
  <uuid>${uuid}</uuid>
  <memory>262144</memory>
  <vcpu>1</vcpu>
  <os><type>linux</type><kernel>/boot/vmlinuz-xen</kernel></os>
</domain>`;
const GUEST = guestXml('xendguest', '7c0a2b5e-1d3f-4e6a-9b8c-2d4e6f8a0b1c');


/** Subscribes and waits for its first look at Xen: a marker defined and undefined comes back only then. */
async function subscribe(conn: Connection): Promise<AsyncIterableIterator<DomainEvent>> {
  const events = conn.domainEvents();
  const marker = await conn.defineXML(guestXml('marker', '99999999-8888-7777-6666-555555555555'));
  await marker.undefine();
  expect(await takeEventLines(events, 2)).toEqual(['marker DEFINED ADDED', 'marker UNDEFINED REMOVED']);
  return events;
}

/** What xend writes on a real host once it has built a domain: its name in xenstore (the fake xend writes none). */
async function announce(dom: Domain): Promise<void> {
  const xs = await XenstoreClient.connect({ path: join(stack.dir, 'xenstored-socket') });
  try {
    await xs.write(`/local/domain/${dom.ID()}/name`, dom.name());
  } finally {
    await xs.close();
  }
}

let stack: XenStack;
const connections: Connection[] = [];

async function connect(options: Partial<XenOpenOptions> = {}, readOnly = false): Promise<Connection> {
  const all = { ...stack.options(), ...options };
  const conn = readOnly ? await openReadOnly('xen:///', all) : await open('xen:///', all);
  connections.push(conn);
  return conn;
}

afterEach(async () => {
  for (const conn of connections.splice(0)) await conn.close();
  await stack?.close();
});

describe('domain events on a Xen host that runs xend (fake xend, our xenstored, simulated privcmd)', () => {
  for (const [who, options] of [
    ['root: the hypervisor lists the domains', {}],
    ['not root: xend lists the domains', { useHypervisor: false }],
  ] as const) {
    it(`${who}; create, pause, resume, destroy by another connection, in order`, async () => {
      stack = await startXenStack(XEN_3_1);
      const watcher = await connect(options);
      const actor = await connect(options);
      const events = await subscribe(watcher);
      const dom = await actor.createXML(GUEST);
      await announce(dom);
      expect(await takeEventLines(events, 1)).toEqual(['xendguest STARTED BOOTED']);
      await dom.suspend();
      expect(await takeEventLines(events, 1)).toEqual(['xendguest SUSPENDED PAUSED']);
      await dom.resume();
      expect(await takeEventLines(events, 1)).toEqual(['xendguest RESUMED UNPAUSED']);
      await dom.destroy();
      expect(await takeEventLines(events, 1)).toEqual(['xendguest STOPPED DESTROYED']);
    });
  }

  it('tells define (added, then updated), a start of the defined domain and undefine on Xen 3.1', async () => {
    stack = await startXenStack(XEN_3_1);
    const conn = await connect();
    const events = await subscribe(conn);
    const defined = await conn.defineXML(GUEST);
    await conn.defineXML(GUEST);
    expect(await takeEventLines(events, 2)).toEqual(['xendguest DEFINED ADDED', 'xendguest DEFINED UPDATED']);
    await defined.create();
    await announce(await conn.lookupByName('xendguest'));
    expect(await takeEventLines(events, 1)).toEqual(['xendguest STARTED BOOTED']);
    await (await conn.lookupByName('xendguest')).destroy();
    expect(await takeEventLines(events, 1)).toEqual(['xendguest STOPPED DESTROYED']);
    await (await conn.lookupByName('xendguest')).undefine();
    expect(await takeEventLines(events, 1)).toEqual(['xendguest UNDEFINED REMOVED']);
  });

  it('ends every iteration when the connection closes', async () => {
    stack = await startXenStack(XEN_3_1);
    const conn = await connect();
    const events = await subscribe(conn);
    const next = events.next();
    connections.splice(connections.indexOf(conn), 1);
    await conn.close();
    expect(await next).toEqual({ done: true, value: undefined });
  });

  it('is NO_SUPPORT on a read-only connection with neither the hypervisor nor xenstore (only xend)', async () => {
    stack = await startXenStack(XEN_3_1);
    const missing = join(stack.dir, 'no-xenstored');
    const conn = await connect({ useHypervisor: false, xenstoredSocket: missing, xenstoredSocketRo: missing }, true);
    expect(await conn.listDomains()).not.toHaveLength(0);
    const error = await conn.domainEvents().next().then(() => undefined, (e: unknown) => e);
    expect(VirtError.isInstance(error) && error.code).toBe('NO_SUPPORT');
  });
});
