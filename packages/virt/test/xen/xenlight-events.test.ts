import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Connection,
  type DomainEvent,
  DomainEventType,
  open,
  VirtError,
} from '../../src/index.js';
import { takeEventLines } from '../helpers/event-lines.js';
import { quietErrors } from '../helpers/quiet-errors.js';
import { type ModernXenHost, startModernXenHost } from './helpers/modern-xen-host.js';

quietErrors();

const guestXml = (name: string, uuid: string) => `<domain type='xen'>
  <name>${name}</name>
  <uuid>${uuid}</uuid>
  <memory unit='KiB'>131072</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='xenpv'>linux</type><kernel>/proc/self/exe</kernel></os>
</domain>
`;
const GUEST = guestXml('tinyguest', '564bc8e5-215e-47b8-bf0b-60855445a423');


/**
 * Subscribes and waits until the subscription has taken its first look at Xen (what exists then is
 * not news): a definition written and removed through the watcher comes back as events only then.
 */
async function subscribe(conn: Connection, options: Parameters<Connection['domainEvents']>[0] = {}): Promise<AsyncIterableIterator<DomainEvent>> {
  const events = conn.domainEvents(options);
  const all = options.domain || options.events ? conn.domainEvents() : events;
  const marker = await conn.defineXML(guestXml('marker', '99999999-8888-7777-6666-555555555555'));
  await marker.undefine();
  expect(await takeEventLines(all, 2)).toEqual(['marker DEFINED ADDED', 'marker UNDEFINED REMOVED']);
  if (all !== events) await all.return?.();
  return events;
}

let host: ModernXenHost;
let watcher: Connection;
let actor: Connection;

beforeEach(async () => {
  host = await startModernXenHost();
  watcher = await open('xen:///system', host.options());
  actor = await open('xen:///system', host.options());
});

afterEach(async () => {
  await watcher?.close();
  await actor?.close();
  await host.close();
});

describe('xenlight domain events (our xenstored and a simulated Xen)', () => {
  it('reports create, pause, resume and destroy done by another connection, as libvirt 9 does', async () => {
    // Another connection is as another process: a pause fires no xenstore watch, the poll sees it
    // (so each step waits for its event, as a person at a shell would be slower than the poll)
    const events = await subscribe(watcher);
    const dom = await actor.createXML(GUEST);
    expect(await takeEventLines(events, 1)).toEqual(['tinyguest STARTED BOOTED']);
    await dom.suspend();
    expect(await takeEventLines(events, 1)).toEqual(['tinyguest SUSPENDED PAUSED']);
    await dom.resume();
    expect(await takeEventLines(events, 1)).toEqual(['tinyguest RESUMED UNPAUSED']);
    await dom.destroy();
    expect(await takeEventLines(events, 1)).toEqual(['tinyguest STOPPED DESTROYED']);
  });

  it('tells each change before the call on the same connection returns', async () => {
    const events = await subscribe(actor);
    const dom = await actor.createXML(GUEST);
    expect(await takeEventLines(events, 1)).toEqual(['tinyguest STARTED BOOTED']);
    await dom.suspend();
    expect(await takeEventLines(events, 1)).toEqual(['tinyguest SUSPENDED PAUSED']);
    await events.return?.();
  });

  it('reports define (added, then updated), a paused start, its resume, shutdown and undefine', async () => {
    const events = await subscribe(watcher);
    const defined = await watcher.defineXML(GUEST);
    await watcher.defineXML(GUEST);
    await defined.create();
    expect(await takeEventLines(events, 3)).toEqual(['tinyguest DEFINED ADDED', 'tinyguest DEFINED UPDATED', 'tinyguest STARTED BOOTED']);
    const paused = await actor.createXML(guestXml('pausedguest', '11111111-2222-3333-4444-555555555555'), 1 /* START_PAUSED */);
    expect(await paused.state()).toMatchObject({ state: 3 });
    await paused.resume();
    expect(await takeEventLines(events, 2)).toEqual(['pausedguest STARTED BOOTED', 'pausedguest RESUMED UNPAUSED']);
    const running = await watcher.lookupByName('tinyguest');
    await host.guestShutdown(running.ID(), 'poweroff');
    expect(await takeEventLines(events, 1)).toEqual(['tinyguest STOPPED SHUTDOWN']);
    await host.guestShutdown(paused.ID(), 'crash');
    expect(await takeEventLines(events, 1)).toEqual(['pausedguest STOPPED CRASHED']);
    host.xen.domains.delete(running.ID()); // the toolstack reaps the shut-down domain: no second STOPPED
    await (await watcher.lookupByName('tinyguest')).undefine();
    expect(await takeEventLines(events, 1)).toEqual(['tinyguest UNDEFINED REMOVED']);
  });

  it('filters by domain and event type', async () => {
    const dom = await actor.defineXML(GUEST);
    const onlyStops = await subscribe(watcher, { domain: await watcher.lookupByName('tinyguest'), events: [DomainEventType.STOPPED] });
    await (await actor.createXML(guestXml('other', '11111111-2222-3333-4444-555555555555'))).destroy();
    await dom.create();
    await (await actor.lookupByName('tinyguest')).destroy();
    expect(await takeEventLines(onlyStops, 1)).toEqual(['tinyguest STOPPED DESTROYED']);
  });

  it('ends the subscription with an error when xenstored goes away', async () => {
    const events = await subscribe(watcher);
    await host.xenstored.close();
    const error = await events.next().then(() => undefined, (e: unknown) => e);
    expect(VirtError.isInstance(error)).toBe(true);
  });
});
