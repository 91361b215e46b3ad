import { KEEPALIVE_PROC_PING, KEEPALIVE_PROC_PONG, KEEPALIVE_PROGRAM, KEEPALIVE_PROTOCOL_VERSION } from '../generated/virkeepaliveprotocol.js';
import {
  VIR_NET_CALL,
  VIR_NET_ERROR,
  VIR_NET_MESSAGE,
  VIR_NET_OK,
  VIR_NET_REPLY,
  xdrVirNetMessageError,
} from '../generated/virnetprotocol.js';
import { RemoteError } from '../remote-error.js';
import type { RemoteTransport } from '../transport/transport.js';
import { decodeBody, encodePacket, type Packet } from '../wire/packet.js';
import { PacketDecoder } from '../wire/packet-decoder.js';
import { type XdrCodec, xdrVoid } from '../xdr/xdr-codec.js';
import { XdrWriter } from '../xdr/xdr-writer.js';
import { Keepalive, type KeepaliveOptions } from './keepalive.js';
import type { CallOptions, ProcedureCaller } from './procedure-caller.js';

export interface RemoteClientOptions {
  /** Default per-call timeout in milliseconds (none by default: keepalive notices a dead peer). */
  timeoutMs?: number | undefined;
  /** Procedure names for error messages, per program number. */
  procedureNames?: Readonly<Record<number, Readonly<Record<number, string>>>>;
}

/** An unsolicited message from the server (an event): its program, procedure and raw packet. */
export interface ServerMessage {
  program: number;
  version: number;
  procedure: number;
  packet: Packet;
}

interface PendingCall {
  program: number;
  version: number;
  procedure: number;
  decode: XdrCodec<unknown>;
  resolve(value: unknown): void;
  reject(error: RemoteError): void;
  cleanup(): void;
}

/** How many serials of timed-out or aborted calls are remembered, so their late replies are dropped. */
const ABANDONED_MAX = 4096;

/**
 * A call whose arguments cannot be put in a packet (a string over REMOTE_STRING_MAX, a packet over
 * 16 MiB...), worded as libvirt's client words it (virNetMessageEncodePayload); what exactly broke
 * stays as `cause`.
 */
function unencodable(error: unknown, procedure: number): RemoteError {
  const code = RemoteError.isInstance(error) && error.code === 'TOO_LARGE' ? 'TOO_LARGE' : 'XDR';
  return new RemoteError({ code, message: 'Unable to encode message payload', procedure, cause: error });
}

/**
 * One connection to libvirtd speaking libvirt's RPC protocol: calls carry increasing serials and
 * any number may be in flight; replies are matched by serial. A reply the client cannot place
 * (unknown serial, wrong program or version, bad framing) closes the connection with a
 * `PROTOCOL` error for every pending call, as libvirt's client does: the stream cannot be trusted
 * after it. Keepalive PINGs from the server are answered; `startKeepalive` probes a silent server.
 */
export class RemoteClient {
  private readonly pending = new Map<number, PendingCall>();
  private readonly abandoned = new Set<number>();
  private readonly writer = new XdrWriter(4096);
  private readonly decoder: PacketDecoder;
  private readonly messageListeners = new Set<(message: ServerMessage) => void>();
  private readonly closeListeners = new Set<(error: RemoteError | undefined) => void>();
  private keepalive: Keepalive | undefined;
  private nextSerial = 1;
  private closedWith: RemoteError | undefined;
  private closed = false;

  constructor(
    private readonly transport: RemoteTransport,
    private readonly options: RemoteClientOptions = {},
  ) {
    this.decoder = new PacketDecoder((packet) => this.dispatch(packet));
    transport.onData((chunk) => {
      if (this.closed) return;
      this.keepalive?.heard();
      try {
        this.decoder.push(chunk);
      } catch (error) {
        this.fail(RemoteError.isInstance(error) ? error : new RemoteError({ code: 'PROTOCOL', message: String(error), cause: error }));
      }
    });
    transport.onClose((error) => {
      this.fail(
        new RemoteError({ code: 'CLOSED', message: `connection to ${transport.description} closed${error ? `: ${error.message}` : ''}`, cause: error }),
      );
    });
  }

  /** Where the connection goes. */
  get description(): string {
    return this.transport.description;
  }

  /** True until the connection closed or failed. */
  get isOpen(): boolean {
    return !this.closed;
  }

  /** Calls awaiting their reply. */
  get inFlight(): number {
    return this.pending.size;
  }

  /** A caller bound to one program and version, for the generated stubs. */
  program(program: number, version: number, streamProcedures: ReadonlySet<number> = new Set()): ProcedureCaller {
    return {
      call: (procedure, argsCodec, args, retCodec, options) =>
        streamProcedures.has(procedure)
          ? Promise.reject(
              new RemoteError({ code: 'NO_SUPPORT', message: `${this.procedureName(program, procedure)} opens a stream; streams are not supported`, procedure }),
            )
          : this.call(program, version, procedure, argsCodec, args, retCodec, options),
    };
  }

  /** Sends one call and resolves to its decoded reply. */
  call<A, R>(
    program: number,
    version: number,
    procedure: number,
    argsCodec: XdrCodec<A>,
    args: A,
    retCodec: XdrCodec<R>,
    options: CallOptions = {},
  ): Promise<R> {
    if (this.closed) return Promise.reject(this.closedError());
    const signal = options.signal;
    if (signal?.aborted) {
      return Promise.reject(new RemoteError({ code: 'ABORTED', message: `${this.procedureName(program, procedure)} aborted`, procedure, cause: signal.reason }));
    }
    const serial = this.nextSerial;
    this.nextSerial = this.nextSerial === 0xffffffff ? 1 : this.nextSerial + 1;
    let bytes: Uint8Array;
    try {
      bytes = encodePacket(
        this.writer,
        { prog: program, vers: version, proc: procedure, type: VIR_NET_CALL, serial, status: VIR_NET_OK },
        argsCodec,
        args,
      );
    } catch (error) {
      return Promise.reject(unencodable(error, procedure));
    }
    return new Promise<R>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onAbort = () => this.abandon(serial, new RemoteError({ code: 'ABORTED', message: `${this.procedureName(program, procedure)} aborted`, procedure, cause: signal?.reason }));
      const call: PendingCall = {
        program,
        version,
        procedure,
        decode: retCodec as XdrCodec<unknown>,
        resolve: resolve as (value: unknown) => void,
        reject,
        cleanup: () => {
          if (timer !== undefined) clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        },
      };
      this.pending.set(serial, call);
      const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
      if (timeoutMs !== undefined) {
        timer = setTimeout(
          () => this.abandon(serial, new RemoteError({ code: 'TIMEOUT', message: `${this.procedureName(program, procedure)}: no reply within ${timeoutMs} ms`, procedure })),
          timeoutMs,
        );
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      this.transport.write(bytes);
    });
  }

  /** Listens to unsolicited messages (events) of every program but keepalive. Returns the unsubscribe. */
  onMessage(listener: (message: ServerMessage) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  /** Called once when the connection ends: with the error, or undefined after `close()`. */
  onClose(listener: (error: RemoteError | undefined) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /** Starts probing the server with PINGs (call only once the server said it supports keepalive). */
  startKeepalive(options: KeepaliveOptions = {}): void {
    this.keepalive?.stop();
    this.keepalive = new Keepalive(
      options,
      () => this.sendKeepalive(KEEPALIVE_PROC_PING),
      (silentMs) =>
        this.fail(new RemoteError({ code: 'KEEPALIVE', message: `connection to ${this.description} closed due to keepalive timeout (no answer in ${silentMs} ms)` })),
    );
    if (!this.closed) this.keepalive.start();
  }

  /** Stops probing the server (the server's own PINGs are still answered). */
  stopKeepalive(): void {
    this.keepalive?.stop();
    this.keepalive = undefined;
  }

  /** Closes the connection; pending calls reject with `CLOSED`. */
  close(): void {
    if (this.closed) return;
    this.fail(new RemoteError({ code: 'CLOSED', message: `connection to ${this.description} closed by the client` }), true);
  }

  private procedureName(program: number, procedure: number): string {
    return this.options.procedureNames?.[program]?.[procedure] ?? `procedure ${procedure} of program 0x${program.toString(16)}`;
  }

  private closedError(): RemoteError {
    return this.closedWith ?? new RemoteError({ code: 'CLOSED', message: `connection to ${this.description} is closed` });
  }

  private abandon(serial: number, error: RemoteError): void {
    const call = this.pending.get(serial);
    if (call === undefined) return;
    this.pending.delete(serial);
    call.cleanup();
    this.abandoned.add(serial);
    if (this.abandoned.size > ABANDONED_MAX) this.abandoned.delete(this.abandoned.values().next().value!);
    call.reject(error);
  }

  private sendKeepalive(procedure: number): void {
    if (this.closed) return;
    this.transport.write(
      encodePacket(
        this.writer,
        { prog: KEEPALIVE_PROGRAM, vers: KEEPALIVE_PROTOCOL_VERSION, proc: procedure, type: VIR_NET_MESSAGE, serial: 0, status: VIR_NET_OK },
        xdrVoid,
        undefined,
      ),
    );
  }

  private dispatch(packet: Packet): void {
    const { header } = packet;
    if (header.type === VIR_NET_MESSAGE) {
      this.dispatchMessage(packet);
      return;
    }
    if (header.type !== VIR_NET_REPLY) {
      throw new RemoteError({ code: 'PROTOCOL', message: `unexpected packet type ${header.type} (serial ${header.serial}) from ${this.description}` });
    }
    const call = this.pending.get(header.serial);
    if (call === undefined) {
      if (this.abandoned.delete(header.serial)) return;
      throw new RemoteError({ code: 'PROTOCOL', message: `no call waiting for reply with prog ${header.prog} vers ${header.vers} serial ${header.serial}` });
    }
    if (header.prog !== call.program || header.vers !== call.version || header.proc !== call.procedure) {
      throw new RemoteError({ code: 'PROTOCOL', message: `reply to serial ${header.serial} is for prog ${header.prog} vers ${header.vers} proc ${header.proc}, not prog ${call.program} vers ${call.version} proc ${call.procedure}`, procedure: call.procedure }
      );
    }
    this.pending.delete(header.serial);
    call.cleanup();
    // The framing held, so a body that does not decode fails its call only; the connection goes on.
    try {
      if (header.status === VIR_NET_OK) {
        call.resolve(decodeBody(packet, call.decode));
      } else if (header.status === VIR_NET_ERROR) {
        call.reject(RemoteError.fromServer(decodeBody(packet, xdrVirNetMessageError), call.procedure));
      } else {
        call.reject(new RemoteError({ code: 'PROTOCOL', message: `reply to serial ${header.serial} has status ${header.status}`, procedure: call.procedure }));
      }
    } catch (error) {
      call.reject(RemoteError.isInstance(error) ? error : new RemoteError({ code: 'XDR', message: String(error), cause: error, procedure: call.procedure }));
    }
  }

  private dispatchMessage(packet: Packet): void {
    const { header } = packet;
    if (header.prog === KEEPALIVE_PROGRAM) {
      if (header.vers !== KEEPALIVE_PROTOCOL_VERSION) throw new RemoteError({ code: 'PROTOCOL', message: `keepalive version ${header.vers} is not 1` });
      if (header.proc === KEEPALIVE_PROC_PING) this.sendKeepalive(KEEPALIVE_PROC_PONG);
      else if (header.proc !== KEEPALIVE_PROC_PONG) throw new RemoteError({ code: 'PROTOCOL', message: `unknown keepalive procedure ${header.proc}` });
      return;
    }
    for (const listener of this.messageListeners) {
      listener({ program: header.prog, version: header.vers, procedure: header.proc, packet });
    }
  }

  private fail(error: RemoteError, byClient = false): void {
    if (this.closed) return;
    this.closed = true;
    this.closedWith = error;
    this.keepalive?.stop();
    for (const call of this.pending.values()) {
      call.cleanup();
      call.reject(error);
    }
    this.pending.clear();
    this.transport.close();
    for (const listener of this.closeListeners) listener(byClient ? undefined : error);
  }
}
