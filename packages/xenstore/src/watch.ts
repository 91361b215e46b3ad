import { XenstoreError } from './errors.js';

export interface WatchEvent {
  /** The path that changed (the watch's own path for the registration event). */
  path: string;
  /** The watch's token. */
  token: string;
}

export interface WatchOptions {
  /** Ends the watch (unwatching) when aborted. */
  signal?: AbortSignal | undefined;
  /** The token to register; default: a token unique to this client. */
  token?: string | undefined;
  /** Xen 4.17's optional depth: only changes at most this many levels below the path fire. */
  depth?: number | undefined;
  /** Events kept for a reader that falls behind (default 10,000); beyond, the watch fails with ENOBUFS. */
  maxQueuedEvents?: number | undefined;
}

const DEFAULT_MAX_QUEUED_EVENTS = 10_000;

interface WatchHooks {
  /** Sends UNWATCH; called once when the watch ends while the connection is open. */
  unwatch(): Promise<void>;
}

/**
 * A registered watch: an AsyncIterable of events, starting with the registration event the
 * protocol sends. Events are queued until read. `return()` (a `break` out of `for await`),
 * `close()` or the AbortSignal end it and unwatch. It also ends when the client is closed, and
 * throws `ECONNRESET` when the connection is lost.
 */
export class XenstoreWatch implements AsyncIterableIterator<WatchEvent> {
  /** Resolves once xenstored accepted the watch; rejects (as does iteration) if it refused. */
  readonly ready: Promise<void>;
  private readonly queue: WatchEvent[] = [];
  private waiter: { resolve: (result: IteratorResult<WatchEvent>) => void; reject: (error: unknown) => void } | undefined;
  private ended = false;
  private failure: unknown;
  private hooks: WatchHooks | undefined;
  private readonly onAbort = () => void this.close();

  constructor(
    readonly path: string,
    readonly token: string,
    registration: Promise<WatchHooks>,
    private readonly signal?: AbortSignal,
    private readonly maxQueuedEvents = DEFAULT_MAX_QUEUED_EVENTS,
  ) {
    this.ready = registration.then(
      (hooks) => {
        this.hooks = hooks;
        if (this.ended) void hooks.unwatch().catch(() => {});
      },
      (error: unknown) => {
        this.finish(error);
        throw error;
      },
    );
    // Iteration reports a refused registration; nobody has to await `ready`.
    this.ready.catch(() => {});
    if (signal?.aborted) this.finish(undefined);
    else signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  /** Called by the client for each event carrying this watch's token. */
  deliver(event: WatchEvent): void {
    if (this.ended) return;
    if (this.waiter) {
      const { resolve } = this.waiter;
      this.waiter = undefined;
      resolve({ value: event, done: false });
    } else if (this.queue.length < this.maxQueuedEvents) {
      this.queue.push(event);
    } else {
      // The reader fell too far behind: fail rather than grow without bound.
      const error = new XenstoreError({ code: 'ENOBUFS', message: `more than ${this.maxQueuedEvents} unread watch events`, path: this.path });
      const hooks = this.hooks;
      this.hooks = undefined;
      this.finish(error);
      if (hooks) void hooks.unwatch().catch(() => {});
    }
  }

  /** Called by the client when the connection ends: `error` when it was lost. */
  connectionEnded(error: XenstoreError | undefined): void {
    this.hooks = undefined;
    this.finish(error);
  }

  next(): Promise<IteratorResult<WatchEvent>> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve({ value: queued, done: false });
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  async return(): Promise<IteratorResult<WatchEvent>> {
    await this.close();
    return { value: undefined, done: true };
  }

  /** Ends the watch and unwatches; pending events are dropped. */
  async close(): Promise<void> {
    if (this.ended) return;
    this.queue.length = 0;
    this.finish(undefined);
    const hooks = this.hooks;
    this.hooks = undefined;
    if (hooks) await hooks.unwatch().catch(() => {});
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private finish(error: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.signal?.removeEventListener('abort', this.onAbort);
    if (error !== undefined) this.failure = error;
    const waiter = this.waiter;
    this.waiter = undefined;
    if (waiter && error !== undefined) waiter.reject(error);
    else waiter?.resolve({ value: undefined, done: true });
  }
}
