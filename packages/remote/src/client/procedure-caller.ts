import type { XdrCodec } from '../xdr/xdr-codec.js';

/** Per-call options. */
export interface CallOptions {
  /** Reject with `TIMEOUT` when no reply came within this many milliseconds (default: the client's). */
  timeoutMs?: number | undefined;
  /** Reject with `ABORTED` when this signal aborts; a late reply is then dropped. */
  signal?: AbortSignal | undefined;
}

/** What the generated stubs call: one program's procedures over one connection. */
export interface ProcedureCaller {
  call<A, R>(procedure: number, argsCodec: XdrCodec<A>, args: A, retCodec: XdrCodec<R>, options?: CallOptions): Promise<R>;
}
