// Three real libvirtd 9 at once: concurrent work, one killed mid-call, one stopped (keepalive).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRemote, RemoteError, type RemoteConnection } from '../src/index.js';
import { type Libvirtd, libvirtdMissing, startLibvirtd } from '../src/testing/index.js';

const missing = libvirtdMissing();

describe.skipIf(missing)(`three libvirtd at once${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let daemons: Libvirtd[] = [];
  let connections: RemoteConnection[] = [];

  beforeAll(async () => {
    daemons = await Promise.all([startLibvirtd(), startLibvirtd(), startLibvirtd()]);
    connections = await Promise.all(daemons.map((daemon) => openRemote(daemon.unixUri, { keepalive: { intervalMs: 200, count: 2 } })));
  });
  afterAll(async () => {
    await Promise.all(connections.map((connection) => connection.close().catch(() => {})));
    await Promise.all(daemons.map((daemon) => daemon.stop()));
  });

  it('acts on the three hosts concurrently, each with its own state', async () => {
    await Promise.all(
      connections.map(async (connection, index) => {
        const { dom } = await connection.procedures.domainLookupByName({ name: 'test' });
        await connection.procedures.domainSetMemory({ dom, memory: BigInt(1024 * (index + 1)) });
      }),
    );
    const memories = await Promise.all(
      connections.map(async (connection) => {
        const { dom } = await connection.procedures.domainLookupByName({ name: 'test' });
        return (await connection.procedures.domainGetInfo({ dom })).memory;
      }),
    );
    expect(memories).toEqual([1024n, 2048n, 3072n]);
  });

  it('killing one libvirtd mid-call fails that connection only, with CLOSED', async () => {
    const [first, second, third] = connections as [RemoteConnection, RemoteConnection, RemoteConnection];
    const { dom } = await first.procedures.domainLookupByName({ name: 'test' });
    let answered = 0;
    const calls = Array.from({ length: 2000 }, () =>
      first.procedures.domainGetInfo({ dom }).then(
        () => {
          answered++;
          if (answered === 10) daemons[0]!.signal('SIGKILL');
          return 'ok';
        },
        (error: unknown) => error,
      ),
    );
    const others = Promise.all([second, third].map((connection) => connection.procedures.connectGetHostname()));
    const results = await Promise.all(calls);
    const errors = results.filter((result) => result !== 'ok') as RemoteError[];
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors.map((error) => RemoteError.isInstance(error) && error.code))).toEqual(new Set(['CLOSED']));
    expect(first.client.isOpen).toBe(false);
    expect((await others).every((reply) => reply.hostname.length > 0)).toBe(true);
    expect((await second.procedures.connectGetUri()).uri).toBe('test:///default');
  });

  it('a stopped (SIGSTOP) libvirtd is noticed by keepalive: KEEPALIVE on that connection only', async () => {
    const stopped = connections[1]!;
    daemons[1]!.signal('SIGSTOP');
    try {
      const error = (await stopped.procedures.connectGetHostname().catch((e: unknown) => e)) as RemoteError;
      expect(error.code).toBe('KEEPALIVE');
      expect(error.message).toMatch(/keepalive timeout/);
      expect((await connections[2]!.procedures.connectGetUri()).uri).toBe('test:///default');
    } finally {
      daemons[1]!.signal('SIGCONT');
    }
  });
});
