import { formatUuid } from '@libvirt-ts/xml-format';
import type { DomainEventType } from '../constants.js';
import { noSupport } from '../dispatch.js';
import type { Domain } from '../domain.js';
import type { DomainRef, Driver, DriverDomainEvent, OpenedDriver } from '../driver.js';
import { toVirtError } from '../errors/to-virt-error.js';
import type { DomainEvent, DomainEventsOptions } from '../types.js';
import { EventSubscription } from './event-subscription.js';

const DEFAULT_QUEUE_LIMIT = 1000;
const REGISTER_API = 'virConnectDomainEventRegisterAny';

interface Subscriber {
  subscription: EventSubscription<DomainEvent>;
  /** The UUID (as text) of the one domain wanted, if any. */
  uuid: string | undefined;
  events: ReadonlySet<number> | undefined;
}

/**
 * A connection's domain events: one subscription to the driver's event source while anybody listens,
 * fanned out to every subscriber's own bounded queue (connection-private, like libvirt's
 * virObjectEventState). The source is the first of the connection's drivers, in priority order, that
 * has events.
 */
export class DomainEventHub {
  readonly #drivers: readonly OpenedDriver[];
  readonly #handle: (ref: DomainRef) => Domain;
  readonly #subscribers = new Set<Subscriber>();
  /** The driver subscription while there are subscribers: resolves to its unsubscribe function. */
  #source: Promise<(() => Promise<void>) | undefined> | undefined;
  #closed = false;

  constructor(drivers: readonly OpenedDriver[], handle: (ref: DomainRef) => Domain) {
    this.#drivers = drivers;
    this.#handle = handle;
  }

  subscribe(options: DomainEventsOptions = {}): AsyncIterableIterator<DomainEvent> {
    const subscriber: Subscriber = {
      subscription: new EventSubscription<DomainEvent>(
        options.queueLimit ?? DEFAULT_QUEUE_LIMIT,
        () => this.#leave(subscriber),
        options.signal,
      ),
      uuid: options.domain ? options.domain.UUIDString() : undefined,
      events: options.events ? new Set<number>(options.events) : undefined,
    };
    if (!subscriber.subscription.open) return subscriber.subscription;
    if (this.#closed) {
      subscriber.subscription.end();
      return subscriber.subscription;
    }
    this.#subscribers.add(subscriber);
    this.#source ??= this.#startSource();
    return subscriber.subscription;
  }

  async #startSource(): Promise<(() => Promise<void>) | undefined> {
    const drivers = this.#drivers.map(({ driver }) => driver);
    const source = drivers.find((driver) => typeof driver.domainEventSubscribe === 'function') as
      | (Driver & Required<Pick<Driver, 'domainEventSubscribe'>>)
      | undefined;
    try {
      if (!source) throw noSupport(REGISTER_API);
      const sink = { event: (e: DriverDomainEvent) => this.#deliver(e), fail: (error: unknown) => this.#failAll(error) };
      return await source.domainEventSubscribe(sink, drivers.filter((driver) => driver !== source));
    } catch (error) {
      this.#failAll(error);
      return undefined;
    }
  }

  #deliver(reported: DriverDomainEvent): void {
    if (this.#closed || this.#subscribers.size === 0) return;
    const uuid = formatUuid(reported.ref.uuid);
    let event: DomainEvent | undefined;
    for (const { subscription, uuid: wanted, events } of this.#subscribers) {
      if (wanted !== undefined && wanted !== uuid) continue;
      if (events && !events.has(reported.event)) continue;
      event ??= {
        domain: this.#handle(reported.ref),
        event: reported.event as DomainEventType,
        detail: reported.detail,
        timestamp: new Date(),
      };
      subscription.push(event);
    }
  }

  /** The source broke (or never started): every current subscriber ends with its error. */
  #failAll(error: unknown): void {
    const err = toVirtError(error);
    for (const { subscription } of [...this.#subscribers]) subscription.fail(err);
  }

  #leave(subscriber: Subscriber): void {
    this.#subscribers.delete(subscriber);
    if (this.#subscribers.size > 0 || !this.#source) return;
    const source = this.#source;
    this.#source = undefined;
    void source.then((unsubscribe) => unsubscribe?.()).catch(() => undefined);
  }

  /** The connection closes: every iteration ends (done), and the driver subscription is dropped. */
  async close(): Promise<void> {
    this.#closed = true;
    // Taken first, so the subscribers leaving below do not unsubscribe it a second time.
    const source = this.#source;
    this.#source = undefined;
    for (const { subscription } of [...this.#subscribers]) subscription.end();
    const unsubscribe = await source?.catch(() => undefined);
    await unsubscribe?.().catch(() => undefined);
  }
}
