// A real unix-socket server that speaks (or breaks) libvirt's RPC framing, for hostile-peer tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Packet } from '../wire/packet.js';
import { PacketDecoder } from '../wire/packet-decoder.js';

export interface FakeServer {
  path: string;
  /** Every packet received from clients. */
  received: Packet[];
  close(): Promise<void>;
}

/** Starts a server; `onPacket` answers (or not) each packet a client sends. */
export async function startFakeServer(onPacket: (packet: Packet, socket: Socket) => void): Promise<FakeServer> {
  const directory = mkdtempSync(join(tmpdir(), 'fake-libvirtd-'));
  const path = join(directory, 'sock');
  const received: Packet[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const decoder = new PacketDecoder((packet) => {
      received.push(packet);
      onPacket(packet, socket);
    });
    socket.on('data', (chunk) => {
      try {
        decoder.push(chunk);
      } catch {
        socket.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return {
    path,
    received,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
