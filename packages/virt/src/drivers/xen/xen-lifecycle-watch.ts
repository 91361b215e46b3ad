import type { DomainEventSink } from '../../driver.js';
import { LifecycleDiff, type LifecycleHint, type SeenDomain } from './lifecycle-diff.js';

/** What the watch reads: Xen's named domains, and xenstored's special watches. */
export interface LifecycleSource {
  domains(): Promise<SeenDomain[]>;
  /** A xenstore watch (the first event is its registration); ends when `signal` aborts. */
  watch(path: '@introduceDomain' | '@releaseDomain', options: { signal: AbortSignal }): AsyncIterable<unknown>;
}

/**
 * How often the domain list is read while someone listens. xenstored fires no watch for a pause
 * (Xen tells only the toolstack that asked), so a pause done by another process, which libvirtd
 * would have done itself and reported, is seen by this poll; one getdomaininfo list per tick.
 */
export const LIFECYCLE_POLL_MS = 500;

/**
 * One subscription to a Xen host's domain lifecycle: each `@introduceDomain` or `@releaseDomain`
 * (and each poll tick, and each nudge from this process's own operations) reads the domain list
 * and reports what changed (LifecycleDiff). Looks never overlap: a request during a look makes one
 * more look after it. A failed look or a lost watch ends the subscription through `sink.fail`.
 */
export class XenLifecycleWatch {
  readonly #source: LifecycleSource;
  readonly #sink: DomainEventSink;
  readonly #diff: LifecycleDiff;
  readonly #abort = new AbortController();
  #looking: Promise<void> | undefined;
  #again = false;
  #timer: NodeJS.Timeout | undefined;

  private constructor(source: LifecycleSource, sink: DomainEventSink, diff: LifecycleDiff) {
    this.#source = source;
    this.#sink = sink;
    this.#diff = diff;
  }

  static async start(source: LifecycleSource, sink: DomainEventSink, pollMs = LIFECYCLE_POLL_MS): Promise<XenLifecycleWatch> {
    const watch = new XenLifecycleWatch(source, sink, new LifecycleDiff(await source.domains()));
    for (const path of ['@introduceDomain', '@releaseDomain'] as const) void watch.#follow(path);
    watch.#timer = setInterval(() => watch.nudge(), pollMs);
    watch.#timer.unref();
    return watch;
  }

  /** Look again now; `hint` tells what this process just did to the domain with that UUID. */
  nudge(uuid?: string, hint?: LifecycleHint): Promise<void> {
    if (uuid !== undefined && hint) this.#diff.hint(uuid, hint);
    if (this.#looking) {
      this.#again = true;
      return this.#looking;
    }
    this.#looking = this.#look().finally(() => {
      this.#looking = undefined;
      if (this.#again) {
        this.#again = false;
        void this.nudge();
      }
    });
    return this.#looking;
  }

  stop(): void {
    this.#abort.abort();
    clearInterval(this.#timer);
  }

  async #look(): Promise<void> {
    if (this.#abort.signal.aborted) return;
    try {
      const events = this.#diff.next(await this.#source.domains());
      if (this.#abort.signal.aborted) return;
      for (const event of events) this.#sink.event(event);
    } catch (error) {
      this.#fail(error);
    }
  }

  async #follow(path: '@introduceDomain' | '@releaseDomain'): Promise<void> {
    try {
      for await (const _ of this.#source.watch(path, { signal: this.#abort.signal })) void this.nudge();
      if (!this.#abort.signal.aborted) throw new Error(`the xenstore watch on ${path} ended`);
    } catch (error) {
      if (!this.#abort.signal.aborted) this.#fail(error);
    }
  }

  #fail(error: unknown): void {
    if (this.#abort.signal.aborted) return;
    this.stop();
    this.#sink.fail(error);
  }
}
