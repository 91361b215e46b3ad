import {
  type DomainEvent,
  DomainEventDefinedDetail,
  DomainEventResumedDetail,
  DomainEventStartedDetail,
  DomainEventStoppedDetail,
  DomainEventSuspendedDetail,
  DomainEventType,
  DomainEventUndefinedDetail,
} from '../../../src/index.js';

/** An event as `name TYPE DETAIL`, with the names of libvirt's enums. */
const DETAILS: Record<number, Record<string, number>> = {
  [DomainEventType.DEFINED]: DomainEventDefinedDetail,
  [DomainEventType.UNDEFINED]: DomainEventUndefinedDetail,
  [DomainEventType.STARTED]: DomainEventStartedDetail,
  [DomainEventType.SUSPENDED]: DomainEventSuspendedDetail,
  [DomainEventType.RESUMED]: DomainEventResumedDetail,
  [DomainEventType.STOPPED]: DomainEventStoppedDetail,
};
const nameOf = (table: Record<string, number>, value: number) => Object.keys(table).find((k) => table[k] === value) ?? String(value);
export const eventLine = ({ domain, event, detail }: DomainEvent) =>
  `${domain.name()} ${nameOf(DomainEventType, event)} ${nameOf(DETAILS[event] ?? {}, detail)}`;

/** Reads `n` events as lines, failing rather than hanging if fewer come within 5 s (the Xen poll is 0.5 s). */
export async function takeEvents(events: AsyncIterator<DomainEvent>, n: number): Promise<string[]> {
  const got: string[] = [];
  while (got.length < n) {
    const next = await Promise.race([
      events.next(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`only ${got.length} of ${n} events came: ${got.join('; ')}`)), 5000)),
    ]);
    if (next.done) break;
    got.push(eventLine(next.value));
  }
  return got;
}
