import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { encodeMessage, FrameDecoder, type XsMessage } from '../src/index.js';

/**
 * A peer that answers each request with whatever `answer` returns: for behaviour our own server
 * never shows (oxenstored's long replies, missing DIRECTORY_PART).
 */
export async function startScriptedServer(directory: string, answer: (request: XsMessage) => XsMessage): Promise<{ path: string; close(): Promise<void> }> {
  const path = join(directory, 'scripted');
  const server: Server = createServer((socket) => {
    const decoder = new FrameDecoder();
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      for (const request of decoder.push(chunk)) socket.write(encodeMessage(answer(request), { allowOversize: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return {
    path,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}
