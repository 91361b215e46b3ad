import { createServer, type Server, type Socket } from 'node:net';
import type { Driver } from '../../../src/driver.js';
import {
  argOf,
  dataFromArg,
  dataFromLong,
  decodeName,
  decodeUuid,
  encodeDomainInfo,
  encodeIdList,
  encodeName,
  encodeNodeInfo,
  encodeProxyPacket,
  encodeUuidAndName,
  ProxyCommand,
  type ProxyPacket,
  ProxyPacketDecoder,
  proxySocketAddress,
} from '@libvirt-ts/proxy-protocol';

/**
 * The server side of libvirt_proxy, as proxy/libvirt_proxy.c answers: every query is put to
 * `source` (an opened driver such as xend's) and failures become the protocol's -1 answers.
 * `mangle` lets fault tests corrupt or swallow replies.
 */
export interface ProxyServerOptions {
  socketName: string;
  source: Driver;
  mangle?: (reply: Uint8Array, request: ProxyPacket) => Uint8Array | undefined;
}

export interface RunningProxyServer {
  close(): Promise<void>;
  /** Requests received so far, by command name. */
  readonly requests: ProxyPacket[];
}

export async function startProxyServer(options: ProxyServerOptions): Promise<RunningProxyServer> {
  const requests: ProxyPacket[] = [];
  const clients = new Set<Socket>();
  const server: Server = createServer((socket) => {
    clients.add(socket);
    socket.on('close', () => clients.delete(socket));
    socket.on('error', () => socket.destroy());
    const decoder = new ProxyPacketDecoder();
    // answers go out in request order, as the real proxy's single loop sends them
    let queue = Promise.resolve();
    socket.on('data', (chunk) => {
      let packets: ProxyPacket[];
      try {
        packets = decoder.push(chunk);
      } catch {
        socket.destroy();
        return;
      }
      for (const packet of packets) {
        requests.push(packet);
        queue = queue.then(async () => {
          const reply = encodeProxyPacket(await answer(options.source, packet));
          const sent = options.mangle ? options.mangle(reply, packet) : reply;
          if (sent && !socket.destroyed) socket.write(sent);
        });
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(proxySocketAddress(options.socketName), resolve);
  });
  return {
    requests,
    close: () =>
      new Promise((resolve) => {
        for (const client of clients) client.destroy();
        server.close(() => resolve());
      }),
  };
}

async function answer(source: Driver, request: ProxyPacket): Promise<ProxyPacket> {
  const reply = (data: Uint8Array, extra: Uint8Array = new Uint8Array(0)): ProxyPacket => ({ ...request, data, extra });
  const failed = reply(dataFromArg(-1));
  try {
    switch (request.command) {
      case ProxyCommand.NONE:
        return reply(dataFromArg(0));
      case ProxyCommand.VERSION:
        return reply(dataFromLong(BigInt(await source.getVersion!())));
      case ProxyCommand.NODE_INFO:
        return reply(dataFromArg(0), encodeNodeInfo(await source.nodeGetInfo!()));
      case ProxyCommand.LIST: {
        const ids = await source.listDomainIDs!();
        return reply(dataFromArg(ids.length), encodeIdList(ids));
      }
      case ProxyCommand.NUM_DOMAIN:
        return reply(dataFromArg(await source.numOfDomains!()));
      case ProxyCommand.LOOKUP_ID: {
        const ref = await source.lookupByID!(argOf(request));
        return ref ? reply(dataFromArg(0), encodeUuidAndName(ref.uuid, ref.name)) : failed;
      }
      case ProxyCommand.LOOKUP_UUID: {
        const ref = await source.lookupByUUID!(decodeUuid(request.extra));
        return ref ? reply(dataFromArg(ref.id), encodeName(ref.name)) : failed;
      }
      case ProxyCommand.LOOKUP_NAME: {
        const ref = await source.lookupByName!(decodeName(request.extra));
        return ref ? reply(dataFromArg(ref.id), ref.uuid) : failed;
      }
      case ProxyCommand.MAX_MEMORY: {
        const ref = await source.lookupByID!(argOf(request));
        return reply(dataFromLong(ref ? BigInt(await source.domainGetMaxMemory!(ref)) : 0n));
      }
      case ProxyCommand.DOMAIN_INFO: {
        const ref = await source.lookupByID!(argOf(request));
        return ref ? reply(dataFromArg(0), encodeDomainInfo(await source.domainGetInfo!(ref))) : failed;
      }
      default:
        return failed;
    }
  } catch {
    return failed;
  }
}
