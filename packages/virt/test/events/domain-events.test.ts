import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Connection,
  type DomainEvent,
  DomainEventType,
  open,
  openReadOnly,
  VirtError,
} from '../../src/index.js';
import { type DomainEventSink, type DriverFactory, registerDriver, unregisterDriver } from '../../src/driver-author.js';
import { type Libvirtd, libvirtdMissing, startLibvirtd } from '@libvirt-ts/remote/testing';
import { expectVirtError } from '../helpers/expect-virt-error.js';
import { eventNames, takeEvents } from '../helpers/event-lines.js';
import { quietErrors } from '../helpers/quiet-errors.js';
import { fixture, runLifecycleScript, virsh9LifecycleLines } from './lifecycle-script.js';

quietErrors();


const capitalized = (name: string) => name[0] + name.slice(1).toLowerCase();
/** An event as virsh 9's `event` prints these simple names. */
function asVirshLine(event: DomainEvent): string {
  const [type, detail] = eventNames(event);
  return `event 'lifecycle' for domain '${event.domain.name()}': ${capitalized(type)} ${capitalized(detail)}`;
}

/** Reads `n` events from `events`, failing the test rather than hanging if fewer come. */
const take = (events: AsyncIterator<DomainEvent>, n: number) => takeEvents(events, n, 2000);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'virt-events-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('domain lifecycle events on the test driver', () => {
  it("emits libvirt 9's events, in its order, for virsh 9's script through libvirtd (stored capture)", async () => {
    const expected = await virsh9LifecycleLines();
    await using watcher = await openReadOnly('test:///default');
    await using actor = await open('test:///default');
    const events = watcher.domainEvents();
    await runLifecycleScript(actor, dir);
    expect((await take(events, expected.length)).map(asVirshLine)).toEqual(expected);
    await events.return?.();
  });

  it('delivers to every subscriber and connection sharing the node, filtered by domain and by event type', async () => {
    await using a = await open('test:///default');
    await using b = await open('test:///default');
    const test = await a.lookupByName('test');
    const all = b.domainEvents();
    const onlyTest = b.domainEvents({ domain: await b.lookupByName('test'), events: [DomainEventType.RESUMED] });
    const other = await a.createXML(await fixture('ev2.xml'));
    await other.suspend();
    await test.suspend();
    await other.resume();
    await test.resume();
    const [resumed] = await take(onlyTest, 1);
    expect(resumed?.domain.name()).toBe('test');
    expect(resumed?.event).toBe(DomainEventType.RESUMED);
    expect(resumed?.domain).toBe(await b.lookupByName('test'));
    expect(resumed?.timestamp).toBeInstanceOf(Date);
    const names = (await take(all, 5)).map((e) => `${e.domain.name()} ${e.event}`);
    expect(names).toEqual([
      `ev2 ${DomainEventType.STARTED}`,
      `ev2 ${DomainEventType.SUSPENDED}`,
      `test ${DomainEventType.SUSPENDED}`,
      `ev2 ${DomainEventType.RESUMED}`,
      `test ${DomainEventType.RESUMED}`,
    ]);
    await other.destroy();
  });

  it('a subscriber that stops reading gets OVERFLOW after the events it had room for', async () => {
    await using conn = await open('test:///default');
    const test = await conn.lookupByName('test');
    const slow = conn.domainEvents({ queueLimit: 3 });
    const reader = conn.domainEvents();
    for (let i = 0; i < 4; i++) {
      await test.suspend();
      await test.resume();
    }
    expect((await take(slow, 3)).map((e) => e.event)).toEqual([DomainEventType.SUSPENDED, DomainEventType.RESUMED, DomainEventType.SUSPENDED]);
    const overflow = await slow.next().catch((e: unknown) => e);
    expect(VirtError.isInstance(overflow) && overflow.code).toBe('OVERFLOW');
    expect((overflow as VirtError).domain).toBe('EVENT');
    expect(await slow.next()).toEqual({ value: undefined, done: true });
    // the others are not affected
    expect(await take(reader, 8)).toHaveLength(8);
  });

  it('aborting the signal ends the loop with its reason; break ends it quietly; close ends every loop', async () => {
    const conn = await open('test:///default');
    const controller = new AbortController();
    const aborted = (async () => {
      for await (const _ of conn.domainEvents({ signal: controller.signal })) {
        // nothing comes
      }
    })();
    controller.abort(new Error('stop listening'));
    await expect(aborted).rejects.toThrow('stop listening');

    const test = await conn.lookupByName('test');
    let seen = 0;
    const broken = (async () => {
      for await (const _ of conn.domainEvents()) {
        seen++;
        break;
      }
    })();
    await test.suspend();
    await test.resume();
    await broken;
    expect(seen).toBe(1);

    const ended = (async () => {
      const got: DomainEvent[] = [];
      for await (const event of conn.domainEvents()) got.push(event);
      return got;
    })();
    await conn.close();
    expect(await ended).toEqual([]);
    expect(() => conn.domainEvents()).toThrow(VirtError);
  });
});

const noDaemon = libvirtdMissing();
describe.skipIf(noDaemon)(`domain events through libvirtd 9 (the remote driver)${noDaemon ? ` (skipped: ${noDaemon})` : ''}`, () => {
  let daemon: Libvirtd;
  beforeAll(async () => {
    daemon = await startLibvirtd();
  });
  afterAll(() => daemon?.stop());

  it("libvirtd's test driver's events for the same script equal virsh 9's capture", async () => {
    const expected = await virsh9LifecycleLines();
    await using watcher = await open(daemon.unixUri);
    await using actor = await open(daemon.unixUri);
    const events = watcher.domainEvents();
    // the registration reaches libvirtd before the first action
    await new Promise((resolve) => setTimeout(resolve, 200));
    await runLifecycleScript(actor, dir);
    expect((await take(events, expected.length)).map(asVirshLine)).toEqual(expected);
    await events.return?.();
  });

  it('a libvirtd that dies ends the subscription with a typed error', async () => {
    const short = await startLibvirtd();
    const conn = await open(short.unixUri);
    const events = conn.domainEvents();
    await new Promise((resolve) => setTimeout(resolve, 200));
    short.signal('SIGKILL');
    const error = await events.next().catch((e: unknown) => e);
    expect(VirtError.isInstance(error)).toBe(true);
    await conn.close().catch(() => undefined);
    await short.stop();
  });
});

describe('domain events and drivers', () => {
  let subscribed = 0;
  let unsubscribed = 0;
  let sink: DomainEventSink | undefined;
  const factory: DriverFactory = {
    name: 'Eventful',
    priority: 160,
    version: 1,
    async open(request) {
      if (request.uri?.scheme === 'quiet') return { name: 'Quiet', close: async () => {} };
      if (request.uri?.scheme !== 'eventful') return undefined;
      return {
        name: 'Eventful',
        close: async () => {},
        lookupByName: async (name: string) => ({ id: 1, name, uuid: new Uint8Array(16).fill(1) }),
        domainEventSubscribe: async (s: DomainEventSink) => {
          subscribed++;
          sink = s;
          return async () => {
            unsubscribed++;
            sink = undefined;
          };
        },
      };
    },
  };
  beforeAll(() => registerDriver(factory));
  afterAll(() => unregisterDriver('Eventful'));
  const emit = (name: string) => sink?.event({ ref: { id: 1, name, uuid: new Uint8Array(16).fill(1) }, event: DomainEventType.STARTED, detail: 0 });

  it('holds one driver subscription while anybody listens, and drops it when the last one leaves', async () => {
    await using conn = await open('eventful:///');
    const first = conn.domainEvents();
    const second = conn.domainEvents();
    await new Promise((resolve) => setImmediate(resolve));
    expect({ subscribed, unsubscribed }).toEqual({ subscribed: 1, unsubscribed: 0 });
    emit('x');
    expect((await first.next()).value?.domain.name()).toBe('x');
    expect((await second.next()).value?.domain).toBe(await conn.lookupByName('x'));
    await first.return?.();
    expect(unsubscribed).toBe(0);
    await second.return?.();
    await new Promise((resolve) => setImmediate(resolve));
    expect({ subscribed, unsubscribed }).toEqual({ subscribed: 1, unsubscribed: 1 });
  });

  it('a source that breaks ends its subscribers with the error; a later subscription starts afresh', async () => {
    await using conn = await open('eventful:///');
    const events = conn.domainEvents();
    await new Promise((resolve) => setImmediate(resolve));
    sink?.fail(new VirtError({ code: 'RPC', domain: 'REMOTE', info: 'connection lost' }));
    await expectVirtError(events.next(), 'RPC', 'connection lost');
    const again = conn.domainEvents();
    await new Promise((resolve) => setImmediate(resolve));
    emit('y');
    expect((await again.next()).value?.domain.name()).toBe('y');
    await again.return?.();
  });

  it('a connection whose drivers have no events fails the first read with NO_SUPPORT', async () => {
    await using conn: Connection = await open('quiet:///');
    await expectVirtError(
      conn.domainEvents().next(),
      'NO_SUPPORT',
      'this function is not supported by the connection driver: virConnectDomainEventRegisterAny',
    );
  });
});
