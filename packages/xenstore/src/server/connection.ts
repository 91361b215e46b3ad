import type { Socket } from 'node:net';
import { XenstoreError } from '../errors.js';
import { FrameDecoder } from '../protocol/frame-decoder.js';
import { encodeMessage, type XsMessage } from '../protocol/message.js';
import { XsType } from '../protocol/message-type.js';
import { nulTerminated } from '../protocol/strings.js';
import type { Caller } from './access.js';
import { Outbox } from './outbox.js';
import { usage } from './domain-usage.js';
import { SLOW_READER_SHARE, serverOutputBudget } from './quotas.js';
import { type ConnectionState, READ_ONLY_REFUSED, type OpenTransaction, REQUEST_HANDLERS, type Reply, type ServerState } from './request-handlers.js';

/** What a connection holds right now, for monitoring and tests. */
export interface ConnectionStats {
  domid: number;
  readOnly: boolean;
  /** Replies and events the client has not taken yet (bytes buffered in the server). */
  unsentBytes: number;
  /** Requests received but not answered yet because the client is not reading. */
  queuedRequests: number;
  watches: number;
  transactions: number;
}

/** How much a connection hands its socket at once; more waits in the outbox until it drains. */
const CHUNK_BYTES = 64 * 1024;
/** Chunks written per turn of the event loop, so one fast reader cannot starve the others. */
const CHUNKS_PER_TURN = 4;

/**
 * One client connection. Requests are answered in order; replies and watch events leave in the
 * order they arose, through the connection's outbox. Memory stays bounded whatever the client
 * does: the decoder holds at most one frame; once `outstandingRequests` replies wait unsent the
 * connection stops reading requests until the client catches up; if what waits for the client
 * (watch events keep coming) passes `pendingOutputBytes`, or it is a slow reader while every
 * connection together holds more than the server's budget, the connection is dropped.
 */
export class ServerConnection implements ConnectionState {
  readonly transactions = new Map<number, OpenTransaction>();
  private readonly decoder = new FrameDecoder();
  private readonly queued: XsMessage[] = [];
  private readonly outbox = new Outbox();
  /** Replies handed to the socket whose bytes have not reached the kernel yet. */
  private repliesInSocket = 0;
  private flushScheduled = false;
  private closed = false;

  constructor(
    private readonly socket: Socket,
    readonly caller: Caller,
    private readonly server: ServerState,
    private readonly onClosed: (connection: ServerConnection) => void,
  ) {
    socket.on('data', (chunk) => this.receive(chunk));
    socket.on('drain', () => this.flush());
    socket.on('error', () => {}); // A client vanishing (EPIPE, ECONNRESET) just ends it: 'close' follows.
    socket.on('close', () => this.cleanUp());
  }

  stats(): ConnectionStats {
    return {
      domid: this.caller.domid,
      readOnly: this.caller.readOnly,
      unsentBytes: this.socket.writableLength + this.outbox.bytes,
      queuedRequests: this.queued.length,
      watches: this.server.watches.count(this),
      transactions: this.transactions.size,
    };
  }

  /** Queues a watch event; it is encoded when the client has room for it. */
  sendWatchEvent(path: string, token: Uint8Array): void {
    if (this.closed) return;
    const waiting = this.socket.writableLength + this.outbox.bytes;
    const { pendingOutputBytes } = this.server.quotas;
    const slowReader = waiting > pendingOutputBytes / SLOW_READER_SHARE;
    if (waiting > pendingOutputBytes || (slowReader && this.server.output.queuedBytes > serverOutputBudget(pendingOutputBytes))) {
      this.drop();
      return;
    }
    // A client keeping up sees every event; for one behind, an event already waiting is enough.
    const behind = this.socket.writableLength >= CHUNK_BYTES;
    this.server.output.queuedBytes += this.outbox.pushEvent(path, token, behind);
    this.scheduleFlush();
  }

  /** Closes the connection now. */
  drop(): void {
    this.socket.destroy();
    this.cleanUp();
  }

  private receive(chunk: Uint8Array): void {
    try {
      this.queued.push(...this.decoder.push(chunk));
    } catch {
      // An oversized frame: the stream cannot be trusted any more, like C xenstored.
      this.drop();
      return;
    }
    this.processQueue();
  }

  get outstandingReplies(): number {
    return this.outbox.replies + this.repliesInSocket;
  }

  answerQueued(): void {
    if (this.queued.length > 0) this.processQueue();
  }

  /**
   * Answers queued requests while fewer than `outstandingRequests` replies wait unsent: on this
   * connection for dom0, on all of the domain's connections together for a guest.
   */
  private processQueue(): void {
    let answered = 0;
    const outstanding = () => usage(this.server, this, (each) => each.outstandingReplies);
    while (!this.closed && answered < this.queued.length && outstanding() < this.server.quotas.outstandingRequests) {
      this.answer(this.queued[answered++]!);
    }
    this.queued.splice(0, answered);
    if (this.closed) return;
    this.flush();
    if (this.queued.length > 0) this.socket.pause();
    else this.socket.resume();
  }

  private answer(message: XsMessage): void {
    let reply: Reply;
    try {
      reply = this.handle(message);
    } catch (error) {
      const code = XenstoreError.isInstance(error) && error.errno !== undefined ? error.code : 'EIO';
      this.sendReply({ type: XsType.ERROR, reqId: message.reqId, txId: message.txId, payload: nulTerminated([code]) });
      return;
    }
    this.sendReply({ type: message.type, reqId: message.reqId, txId: message.txId, payload: reply.payload });
    reply.after?.();
  }

  private handle(message: XsMessage): Reply {
    const handler = REQUEST_HANDLERS.get(message.type);
    if (!handler) throw new XenstoreError({ code: 'ENOSYS', message: `unknown request type ${message.type}` });
    if (this.caller.readOnly && READ_ONLY_REFUSED.has(message.type)) throw new XenstoreError({ code: 'EROFS', message: 'read-only connection' });
    return handler({ server: this.server, connection: this, message });
  }

  private sendReply(message: XsMessage): void {
    this.server.output.queuedBytes += this.outbox.pushReply(encodeMessage(message));
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  /** Hands the socket what it has room for; the rest waits for 'drain' (or the next turn). */
  private flush(): void {
    for (let chunks = 0; !this.closed && !this.outbox.isEmpty && this.socket.writableLength < CHUNK_BYTES; chunks++) {
      if (chunks === CHUNKS_PER_TURN) {
        this.scheduleFlush();
        return;
      }
      const { chunk, replies, released } = this.outbox.take(CHUNK_BYTES);
      this.server.output.queuedBytes -= released;
      this.repliesInSocket += replies;
      this.socket.write(chunk, () => {
        // Written to the kernel: the client has room again for that many replies.
        this.repliesInSocket -= replies;
        if (replies > 0) this.answerQueuedOfDomain();
      });
    }
  }

  /** Room for one more reply: a guest's other connections may be waiting for it too. */
  private answerQueuedOfDomain(): void {
    if (this.caller.privileged) this.answerQueued();
    else for (const each of this.server.connectionsOf(this.caller.domid)) each.answerQueued();
  }

  private cleanUp(): void {
    if (this.closed) return;
    this.closed = true;
    this.queued.length = 0;
    this.server.output.queuedBytes -= this.outbox.bytes;
    this.outbox.clear();
    this.transactions.clear();
    this.server.watches.removeAll(this);
    this.onClosed(this);
    // Its unsent replies no longer count against its domain.
    if (!this.caller.privileged) this.answerQueuedOfDomain();
  }
}
