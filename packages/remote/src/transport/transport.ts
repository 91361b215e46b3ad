/** A byte stream to libvirtd: what the client needs from a unix socket, TCP, TLS or an ssh child. */
export interface RemoteTransport {
  /** Where it is connected, for error messages: `unix:/run/libvirt/libvirt-sock`, `tcp:host:16509`... */
  readonly description: string;
  /** Queues bytes; they go out in call order. */
  write(bytes: Uint8Array): void;
  /** Called with each chunk received, split anywhere. */
  onData(listener: (chunk: Uint8Array) => void): void;
  /** Called once when the stream ends, with the error that ended it if any. */
  onClose(listener: (error: Error | undefined) => void): void;
  /** Closes the stream; `onClose` fires. */
  close(): void;
}
