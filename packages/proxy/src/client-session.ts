import type { Socket } from 'node:net';
import {
  encodeProxyPacket,
  malformedRequestReason,
  PROXY_MAX_PACKET,
  type ProxyPacket,
  ProxyPacketDecoder,
  proxyCommandName,
} from '@libvirt-ts/proxy-protocol';

/**
 * How much one client may make the daemon hold. Requests are answered one at a time, in order;
 * while one is answered, the socket is read until this many bytes wait undecoded, then paused
 * (the kernel's buffer and then the client's writes block, as 0.1.3's blocking reads did).
 */
export const MAX_BUFFERED_REQUEST_BYTES = 4 * PROXY_MAX_PACKET;
/** Replies waiting for a client that does not read: past this, its requests are not read either. */
export const MAX_PENDING_REPLY_BYTES = 16 * PROXY_MAX_PACKET;

export interface ClientSessionOptions {
  socket: Socket;
  /** A number for log lines. */
  id: number;
  answer(request: ProxyPacket): Promise<ProxyPacket>;
  log(level: number, message: string): void;
  /** How long half a packet may sit before the client is closed. */
  partialPacketTimeoutMs: number;
}

/**
 * One client of the daemon: decodes its packets, refuses a malformed one by closing this client
 * (libvirt's "Communication error with client N: malformed packet"), answers the others in order.
 * Memory per client is bounded by the two limits above, whatever the client sends or fails to read.
 */
export class ClientSession {
  readonly #options: ClientSessionOptions;
  readonly #decoder = new ProxyPacketDecoder();
  #busy = false;
  #closed = false;
  #partialTimer: NodeJS.Timeout | undefined;

  constructor(options: ClientSessionOptions) {
    this.#options = options;
    const { socket } = options;
    socket.on('data', (chunk) => this.#onData(chunk));
    socket.on('drain', () => this.#pump());
    socket.on('error', (error) => this.#close(`socket error: ${error.message}`));
    socket.on('close', () => this.#close());
  }

  #onData(chunk: Buffer): void {
    this.#decoder.feed(chunk);
    if (this.#decoder.bufferedBytes > MAX_BUFFERED_REQUEST_BYTES) this.#options.socket.pause();
    this.#pump();
  }

  /** Answers the next request unless one is being answered or the client has replies unread. */
  #pump(): void {
    const { socket } = this.#options;
    if (this.#busy || this.#closed) return;
    if (socket.writableLength > MAX_PENDING_REPLY_BYTES) {
      socket.pause();
      return; // 'drain' calls again
    }
    let request: ProxyPacket | undefined;
    try {
      request = this.#decoder.next();
    } catch (error) {
      this.#malformed((error as Error).message);
      return;
    }
    if (!request) {
      this.#watchPartialPacket();
      socket.resume();
      return;
    }
    const reason = malformedRequestReason(request);
    if (reason) {
      this.#malformed(reason);
      return;
    }
    this.#options.log(2, `client ${this.#options.id}: ${proxyCommandName(request.command)} serial ${request.serial}`);
    this.#busy = true;
    this.#options.answer(request).then(
      (reply) => {
        this.#busy = false;
        if (this.#closed) return;
        socket.write(encodeProxyPacket(reply));
        this.#pump();
      },
      (error: Error) => this.#close(`cannot answer ${proxyCommandName(request.command)}: ${error.message}`),
    );
  }

  /** A client that sends half a packet and stops would hold its slot for ever: it gets a deadline. */
  #watchPartialPacket(): void {
    clearTimeout(this.#partialTimer);
    this.#partialTimer = undefined;
    if (this.#decoder.bufferedBytes === 0) return;
    this.#partialTimer = setTimeout(() => this.#malformed(`a packet stayed incomplete for ${this.#options.partialPacketTimeoutMs} ms`), this.#options.partialPacketTimeoutMs);
  }

  #malformed(reason: string): void {
    this.#options.log(1, `Communication error with client ${this.#options.id}: malformed packet: ${reason}`);
    this.#options.socket.destroy();
    this.#close();
  }

  #close(reason?: string): void {
    if (reason) this.#options.log(1, `client ${this.#options.id}: ${reason}`);
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#partialTimer);
    this.#options.socket.destroy();
  }
}
