import { createConnection, type Socket } from 'node:net';
import { encodeMessage, FrameDecoder, nulTerminated, type XsMessage } from '../src/index.js';

/** A bare socket to the server: sends any bytes, collects the frames that come back. */
export class RawConnection {
  readonly frames: XsMessage[] = [];
  readonly closed: Promise<void>;
  private readonly decoder = new FrameDecoder();
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk) => {
      this.frames.push(...this.decoder.push(chunk));
      for (const wake of this.waiters.splice(0)) wake();
    });
    socket.on('error', () => {});
    this.closed = new Promise((resolve) =>
      socket.once('close', () => {
        for (const wake of this.waiters.splice(0)) wake();
        resolve();
      }),
    );
  }

  static open(path: string): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = createConnection({ path });
      socket.once('error', reject);
      socket.once('connect', () => resolve(new RawConnection(socket)));
    });
  }

  send(bytes: Uint8Array): void {
    this.socket.write(bytes);
  }

  /** Sends a request with NUL-terminated string arguments and waits for its reply. */
  async ask(type: number, args: string[], txId = 0, reqId = 77): Promise<XsMessage> {
    this.send(encodeMessage({ type, reqId, txId, payload: nulTerminated(args) }));
    return this.reply(reqId);
  }

  /** The first frame with this req_id that is not a watch event; removes it from `frames`. */
  async reply(reqId: number): Promise<XsMessage> {
    for (;;) {
      const index = this.frames.findIndex((frame) => frame.reqId === reqId && frame.type !== 15);
      if (index >= 0) return this.frames.splice(index, 1)[0]!;
      if (this.socket.destroyed) throw new Error(`connection closed before the reply to ${reqId}`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  close(): void {
    this.socket.destroy();
  }
}

/** The reply's payload as text, an error reply as its errno name. */
export function replyText(message: XsMessage): string {
  return Buffer.from(message.payload).toString('latin1');
}
