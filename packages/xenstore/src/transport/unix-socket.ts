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
  socket.on('error', (error) => {
    closeError = error;
  });
  return {
    description,
    write: (frame) => {
      if (!socket.destroyed) socket.write(frame);
    },
    onData: (listener) => socket.on('data', listener),
    onClose: (listener) => socket.once('close', () => listener(closeError)),
    close: () => {
      socket.destroy();
    },
  };
}
