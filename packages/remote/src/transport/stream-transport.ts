import type { Duplex, Readable, Writable } from 'node:stream';
import type { RemoteTransport } from './transport.js';

/**
 * A RemoteTransport over Node streams (a socket, or an ssh child's stdout and stdin). Writes made in
 * one tick go out together (cork until the next tick), so calls issued in a burst share syscalls.
 */
export class StreamTransport implements RemoteTransport {
  private closeListener: ((error: Error | undefined) => void) | undefined;
  private closed = false;
  private corked = false;

  constructor(
    readonly description: string,
    private readonly input: Readable,
    private readonly output: Writable,
    private readonly destroy: () => void,
  ) {
    let lastError: Error | undefined;
    const onError = (error: Error) => {
      lastError = error;
      this.finish(error);
    };
    input.on('error', onError);
    if ((output as unknown) !== input) output.on('error', onError);
    input.on('close', () => this.finish(lastError));
    input.on('end', () => this.finish(lastError));
  }

  static fromDuplex(description: string, socket: Duplex): StreamTransport {
    return new StreamTransport(description, socket, socket, () => socket.destroy());
  }

  write(bytes: Uint8Array): void {
    if (this.closed) return;
    if (!this.corked) {
      this.corked = true;
      this.output.cork();
      process.nextTick(() => {
        this.corked = false;
        this.output.uncork();
      });
    }
    this.output.write(bytes);
  }

  onData(listener: (chunk: Uint8Array) => void): void {
    this.input.on('data', listener);
    this.input.resume();
  }

  onClose(listener: (error: Error | undefined) => void): void {
    this.closeListener = listener;
    if (this.closed) listener(undefined);
  }

  close(): void {
    this.finish(undefined);
  }

  private finish(error: Error | undefined): void {
    if (this.closed) return;
    this.closed = true;
    this.destroy();
    this.closeListener?.(error);
  }
}
