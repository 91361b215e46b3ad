import {
  type DomainEvent,
  DomainEventDefinedDetail,
  DomainEventResumedDetail,
  DomainEventStartedDetail,
  DomainEventStoppedDetail,
  DomainEventSuspendedDetail,
  DomainEventType,
  DomainEventUndefinedDetail,
} from '../../src/index.js';

/** Detail enums by event type. */
const DETAILS: Record<number, Record<string, number>> = {
  [DomainEventType.DEFINED]: DomainEventDefinedDetail,
  [DomainEventType.UNDEFINED]: DomainEventUndefinedDetail,
  [DomainEventType.STARTED]: DomainEventStartedDetail,
  [DomainEventType.SUSPENDED]: DomainEventSuspendedDetail,
  [DomainEventType.RESUMED]: DomainEventResumedDetail,
  [DomainEventType.STOPPED]: DomainEventStoppedDetail,
};
const nameOf = (table: Record<string, number>, value: number) => Object.keys(table).find((k) => table[k] === value) ?? String(value);

/** The names of an event's type and detail in libvirt's enums: ['STARTED', 'BOOTED']. */
export const eventNames = ({ event, detail }: DomainEvent): [string, string] => [nameOf(DomainEventType, event), nameOf(DETAILS[event] ?? {}, detail)];

/** An event as `name TYPE DETAIL`. */
export const eventLine = (e: DomainEvent) => `${e.domain.name()} ${eventNames(e).join(' ')}`;

/** Reads `n` events, failing rather than hanging if fewer come within `timeoutMs` (the Xen poll is 0.5 s). */
export async function takeEvents(events: AsyncIterator<DomainEvent>, n: number, timeoutMs = 5000): Promise<DomainEvent[]> {
  const got: DomainEvent[] = [];
  // Lines are taken as events come: once the test has closed its connection a handle has no name.
  const lines: string[] = [];
  while (got.length < n) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`only ${got.length} of ${n} events came: ${lines.join('; ')}`)), timeoutMs);
    });
    const next = await Promise.race([events.next(), timeout]).finally(() => clearTimeout(timer));
    if (next.done) break;
    got.push(next.value);
    lines.push(eventLine(next.value));
  }
  return got;
}

/** takeEvents, each as its eventLine. */
export async function takeEventLines(events: AsyncIterator<DomainEvent>, n: number): Promise<string[]> {
  return (await takeEvents(events, n)).map(eventLine);
}
