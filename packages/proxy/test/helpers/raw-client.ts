import { connect, type Socket } from 'node:net';
import { dataFromArg, encodeProxyPacket, type ProxyPacket, ProxyPacketDecoder, proxySocketAddress } from '@libvirt-ts/proxy-protocol';

/**
 * A client that sends whatever bytes a test gives it and records what comes back: the replies
 * (decoded), and whether and when the daemon closed the connection.
 */
export class RawClient {
  readonly replies: ProxyPacket[] = [];
  readonly #decoder = new ProxyPacketDecoder();
  #closed = false;
  readonly closed: Promise<void>;

  private constructor(readonly socket: Socket) {
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    void this.closed.then(() => {
      this.#closed = true;
    });
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      for (const packet of this.#decoder.push(chunk)) this.replies.push(packet);
    });
  }

  static open(name: string): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(proxySocketAddress(name));
      socket.once('connect', () => resolve(new RawClient(socket)));
      socket.once('error', reject);
    });
  }

  get isClosed(): boolean {
    return this.#closed;
  }

  send(bytes: Uint8Array): void {
    this.socket.write(bytes);
  }

  /** A header-only request. */
  request(command: number, serial: number, arg = 0): void {
    this.send(encodeProxyPacket({ command: command as ProxyPacket['command'], serial, data: dataFromArg(arg), extra: new Uint8Array(0) }));
  }

  /** Resolves once `count` replies are in; rejects if the connection closes first. */
  async waitForReplies(count: number): Promise<ProxyPacket[]> {
    while (this.replies.length < count) {
      if (this.#closed) throw new Error(`closed after ${this.replies.length} of ${count} replies`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.replies;
  }

  /** Whether the daemon closes the connection within `ms`. */
  closedWithin(ms: number): Promise<boolean> {
    return Promise.race([this.closed.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);
  }

  close(): void {
    this.socket.destroy();
  }
}
