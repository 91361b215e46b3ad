import { connect, type Socket } from 'node:net';
import {
  encodeProxyPacket,
  PROXY_SERIAL_MODULO,
  type ProxyCommand,
  type ProxyPacket,
  ProxyPacketDecoder,
  printableSocketName,
  proxyCommandName,
  proxySocketAddress,
} from '@libvirt-ts/proxy-protocol';

/** A transport failure talking to the proxy; the driver turns it into a PROXY-domain VirtError. */
export class ProxyTransportError extends Error {
  override readonly name = 'ProxyTransportError';
  constructor(
    message: string,
    readonly socketName: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

interface Pending {
  command: number;
  resolve(packet: ProxyPacket): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * One client connection to libvirt_proxy. Requests may be in flight together: the proxy answers
 * a client's packets in order, and replies are matched by serial as libvirt did.
 */
export class ProxyConnection {
  readonly #socket: Socket;
  readonly #socketName: string;
  readonly #timeoutMs: number;
  readonly #decoder = new ProxyPacketDecoder();
  readonly #pending = new Map<number, Pending>();
  #serial = 0;
  #failure: Error | undefined;

  private constructor(socket: Socket, socketName: string, timeoutMs: number) {
    this.#socket = socket;
    this.#socketName = socketName;
    this.#timeoutMs = timeoutMs;
    socket.on('data', (chunk) => this.#onData(chunk));
    socket.on('error', (error) => this.#fail(new ProxyTransportError(`proxy socket error: ${error.message}`, socketName, { cause: error })));
    socket.on('close', () => this.#fail(new ProxyTransportError('proxy closed the connection', socketName)));
  }

  /** Connects to the proxy socket; rejects with ProxyTransportError if nobody listens. */
  static connect(socketName: string, timeoutMs: number): Promise<ProxyConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(proxySocketAddress(socketName));
      const onError = (error: Error) => {
        socket.destroy();
        reject(new ProxyTransportError(`cannot connect to proxy at ${printableSocketName(socketName)}: ${error.message}`, socketName, { cause: error }));
      };
      socket.once('error', onError);
      socket.once('connect', () => {
        socket.off('error', onError);
        resolve(new ProxyConnection(socket, socketName, timeoutMs));
      });
    });
  }

  /** Sends one request and waits for the reply carrying the same serial. */
  request(command: ProxyCommand, data: Uint8Array, extra: Uint8Array = new Uint8Array(0)): Promise<ProxyPacket> {
    if (this.#failure) return Promise.reject(this.#failure);
    const serial = this.#nextSerial();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(serial);
        reject(new ProxyTransportError(`proxy did not answer ${proxyCommandName(command)} within ${this.#timeoutMs} ms`, this.#socketName));
      }, this.#timeoutMs);
      this.#pending.set(serial, { command, resolve, reject, timer });
      this.#socket.write(encodeProxyPacket({ command, serial, data, extra }));
    });
  }

  close(): void {
    this.#fail(new ProxyTransportError('proxy connection closed', this.#socketName));
    this.#socket.destroy();
  }

  #nextSerial(): number {
    // skip serials still waiting for an answer after a wrap-around
    do {
      this.#serial = (this.#serial + 1) % PROXY_SERIAL_MODULO;
    } while (this.#pending.has(this.#serial));
    return this.#serial;
  }

  #onData(chunk: Buffer): void {
    let packets: ProxyPacket[];
    try {
      packets = this.#decoder.push(chunk);
    } catch (error) {
      this.#fail(new ProxyTransportError(`malformed packet from proxy: ${(error as Error).message}`, this.#socketName, { cause: error }));
      this.#socket.destroy();
      return;
    }
    for (const packet of packets) {
      const pending = this.#pending.get(packet.serial);
      // libvirt skips replies with an unexpected serial ("asynchronous packet"); so do we
      if (!pending) continue;
      this.#pending.delete(packet.serial);
      clearTimeout(pending.timer);
      if (packet.command !== pending.command) {
        pending.reject(
          new ProxyTransportError(
            `proxy answered ${proxyCommandName(packet.command)} to ${proxyCommandName(pending.command)}`,
            this.#socketName,
          ),
        );
      } else {
        pending.resolve(packet);
      }
    }
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const pending of this.#pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(this.#failure);
    }
    this.#pending.clear();
  }
}
