import { createReadStream, open, write } from 'node:fs';
import { promisify } from 'node:util';
import type { XenstoreTransport } from './transport.js';

const openFd = promisify(open);
const writeFd = promisify(write);

/**
 * Opens the xenbus device (`/dev/xen/xenbus`, `/proc/xen/xenbus`) read-write. The kernel driver
 * takes one whole frame per write() and hands back replies and watch events on read, like the
 * socket.
 */
export async function openXenbusDevice(path: string): Promise<XenstoreTransport> {
  // A plain fd, not a FileHandle: a FileHandle closes its fd when garbage-collected, maybe after
  // the number was reused. Only the read stream closes it, once its last read has returned.
  const fd = await openFd(path, 'r+');
  const reader = createReadStream('', { fd, autoClose: true, highWaterMark: 64 * 1024 });
  let closed = false;
  let closeError: Error | undefined;
  const closeListeners: ((error: Error | undefined) => void)[] = [];
  let writes = Promise.resolve();
  const finish = (error: Error | undefined) => {
    if (closed) return;
    closed = true;
    closeError = error;
    // Close the fd only after the last write returned, so no write can hit a reused number.
    void writes.then(() => reader.destroy());
    for (const listener of closeListeners) listener(closeError);
  };
  reader.on('error', finish);
  reader.on('end', () => finish(undefined));
  // Frames go out one write() each, in order.
  return {
    description: `device:${path}`,
    write: (frame) => {
      writes = writes.then(async () => {
        if (closed) return;
        try {
          await writeFd(fd, frame);
        } catch (error) {
          finish(error as Error);
        }
      });
    },
    onData: (listener) => reader.on('data', (chunk) => listener(chunk as Buffer)),
    onClose: (listener) => closeListeners.push(listener),
    close: () => finish(undefined),
  };
}
