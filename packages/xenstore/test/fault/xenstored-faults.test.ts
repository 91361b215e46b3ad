import { describe, expect } from 'vitest';
import { encodeMessage, nulTerminated, XenstoreClient, XsType } from '../../src/index.js';
import { rejection } from '../helpers.js';
import { RawConnection } from '../raw-connection.js';
import { SeededRandom } from '../seeded-random.js';
import { attack, reportMeasurements } from './attack.js';
import { DAEMON_MISSING, daemonBuilt } from './daemon-process.js';

// The standing fault suite for xenstored-ts: each attack runs against the daemon as its own
// process on real sockets (dom0, read-only and guest sockets), then the standing checks of
// `attack()` run. Peak RSS, attack time and SIGTERM-to-exit time go to the report.
if (!daemonBuilt) console.warn(DAEMON_MISSING);

describe.skipIf(!daemonBuilt)('xenstored-ts under attack', () => {
  reportMeasurements('fault-xenstored.md', 'xenstored-ts fault suite');

  attack('quota changes: values out of range answer EINVAL, in range they hold (defect 1)', { rssBoundMiB: 200, mayChange: ['/attack'] }, async ({ daemon, dom0 }) => {
    const outOfRange = [
      ['outstandingRequests', '0'],
      ['outstandingRequests', '999999999999'],
      ['pendingOutputBytes', '0'],
      ['pendingOutputBytes', '999999999999'],
      ['nodesPerDomain', '0'],
      ['watchesPerConnection', '0'],
      ['watchesPerConnection', '999999999'],
      ['transactionsPerConnection', '0'],
      ['valueBytes', '0'],
      ['valueBytes', '4097'],
      ['outstandingRequests', '-1'],
      ['outstandingRequests', '1e3'],
    ];
    for (const [name, value] of outOfRange) {
      expect((await rejection(dom0.control('quota', name!, value!))).code, `quota ${name} ${value}`).toBe('EINVAL');
      expect(await dom0.read('/vm/u1/image/ostype')).toBe('linux');
    }
    // The smallest outstanding quota still answers everything, one reply at a time; a client that
    // never reads its 4 KB replies holds at most that many in the daemon.
    expect(await dom0.control('quota', 'outstandingRequests', '1')).toBe('OK');
    await dom0.write('/attack/large', 'v'.repeat(4000));
    const lazy = await RawConnection.open(daemon.socketPath);
    lazy.socket.pause();
    for (let reqId = 1; reqId <= 5000; reqId++) lazy.send(encodeMessage({ type: XsType.READ, reqId, txId: 0, payload: nulTerminated(['/attack/large']) }));
    expect(await dom0.read('/vm/u1/image/ostype')).toBe('linux');
    lazy.socket.resume();
    await lazy.reply(5000);
    lazy.close();
  });

  attack('transaction flood: 10 parallel transactions of a guest (its per-domain maximum) cannot pass its node quota (defect 2)', { rssBoundMiB: 300, mayChange: ['/local/domain/5'] }, async ({ daemon, dom0 }) => {
    const guests = await Promise.all([1, 2, 3].map(() => XenstoreClient.connect({ path: daemon.guestSocketPath(5) })));
    // Each transaction fills a subtree of its own, so none conflicts with another.
    const transactions = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const guest = guests[i % guests.length]!;
        await guest.mkdir(`t${i}`);
        const tx = await guest.beginTransaction();
        await Promise.all(Array.from({ length: 600 }, (_, j) => tx.write(`/local/domain/5/t${i}/n${j}`, 'x')));
        return tx;
      }),
    );
    const outcomes = await Promise.all(transactions.map((tx) => tx.commit().then(() => 'committed', (error: { code: string }) => error.code)));
    const owned = (await dom0.readTree('/local/domain/5')).length + 1;
    expect(owned).toBeLessThanOrEqual(1000);
    expect(outcomes.filter((outcome) => outcome === 'committed')).toHaveLength(1);
    expect(new Set(outcomes.filter((outcome) => outcome !== 'committed'))).toEqual(new Set(['ENOSPC']));
    await Promise.all(guests.map((guest) => guest.close()));
  });

  attack('watch flood: 50 connections with 128 watches each on /, most never reading, while a writer writes (defect 3)', { rssBoundMiB: 180, mayChange: ['/attack'] }, async ({ daemon, dom0 }) => {
    // Long tokens make every event 1.7 KB: 6,400 of them (11 MB) per write.
    const token = (connection: number, watch: number) => `${connection}-${watch}-${'t'.repeat(1700)}`;
    const watchers = await Promise.all(Array.from({ length: 50 }, () => RawConnection.open(daemon.socketPath)));
    await Promise.all(
      watchers.map(async (watcher, c) => {
        for (let w = 0; w < 128; w++) watcher.send(encodeMessage({ type: XsType.WATCH, reqId: w + 1, txId: 0, payload: nulTerminated(['/', token(c, w)]) }));
        await watcher.reply(128);
        watcher.frames.length = 0;
      }),
    );
    const readers = watchers.slice(0, 5);
    for (const watcher of watchers.slice(5)) watcher.socket.pause();
    const good = await XenstoreClient.connect({ path: daemon.socketPath });
    let slowestRoundMs = 0;
    const writes = 30;
    for (let write = 0; write < writes; write++) {
      await dom0.write(`/attack/w${write}`, String(write));
      const started = performance.now();
      expect(await good.read('/vm/u1/image/ostype')).toBe('linux');
      slowestRoundMs = Math.max(slowestRoundMs, performance.now() - started);
    }
    // Every reading watcher gets every event of every write (128 watches x 30 writes).
    const events = (watcher: RawConnection) => watcher.frames.filter((frame) => frame.type === XsType.WATCH_EVENT).length;
    for (let i = 0; i < 500 && readers.some((reader) => events(reader) < 128 * writes); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(readers.map(events)).toEqual(readers.map(() => 128 * writes));
    console.log(`watch flood: slowest good-client read during the flood ${slowestRoundMs.toFixed(1)} ms`);
    for (const watcher of watchers) watcher.close();
    await good.close();
  });

  attack('garbage and lying frames on every socket: random bytes, oversized and short lengths', { rssBoundMiB: 200 }, async ({ daemon }) => {
    const random = new SeededRandom(0x5eed);
    for (const path of [daemon.socketPath, daemon.socketRoPath, daemon.guestSocketPath(6)]) {
      for (let round = 0; round < 20; round++) {
        const raw = await RawConnection.open(path);
        raw.send(random.bytes(2000 + round * 100));
        // A header whose length lies past the limit, then one that promises bytes never sent.
        raw.send(encodeMessage({ type: XsType.READ, reqId: 1, txId: 0, payload: new Uint8Array(5000) }, { allowOversize: true }));
        raw.close();
      }
    }
    const half = await RawConnection.open(daemon.socketPath);
    half.send(encodeMessage({ type: XsType.READ, reqId: 1, txId: 0, payload: nulTerminated(['/tool']) }).subarray(0, 18));
  });

  attack('200 concurrent clients, 20 round trips each', { rssBoundMiB: 250, mayChange: ['/attack'] }, async ({ daemon }) => {
    const clients = await Promise.all(Array.from({ length: 200 }, () => XenstoreClient.connect({ path: daemon.socketPath })));
    await Promise.all(
      clients.map(async (client, c) => {
        for (let round = 0; round < 20; round++) {
          await client.write(`/attack/c${c}`, String(round));
          expect(await client.read(`/attack/c${c}`)).toBe(String(round));
        }
      }),
    );
    await Promise.all(clients.map((client) => client.close()));
  });

  attack('permission attacks from another domain', { rssBoundMiB: 200, mayChange: ['/local/domain/6'] }, async ({ daemon }) => {
    const intruder = await XenstoreClient.connect({ path: daemon.guestSocketPath(6) });
    const refused = async (promise: Promise<unknown>) => (await rejection(promise)).code;
    expect(await refused(intruder.read('/local/domain/5/data/private'))).toBe('EACCES');
    expect(await refused(intruder.write('/local/domain/5/name', 'owned'))).toBe('EACCES');
    expect(await refused(intruder.rm('/local/domain/5'))).toBe('EACCES');
    expect(await refused(intruder.setPermissions('/local/domain/5', ['b6']))).toBe('EACCES');
    expect(await refused(intruder.setPermissions('/local/domain/6', ['b5']))).toBe('EPERM');
    expect(await refused(intruder.read('/secret/key'))).toBe('EACCES');
    expect(await refused(intruder.introduceDomain(7, 1, 1))).toBe('EACCES');
    expect(await refused(intruder.control('quota', 'nodesPerDomain', '1000000'))).toBe('EACCES');
    expect(await refused(intruder.setPermissions('@releaseDomain', ['b6']))).toBe('EACCES');
    expect(await refused(intruder.write('/local/domain/6/big', 'x'.repeat(3000)))).toBe('ENOSPC');
    await intruder.close();
  });
});
