import { createReadStream, createWriteStream, open } from 'node:fs';
import { promisify } from 'node:util';
import type { XenstoreTransport } from './transport.js';

/**
 * Opens the xenbus device (`/dev/xen/xenbus`, `/proc/xen/xenbus`) read-write. The kernel driver
 * takes whole frames on write and hands back replies and watch events on read, like the socket.
 */
export async function openXenbusDevice(path: string): Promise<XenstoreTransport> {
  // A plain fd, not a FileHandle: a FileHandle closes its fd when garbage-collected, maybe after
  // the number was reused. Both streams share it; only the read stream closes it, once its
  // last read has returned.
  const fd = await promisify(open)(path, 'r+');
  const reader = createReadStream('', { fd, autoClose: true, highWaterMark: 64 * 1024 });
  const writer = createWriteStream('', { fd, autoClose: false });
  let closeError: Error | undefined;
  let closed = false;
  const closeListeners: ((error: Error | undefined) => void)[] = [];
  const finish = (error: Error | undefined) => {
    if (closed) return;
    closed = true;
    closeError ??= error;
    writer.destroy();
    reader.destroy();
    for (const listener of closeListeners) listener(closeError);
  };
  reader.on('error', finish);
  writer.on('error', finish);
  reader.on('end', () => finish(undefined));
  return {
    description: `device:${path}`,
    write: (frame) => {
      if (!closed) writer.write(frame);
    },
    onData: (listener) => reader.on('data', (chunk) => listener(chunk as Buffer)),
    onClose: (listener) => closeListeners.push(listener),
    close: () => finish(undefined),
  };
}
