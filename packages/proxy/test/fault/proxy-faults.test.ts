import { open, setErrorFunc } from '@libvirt-ts/virt';
import { argOf, encodeName, encodeProxyPacket, dataFromArg, PROXY_HEADER_SIZE, ProxyCommand, type ProxyPacket } from '@libvirt-ts/proxy-protocol';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { fakeXenOptions } from '../helpers/fake-xen-options.mjs';
import { DAEMON_MISSING, daemonBuilt, type ProxyHost, startProxyHost } from '../helpers/proxy-host.js';
import { RawClient } from '../helpers/raw-client.js';
import { type HostReading, readHost } from '../helpers/read-host.mjs';
import { attack, reportMeasurements } from './attack.js';

// The standing fault suite for libvirt-ts-proxy: each attack runs against the built daemon as its
// own process on a real abstract socket, then the standing checks of `attack()` run (a good client
// reads the whole host as before, RSS under a generous bound). Measurements go to the report.
if (!daemonBuilt) console.warn(DAEMON_MISSING);

/** How long a test waits to see whether the daemon closes a connection (a hang detector). */
const CLOSE_WAIT_MS = 5000;

/** A packet with any header fields, including ones that lie. */
function packet(fields: { version?: number; command: number; serial?: number; length?: number; extra?: Uint8Array }): Uint8Array {
  const extra = fields.extra ?? new Uint8Array(0);
  const bytes = encodeProxyPacket({ command: fields.command as ProxyPacket['command'], serial: fields.serial ?? 1, data: dataFromArg(0), extra });
  const view = new DataView(bytes.buffer);
  if (fields.version !== undefined) view.setUint16(0, fields.version, true);
  if (fields.length !== undefined) view.setUint16(6, fields.length, true);
  return bytes;
}

/** Deterministic noise (a linear congruential generator), so a failure can be replayed. */
function noise(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

describe.skipIf(!daemonBuilt)('libvirt-ts-proxy under attack', () => {
  let host: ProxyHost;
  let baseline: HostReading;
  const context = () => ({ host, baseline });
  beforeAll(async () => {
    setErrorFunc(() => {});
    host = await startProxyHost();
    const direct = await open('xen:///', await fakeXenOptions(host.dir));
    baseline = await readHost(direct);
    await direct.close();
  });
  afterAll(async () => {
    await host?.close();
    setErrorFunc(null);
  });
  reportMeasurements('fault-proxy.md', 'libvirt-ts-proxy fault suite');

  attack('garbage: 20 clients send 8 KiB of noise each', { rssBoundMiB: 200 }, context, async ({ name, note }) => {
    const clients = await Promise.all(Array.from({ length: 20 }, () => RawClient.open(name)));
    clients.forEach((client, i) => {
      const bytes = noise(8192, i + 1);
      bytes[0] = 0xff; // never version 1 by chance
      client.send(bytes);
    });
    const closed = await Promise.all(clients.map((client) => client.closedWithin(CLOSE_WAIT_MS)));
    expect(closed.every(Boolean)).toBe(true);
    note(`${closed.filter(Boolean).length}/20 closed, ${clients.reduce((n, c) => n + c.replies.length, 0)} replies`);
  });

  attack('oversized: length fields of 4097 and 65535, and 64 KiB behind a 4096 header', { rssBoundMiB: 200 }, context, async ({ name, note }) => {
    const lengths = [4097, 8192, 65535];
    const clients = await Promise.all(lengths.map(() => RawClient.open(name)));
    for (const [i, client] of clients.entries()) client.send(packet({ command: ProxyCommand.LIST, length: lengths[i] }));
    const big = await RawClient.open(name);
    big.send(packet({ command: ProxyCommand.LOOKUP_NAME, length: 4096 }));
    big.send(noise(65536, 7));
    const closed = await Promise.all([...clients, big].map((client) => client.closedWithin(CLOSE_WAIT_MS)));
    expect(closed).toEqual([true, true, true, true]);
    expect(clients.every((client) => client.replies.length === 0)).toBe(true);
    note('4/4 closed, no reply');
  });

  attack('lying packets: a good request first, then a length or payload that contradicts the command', { rssBoundMiB: 200 }, context, async ({ name, note }) => {
    const lies: Array<[string, Uint8Array]> = [
      ['version 2', packet({ version: 2, command: ProxyCommand.VERSION })],
      ['length below the header', packet({ command: ProxyCommand.VERSION, length: 8 })],
      ...[0, 1, 2, 3, 4, 5, 8, 9, 10, 11].map((command): [string, Uint8Array] => [`command ${command} with 8 extra bytes`, packet({ command, extra: new Uint8Array(8) })]),
      ['LOOKUP_UUID with 8 bytes', packet({ command: ProxyCommand.LOOKUP_UUID, extra: new Uint8Array(8) })],
      ['LOOKUP_UUID with 17 bytes', packet({ command: ProxyCommand.LOOKUP_UUID, extra: new Uint8Array(17) })],
      ['LOOKUP_NAME without a NUL', packet({ command: ProxyCommand.LOOKUP_NAME, extra: new TextEncoder().encode('pv-guest') })],
      ['LOOKUP_NAME with a NUL inside', packet({ command: ProxyCommand.LOOKUP_NAME, extra: new TextEncoder().encode('pv\0guest\0') })],
      ['LOOKUP_NAME of 2000 bytes', packet({ command: ProxyCommand.LOOKUP_NAME, extra: new Uint8Array(2001).fill(0x61).fill(0, 2000) })],
      ['LOOKUP_NAME empty', packet({ command: ProxyCommand.LOOKUP_NAME, extra: new Uint8Array(1) })],
    ];
    let closedCount = 0;
    for (const [what, lie] of lies) {
      const client = await RawClient.open(name);
      client.request(ProxyCommand.NUM_DOMAIN, 1);
      await client.waitForReplies(1);
      client.send(lie);
      client.request(ProxyCommand.NUM_DOMAIN, 3);
      expect(await client.closedWithin(CLOSE_WAIT_MS), what).toBe(true);
      expect(client.replies.map((reply) => reply.serial), what).toEqual([1]);
      closedCount++;
    }
    note(`${closedCount}/${lies.length} closed after their good request's reply`);
  });

  attack('truncated packets: half a header, half a body, then silence (the others are served meanwhile)', { rssBoundMiB: 200 }, context, async ({ name, note }) => {
    const halfHeader = await RawClient.open(name);
    halfHeader.send(packet({ command: ProxyCommand.VERSION }).subarray(0, 7));
    const halfBody = await RawClient.open(name);
    halfBody.send(packet({ command: ProxyCommand.LOOKUP_NAME, extra: encodeName('pv-guest') }).subarray(0, PROXY_HEADER_SIZE + 3));
    const ended = await RawClient.open(name);
    ended.send(packet({ command: ProxyCommand.LOOKUP_UUID, extra: new Uint8Array(16) }).subarray(0, 20));
    ended.socket.end();
    const other = await RawClient.open(name);
    other.request(ProxyCommand.LIST, 9);
    expect(argOf((await other.waitForReplies(1))[0]!)).toBe(4);
    // the daemon gives an unfinished packet 10 s, then closes its client
    const closed = await Promise.all([halfHeader, halfBody, ended].map((client) => client.closedWithin(15_000)));
    expect(closed).toEqual([true, true, true]);
    expect([halfHeader, halfBody, ended].every((client) => client.replies.length === 0)).toBe(true);
    other.close();
    note('3/3 closed without reply (half-closed at once, silent ones after 10 s)');
  });

  attack('unknown request numbers 17..1023 and 65535: a failure reply each, the client kept', { rssBoundMiB: 200 }, context, async ({ name, note }) => {
    const client = await RawClient.open(name);
    const commands = [...Array.from({ length: 1007 }, (_, i) => 17 + i), 65535];
    for (const [i, command] of commands.entries()) client.send(packet({ command, serial: i + 1, extra: i % 2 ? new Uint8Array(24) : undefined }));
    client.request(ProxyCommand.NUM_DOMAIN, 4000);
    const replies = await client.waitForReplies(commands.length + 1);
    expect(replies.slice(0, -1).map((reply) => [reply.command, reply.serial, argOf(reply), reply.extra.length])).toEqual(
      commands.map((command, i) => [command, i + 1, -1, 0]),
    );
    expect(argOf(replies.at(-1)!)).toBe(4);
    expect(client.isClosed).toBe(false);
    client.close();
    note(`${commands.length} failure replies, then NUM_DOMAIN answered`);
  });

  attack('1,000 connection attempts at once, each held open', { rssBoundMiB: 250 }, context, async ({ name, note }) => {
    const attempts = await Promise.allSettled(Array.from({ length: 1000 }, () => RawClient.open(name)));
    const clients = attempts.flatMap((attempt) => (attempt.status === 'fulfilled' ? [attempt.value] : []));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const open = clients.filter((client) => !client.isClosed);
    expect(open.length).toBe(64);
    // the 64 kept are served
    for (const [i, client] of open.entries()) client.request(ProxyCommand.NUM_DOMAIN, i + 1);
    await Promise.all(open.map((client) => client.waitForReplies(1)));
    for (const client of clients) client.close();
    // the slots free as the daemon sees the closes
    await Promise.all(clients.map((client) => client.closed));
    await new Promise((resolve) => setTimeout(resolve, 300));
    note(`${attempts.length - clients.length} refused by the kernel, ${clients.length - open.length} closed by the daemon, 64 kept and served`);
  });

  attack('a client that never reads: 200,000 DOMAIN_INFO requests sent, no reply read', { rssBoundMiB: 200 }, context, async ({ name, note }) => {
    const lazy = await RawClient.open(name);
    lazy.socket.pause();
    const request = packet({ command: ProxyCommand.DOMAIN_INFO });
    const batch = new Uint8Array(request.length * 1000);
    for (let i = 0; i < 1000; i++) batch.set(request, i * request.length);
    for (let i = 0; i < 200; i++) lazy.send(batch);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    note(`client still had ${(lazy.socket.writableLength / 1024 / 1024).toFixed(1)} MiB unsent after 2 s`);
    expect(lazy.isClosed).toBe(false);
    lazy.close();
  });

  attack('a request flood: 20 clients pipelining 1,000 requests each, reading everything', { rssBoundMiB: 200 }, context, async ({ name, note }) => {
    const clients = await Promise.all(Array.from({ length: 20 }, () => RawClient.open(name)));
    const mix = [ProxyCommand.LIST, ProxyCommand.NUM_DOMAIN, ProxyCommand.DOMAIN_INFO, ProxyCommand.MAX_MEMORY];
    for (const client of clients) {
      const batch: Uint8Array[] = [];
      for (let i = 0; i < 1000; i++) batch.push(packet({ command: mix[i % mix.length]!, serial: (i % 4095) + 1 }));
      client.send(Buffer.concat(batch));
    }
    const replies = await Promise.all(clients.map((client) => client.waitForReplies(1000)));
    expect(replies.every((list) => list.length === 1000 && list.every((reply, i) => reply.command === mix[i % mix.length]))).toBe(true);
    for (const client of clients) client.close();
    note('20,000 replies, each in order');
  });
});
