import type { XenDomainInfo } from '@libvirt-ts/hypercall';
import { formatUuid } from '@libvirt-ts/xml-format';
import {
  DomainEventResumedDetail,
  DomainEventStartedDetail,
  DomainEventStoppedDetail,
  DomainEventSuspendedDetail,
  DomainEventType,
} from '../../constants.js';
import type { DomainRef, DriverDomainEvent } from '../../driver.js';

/** What the diff reads of Xen's getdomaininfo (a xend record gives the same from its state letters). */
export interface LifecycleInfo {
  id: number;
  flags: Pick<XenDomainInfo['flags'], 'dying' | 'paused' | 'shutdown'>;
  shutdownReason: XenDomainInfo['shutdownReason'];
}

/**
 * One domain as Xen (getdomaininfo) and xenstore (its name) show it now. A domain without a name is
 * still being built (it has not arrived yet) or already torn down (it keeps the name it had).
 */
export interface SeenDomain {
  name: string | undefined;
  uuid: Uint8Array;
  info: LifecycleInfo;
  /** The state our driver (in any process) recorded for it with its reason: paused or resumed by request. */
  recorded?: 'paused' | 'resumed' | undefined;
}

/** What this process knows better than Xen shows: how its own operations started or stopped a domain. */
export interface LifecycleHint {
  started?: number;
  stopped?: number;
  /** The domain was left paused on purpose (create --paused): its paused state is its baseline. */
  settled?: boolean;
}

interface Tracked {
  ref: DomainRef;
  uuid: string;
  paused: boolean;
  /**
   * Whether a pause change is news. xl builds every domain paused and unpauses it once built, so a
   * domain first seen paused becomes "settled" (silently) once seen running, or when a hint says so.
   */
  settled: boolean;
  /** A STOPPED event went out already (the domain shut down, or is dying). */
  stopped: boolean;
}

/**
 * The lifecycle events between two looks at Xen's domain list, as libvirt 9's libxl driver reports
 * them: a new domain is STARTED (BOOTED); a guest's own shutdown is STOPPED when Xen marks it shut
 * down (poweroff and reboot: SHUTDOWN; crash: CRASHED; suspend: SAVED; other codes: no event); a
 * domain that dies or vanishes without a shutdown was DESTROYED; the paused flag gives SUSPENDED
 * (PAUSED) and RESUMED (UNPAUSED).
 */
export class LifecycleDiff {
  readonly #tracked = new Map<number, Tracked>();
  readonly #hints = new Map<string, LifecycleHint>();

  /** The first look: what exists now is the baseline, no events. */
  constructor(baseline: readonly SeenDomain[]) {
    for (const seen of baseline) {
      if (seen.name === undefined) continue;
      const tracked = this.#track(seen, seen.name, true);
      tracked.stopped = seen.info.flags.dying || stoppedDetailOf(seen.info) !== undefined;
    }
  }

  /** A hint for the next look at the domain with this UUID (text). */
  hint(uuid: string, hint: LifecycleHint): void {
    this.#hints.set(uuid, { ...this.#hints.get(uuid), ...hint });
  }

  /** The events since the last look, in the order they are told: vanished domains first, then by id. */
  next(now: readonly SeenDomain[]): DriverDomainEvent[] {
    const events: DriverDomainEvent[] = [];
    const byId = new Map(now.map((seen) => [seen.info.id, seen]));
    for (const [id, tracked] of this.#tracked) {
      const seen = byId.get(id);
      if (seen && formatUuid(seen.uuid) === tracked.uuid) continue;
      this.#tracked.delete(id);
      const hint = this.#take(tracked.uuid);
      if (!tracked.stopped) {
        events.push(stopped(tracked.ref, hint?.stopped ?? DomainEventStoppedDetail.DESTROYED));
      }
    }
    for (const seen of [...now].sort((a, b) => a.info.id - b.info.id)) {
      const tracked = this.#tracked.get(seen.info.id);
      if (tracked) this.#changes(tracked, seen, events);
      else if (seen.name !== undefined) this.#arrival(seen, seen.name, events);
    }
    return events;
  }

  #arrival(seen: SeenDomain, name: string, events: DriverDomainEvent[]): void {
    const tracked = this.#track(seen, name, false);
    const hint = this.#take(tracked.uuid);
    if (hint?.settled) tracked.settled = true;
    const detail = stoppedDetailOf(seen.info);
    if (seen.info.flags.dying || detail !== undefined) {
      // born and gone between two looks: nothing libvirt would have reported as running
      tracked.stopped = true;
      return;
    }
    events.push({ ref: tracked.ref, event: DomainEventType.STARTED, detail: hint?.started ?? DomainEventStartedDetail.BOOTED });
  }

  #changes(tracked: Tracked, seen: SeenDomain, events: DriverDomainEvent[]): void {
    if (tracked.stopped) return;
    const hint = this.#hints.get(tracked.uuid);
    if (hint?.settled) {
      tracked.settled = true;
      delete hint.settled;
    }
    if (seen.recorded === 'paused') tracked.settled = true;
    const detail = stoppedDetailOf(seen.info);
    if (detail !== undefined || seen.info.flags.dying) {
      tracked.stopped = true;
      const given = this.#take(tracked.uuid)?.stopped;
      events.push(stopped(tracked.ref, given ?? detail ?? DomainEventStoppedDetail.DESTROYED));
      return;
    }
    if (seen.info.flags.shutdown) return; // a shutdown code libvirt 9 leaves unhandled (watchdog, soft reset)
    const paused = seen.info.flags.paused;
    if (paused === tracked.paused) return;
    tracked.paused = paused;
    if (!tracked.settled) {
      tracked.settled = !paused;
      // started paused and resumed before any look found our record of the paused start
      if (seen.recorded === 'resumed') events.push({ ref: tracked.ref, event: DomainEventType.RESUMED, detail: DomainEventResumedDetail.UNPAUSED });
      return;
    }
    events.push(
      paused
        ? { ref: tracked.ref, event: DomainEventType.SUSPENDED, detail: DomainEventSuspendedDetail.PAUSED }
        : { ref: tracked.ref, event: DomainEventType.RESUMED, detail: DomainEventResumedDetail.UNPAUSED },
    );
  }

  #track(seen: SeenDomain, name: string, settled: boolean): Tracked {
    const paused = seen.info.flags.paused;
    const tracked: Tracked = {
      ref: { id: seen.info.id, name, uuid: seen.uuid },
      uuid: formatUuid(seen.uuid),
      paused,
      settled: settled || !paused,
      stopped: false,
    };
    this.#tracked.set(seen.info.id, tracked);
    return tracked;
  }

  #take(uuid: string): LifecycleHint | undefined {
    const hint = this.#hints.get(uuid);
    this.#hints.delete(uuid);
    return hint;
  }
}

function stopped(ref: DomainRef, detail: number): DriverDomainEvent {
  return { ref, event: DomainEventType.STOPPED, detail };
}

/** libvirt 9's libxl shutdown handling: the STOPPED detail for the code the guest shut down with. */
function stoppedDetailOf(info: LifecycleInfo): number | undefined {
  switch (info.shutdownReason) {
    case 'poweroff':
    case 'reboot':
      return DomainEventStoppedDetail.SHUTDOWN;
    case 'crash':
      return DomainEventStoppedDetail.CRASHED;
    case 'suspend':
      return DomainEventStoppedDetail.SAVED;
    default:
      return undefined;
  }
}
