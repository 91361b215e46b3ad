import { VirtError } from '../errors/virt-error.js';

/**
 * One subscriber's side of an event stream: an async iterator over a bounded queue.
 *
 * - The producer pushes; a subscriber that stops reading fills its queue, and the next push ends the
 *   subscription with a typed OVERFLOW error (after the events already queued), instead of growing.
 * - `fail` ends it with an error after the queued events; `end` ends it quietly after them.
 * - Leaving the `for await` loop (return()), or aborting `signal` (which rejects at once with the
 *   signal's reason, as Node's events.on does), ends it and calls `onEnd` once, so the producer can
 *   drop the subscription.
 */
export class EventSubscription<T> implements AsyncIterableIterator<T> {
  readonly #queue: T[] = [];
  readonly #limit: number;
  readonly #onEnd: () => void;
  readonly #signal: AbortSignal | undefined;
  #waiter: { resolve: (r: IteratorResult<T>) => void; reject: (e: unknown) => void } | undefined;
  /** Set once the stream is over: 'end' once drained, or the error to throw once drained. */
  #finish: { error?: unknown } | undefined;
  #ended = false;

  constructor(limit: number, onEnd: () => void, signal?: AbortSignal) {
    this.#limit = limit;
    this.#onEnd = onEnd;
    this.#signal = signal;
    if (signal?.aborted) this.#abort();
    else signal?.addEventListener('abort', this.#abort, { once: true });
  }

  /** Whether the producer should still push to this subscription. */
  get open(): boolean {
    return this.#finish === undefined;
  }

  push(item: T): void {
    if (this.#finish) return;
    if (this.#waiter) {
      const waiter = this.#waiter;
      this.#waiter = undefined;
      waiter.resolve({ value: item, done: false });
      return;
    }
    if (this.#queue.length >= this.#limit) {
      this.fail(
        new VirtError({
          code: 'OVERFLOW',
          domain: 'EVENT',
          info: `more than ${this.#limit} domain events were waiting to be read; the subscription was ended`,
          int1: this.#limit,
        }),
      );
      return;
    }
    this.#queue.push(item);
  }

  fail(error: unknown): void {
    this.#close({ error });
  }

  end(): void {
    this.#close({});
  }

  #close(finish: { error?: unknown }): void {
    if (this.#finish) return;
    this.#finish = finish;
    this.#release();
    if (this.#waiter && this.#queue.length === 0) {
      const waiter = this.#waiter;
      this.#waiter = undefined;
      this.#settle(waiter);
    }
  }

  /** Tells the producer once that this subscription is over. */
  #release(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#signal?.removeEventListener('abort', this.#abort);
    this.#onEnd();
  }

  #settle(waiter: { resolve: (r: IteratorResult<T>) => void; reject: (e: unknown) => void }): void {
    const finish = this.#finish;
    if (finish && 'error' in finish && finish.error !== undefined) {
      // The error is thrown once; afterwards the iterator is simply done.
      this.#finish = {};
      waiter.reject(finish.error);
    } else {
      waiter.resolve({ value: undefined, done: true });
    }
  }

  readonly #abort = (): void => {
    this.#queue.length = 0;
    this.#close({ error: this.#signal?.reason ?? new Error('aborted') });
  };

  next(): Promise<IteratorResult<T>> {
    const item = this.#queue.shift();
    if (item !== undefined) return Promise.resolve({ value: item, done: false });
    return new Promise((resolve, reject) => {
      const waiter = { resolve, reject };
      if (this.#finish) this.#settle(waiter);
      else this.#waiter = waiter;
    });
  }

  /** Leaving a `for await` loop: unsubscribes; queued events are dropped. */
  async return(): Promise<IteratorResult<T>> {
    this.#queue.length = 0;
    this.#finish = {};
    this.#release();
    const waiter = this.#waiter;
    this.#waiter = undefined;
    waiter?.resolve({ value: undefined, done: true });
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
