/** A byte stream to xenstored: what the client needs from a unix socket or the xenbus device. */
export interface XenstoreTransport {
  /** Where it is connected, for error messages: `unix:/path` or `device:/dev/xen/xenbus`. */
  readonly description: string;
  /**
   * How many requests may await their reply at once (default: no limit). The xenbus device says 1:
   * Linux's driver keeps a request's payload in a per-file buffer that the next write() reuses
   * before the payload reaches the ring, so concurrent requests lose writes (seen on Xen 4.17).
   */
  readonly maxRequestsInFlight?: number;
  /** Queues one whole frame; frames go out in call order. */
  write(frame: Uint8Array): void;
  /** Called with each chunk received, split anywhere. */
  onData(listener: (chunk: Uint8Array) => void): void;
  /** Called once when the stream ends, with the error that ended it if any. */
  onClose(listener: (error: Error | undefined) => void): void;
  /** Closes the stream; `onClose` fires. */
  close(): void;
}
