import { createConnection, type Socket } from 'node:net';
import type { XenstoreTransport } from './transport.js';

/** Connects to xenstored's unix socket; rejects with the system error (ENOENT, ECONNREFUSED...). */
export function connectUnixSocket(path: string): Promise<XenstoreTransport> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ path });
    const onError = (error: Error) => reject(error);
    socket.once('error', onError);
    socket.once('connect', () => {
      socket.off('error', onError);
      socket.setNoDelay?.(true);
      resolve(socketTransport(socket, `unix:${path}`));
    });
  });
}

export function socketTransport(socket: Socket, description: string): XenstoreTransport {
  let closeError: Error | undefined;
  let corked = false;
  socket.on('error', (error) => {
    closeError = error;
  });
  // Frames written in the same tick leave in one writev: many requests in flight cost one
  // system call, not one each.
  const uncork = () => {
    corked = false;
    socket.uncork();
  };
  return {
    description,
    write: (frame) => {
      if (socket.destroyed) return;
      if (!corked) {
        corked = true;
        socket.cork();
        queueMicrotask(uncork);
      }
      socket.write(frame);
    },
    onData: (listener) => socket.on('data', listener),
    onClose: (listener) => socket.once('close', () => listener(closeError)),
    close: () => {
      socket.destroy();
    },
  };
}
