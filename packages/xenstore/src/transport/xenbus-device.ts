import { close, fstat, open, read, write } from 'node:fs';
import { promisify } from 'node:util';
import { encodeMessage } from '../protocol/message.js';
import { XsType } from '../protocol/message-type.js';
import { nulTerminated } from '../protocol/strings.js';
import type { XenstoreTransport } from './transport.js';

const openFd = promisify(open);
const readFd = promisify(read);
const writeFd = promisify(write);
const fstatFd = promisify(fstat);
const closeFd = promisify(close);

const READ_SIZE = 64 * 1024;

/**
 * Sent on close: a read of the device blocks in a libuv thread until a message arrives, and Node
 * cannot exit while it does. The reply to this request ends that read; nobody waits for it.
 */
const WAKE_UP_FRAME = encodeMessage({ type: XsType.GET_DOMAIN_PATH, reqId: 0xffffffff, txId: 0, payload: nulTerminated(['0']) });

/**
 * Opens the xenbus device (`/dev/xen/xenbus`, `/proc/xen/xenbus`) read-write. The kernel driver
 * takes one whole frame per write() and hands back replies and watch events on read, like the
 * socket. One loop reads; it alone closes the fd, after the last read and write returned, so no
 * operation can reach a reused fd number. The caller's `close()` takes effect at once.
 */
export async function openXenbusDevice(path: string): Promise<XenstoreTransport> {
  const fd = await openFd(path, 'r+');
  // A regular file ends reads with EOF; a device (or a FIFO) needs the wake-up frame.
  const readsCanBlock = !(await fstatFd(fd)).isFile();
  const dataListeners: ((chunk: Uint8Array) => void)[] = [];
  const closeListeners: ((error: Error | undefined) => void)[] = [];
  let closing = false;
  let writes = Promise.resolve();

  // The connection ends at once for the client; the fd is closed when the last read returns.
  const finish = (error: Error | undefined) => {
    if (closing) return;
    closing = true;
    if (readsCanBlock && error === undefined) writes = writes.then(() => writeFd(fd, WAKE_UP_FRAME).then(() => {}, () => {}));
    for (const listener of closeListeners) listener(error);
  };

  const readLoop = async () => {
    const buffer = new Uint8Array(READ_SIZE);
    try {
      while (!closing) {
        const { bytesRead } = await readFd(fd, buffer, 0, READ_SIZE, null);
        if (closing) break;
        if (bytesRead === 0) {
          finish(undefined);
          break;
        }
        const chunk = buffer.slice(0, bytesRead);
        for (const listener of dataListeners) listener(chunk);
      }
    } catch (error) {
      finish(error as Error);
    }
    await writes;
    await closeFd(fd).catch(() => {});
  };
  // Start reading once the caller has attached its listeners.
  queueMicrotask(() => void readLoop());

  return {
    description: `device:${path}`,
    maxRequestsInFlight: 1,
    write: (frame) => {
      writes = writes.then(async () => {
        if (closing) return;
        try {
          await writeFd(fd, frame);
        } catch (error) {
          finish(error as Error);
        }
      });
    },
    onData: (listener) => dataListeners.push(listener),
    onClose: (listener) => closeListeners.push(listener),
    close: () => finish(undefined),
  };
}
