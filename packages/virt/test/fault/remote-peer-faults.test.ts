// virt's remote driver against a hostile libvirtd (a fake on a real unix socket): the calls fail
// with VirtErrors carrying libvirt's RPC-layer codes, and an event flood to a subscriber that does
// not read ends its subscription with OVERFLOW instead of growing, the connection still serving.
// Peak RSS growth and times go to $FAULT_REPORT_DIR/fault-virt-remote.md.
import {
  encodePacket,
  REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY,
  REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
  REMOTE_PROC_CONNECT_GET_HOSTNAME,
  REMOTE_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE,
  REMOTE_PROGRAM,
  VIR_NET_MESSAGE,
  VIR_NET_OK,
  XdrWriter,
  xdrRemoteConnectDomainEventCallbackRegisterAnyRet,
  xdrRemoteConnectGetHostnameRet,
  xdrRemoteDomainEventCallbackLifecycleMsg,
  xdrVoid,
} from '@libvirt-ts/remote';
import { type FakeLibvirtd, replyBytes, startFakeLibvirtd } from '@libvirt-ts/remote/testing';
import { faultReport, measurePeak } from '@libvirt-ts/test-utils';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type Connection, open, VirtError } from '../../src/index.js';
import { quietErrors } from '../helpers/quiet-errors.js';

quietErrors();

const report = faultReport('fault-virt-remote.md', 'virt remote driver against a hostile libvirtd', 'Growth of the test process\'s peak RSS (VmHWM, reset before each attack) and wall time on this machine.', [
  'attack',
  'outcome',
  'peak RSS growth MiB',
  'ms',
]);
afterAll(() => report.write());

let server: FakeLibvirtd | undefined;
let conn: Connection | undefined;
afterEach(async () => {
  await conn?.close().catch(() => undefined);
  await server?.close();
  server = conn = undefined;
});

async function measured<T>(name: string, work: () => Promise<T>, outcome: (result: T) => string): Promise<{ result: T; growthMiB: number }> {
  const { result, growthMiB, ms } = await measurePeak(work);
  report.add(name, outcome(result), growthMiB.toFixed(1), ms.toFixed(0));
  return { result, growthMiB };
}

const described = (error: unknown) => (VirtError.isInstance(error) ? `${error.code} (${error.domain}): ${error.message.slice(0, 80)}` : String(error));

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe("virt's remote driver, hostile peer", () => {
  it('garbage instead of a reply: RPC error from the RPC layer, and the connection is gone', async () => {
    server = await startFakeLibvirtd((_, socket) => socket.write(Buffer.from('\x00\x00\x00\x30 this is not a libvirt packet header at all....')));
    conn = await open(server.uri);
    const { result } = await measured('garbage reply', () => failure(conn!.getHostname()), described);
    expect(VirtError.isInstance(result), String(result)).toBe(true);
    expect([(result as VirtError).code, (result as VirtError).domain]).toEqual(['RPC', 'RPC']);
    expect(VirtError.isInstance(await failure(conn.getHostname()))).toBe(true);
  });

  it('a length of 2^32-1: RPC error at once', async () => {
    server = await startFakeLibvirtd((_, socket) => socket.write(Buffer.from([0xff, 0xff, 0xff, 0xff])));
    conn = await open(server.uri);
    const { result } = await measured('length 2^32-1', () => failure(conn!.getHostname()), described);
    expect((result as VirtError).code).toBe('RPC');
    expect((result as VirtError).message).toBe('packet 4294967295 bytes received from server too large, want 33554436');
  });

  it('200,000 events to a subscriber that does not read: OVERFLOW after its 1,000, bounded memory; the connection still answers', async () => {
    const event = Buffer.from(
      encodePacket(
        new XdrWriter(),
        { prog: REMOTE_PROGRAM, vers: 1, proc: REMOTE_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE, type: VIR_NET_MESSAGE, serial: 0, status: VIR_NET_OK },
        xdrRemoteDomainEventCallbackLifecycleMsg,
        { callbackID: 7, msg: { dom: { name: 'flood', uuid: new Uint8Array(16), id: 1 }, event: 0, detail: 0 } },
      ),
    );
    const burst = Buffer.concat(Array.from({ length: Math.floor(65536 / event.length) }, () => event));
    let flooded: () => void;
    const floodDone = new Promise<void>((resolve) => (flooded = resolve));
    server = await startFakeLibvirtd((call, socket) => {
      const { proc } = call.header;
      if (proc === REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY) {
        socket.write(replyBytes(call, xdrRemoteConnectDomainEventCallbackRegisterAnyRet, { callbackID: 7 }));
        let sent = 0;
        const more = () => {
          while (sent < 200_000) {
            sent += burst.length / event.length;
            if (!socket.write(burst)) return void socket.once('drain', more);
          }
          flooded();
        };
        more();
      } else if (proc === REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY) {
        socket.write(replyBytes(call, xdrVoid, undefined));
      } else if (proc === REMOTE_PROC_CONNECT_GET_HOSTNAME) {
        socket.write(replyBytes(call, xdrRemoteConnectGetHostnameRet, { hostname: 'still here' }));
      }
    });
    conn = await open(server.uri);
    const events = conn.domainEvents();
    const { result: read, growthMiB } = await measured('event flood, 200,000 events, subscriber not reading', async () => {
      await floodDone;
      // Let the client take in what the server sent before reading.
      while ((await conn!.getHostname()) !== 'still here');
      let count = 0;
      try {
        for await (const _ of events) count += 1;
      } catch (error) {
        return { count, error };
      }
      return { count, error: undefined };
    }, ({ count, error }) => `${count} events read, then ${described(error)}`);
    expect(read.count).toBe(1000);
    expect((read.error as VirtError).code).toBe('OVERFLOW');
    expect(growthMiB).toBeLessThan(128);
    expect(await conn.getHostname()).toBe('still here');
  });
});
