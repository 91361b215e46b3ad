import type { Socket } from 'node:net';
import { XenstoreError } from '../errors.js';
import { FrameDecoder } from '../protocol/frame-decoder.js';
import { HEADER_SIZE, PAYLOAD_MAX } from '../protocol/header.js';
import { encodeMessage, type XsMessage } from '../protocol/message.js';
import { XsType } from '../protocol/message-type.js';
import { nulTerminated } from '../protocol/strings.js';
import type { Caller } from './access.js';
import { type ConnectionState, READ_ONLY_REFUSED, type OpenTransaction, REQUEST_HANDLERS, type Reply, type ServerState } from './request-handlers.js';

const MAX_FRAME = HEADER_SIZE + PAYLOAD_MAX;

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

/**
 * One client connection. Requests are answered in order. Memory stays bounded whatever the
 * client does: the decoder holds at most one frame; once a batch of `outstandingRequests` replies
 * sits unread the connection stops reading requests until the client catches up; and if unread
 * output (watch events keep coming) passes `pendingOutputBytes` the connection is dropped.
 */
export class ServerConnection implements ConnectionState {
  readonly transactions = new Map<number, OpenTransaction>();
  private readonly decoder = new FrameDecoder();
  private readonly queued: XsMessage[] = [];
  private replySequence = 0;
  private waitingForClient = false;
  private closed = false;

  constructor(
    private readonly socket: Socket,
    readonly caller: Caller,
    private readonly server: ServerState,
    private readonly onClosed: (connection: ServerConnection) => void,
  ) {
    socket.on('data', (chunk) => this.receive(chunk));
    socket.on('error', () => {}); // A client vanishing (EPIPE, ECONNRESET) just ends it: 'close' follows.
    socket.on('close', () => this.cleanUp());
  }

  stats(): ConnectionStats {
    return {
      domid: this.caller.domid,
      readOnly: this.caller.readOnly,
      unsentBytes: this.socket.writableLength,
      queuedRequests: this.queued.length,
      watches: this.server.watches.count(this),
      transactions: this.transactions.size,
    };
  }

  sendWatchEvent(path: string, token: Uint8Array): void {
    if (this.closed) return;
    if (this.socket.writableLength > this.server.quotas.pendingOutputBytes) {
      this.drop();
      return;
    }
    this.socket.write(encodeMessage({ type: XsType.WATCH_EVENT, reqId: 0, txId: 0, payload: nulTerminated([path, token]) }));
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

  /**
   * Answers queued requests in batches of `outstandingRequests`, each batch leaving in one
   * writev. Once more than a batch of full-size replies waits unsent (the client is not reading),
   * reading and answering stop until the last reply has gone out.
   */
  private processQueue(): void {
    let answered = 0;
    while (!this.closed && !this.waitingForClient && answered < this.queued.length) {
      this.socket.cork();
      const batchEnd = Math.min(this.queued.length, answered + this.server.quotas.outstandingRequests);
      while (!this.closed && answered < batchEnd) this.answer(this.queued[answered++]!);
      this.socket.uncork();
      if (this.socket.writableLength > this.server.quotas.outstandingRequests * MAX_FRAME) this.waitingForClient = true;
    }
    this.queued.splice(0, answered);
    if (this.closed) return;
    if (this.waitingForClient || this.queued.length > 0) this.socket.pause();
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
    if (!handler) throw new XenstoreError('EINVAL', `unknown request type ${message.type}`);
    if (this.caller.readOnly && READ_ONLY_REFUSED.has(message.type)) throw new XenstoreError('EROFS', 'read-only connection');
    return handler({ server: this.server, connection: this, message });
  }

  private sendReply(message: XsMessage): void {
    const sequence = ++this.replySequence;
    this.socket.write(encodeMessage(message), () => {
      // Replies leave in order: once the latest one is out, the client has caught up.
      if (sequence === this.replySequence && this.waitingForClient) {
        this.waitingForClient = false;
        this.processQueue();
      }
    });
  }

  private cleanUp(): void {
    if (this.closed) return;
    this.closed = true;
    this.queued.length = 0;
    this.transactions.clear();
    this.server.watches.removeAll(this);
    this.onClosed(this);
  }
}
