import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XenstoreClient, type XenstoreTransaction } from '../src/index.js';
import { startTemporaryXenstored, type TemporaryXenstored } from '../src/server/index.js';
import { rejection } from './helpers.js';

let xenstored: TemporaryXenstored;
let xs: XenstoreClient;
let other: XenstoreClient;

beforeEach(async () => {
  xenstored = await startTemporaryXenstored();
  xs = await XenstoreClient.connect({ path: xenstored.socketPath });
  other = await XenstoreClient.connect({ path: xenstored.socketPath });
  await xs.write('/counter', '0');
});

afterEach(async () => {
  await Promise.all([xs.close(), other.close()]);
  await xenstored.close();
});

describe('explicit transactions', () => {
  it('isolates writes until commit', async () => {
    const tx = await xs.beginTransaction();
    await tx.write('/counter', '1');
    await tx.write('/new/node', 'n');
    expect(await tx.read('/counter')).toBe('1');
    expect(await other.read('/counter')).toBe('0');
    expect(await other.exists('/new/node')).toBe(false);
    await tx.commit();
    expect(await other.read('/counter')).toBe('1');
    expect(await other.read('/new/node')).toBe('n');
  });

  it('discards everything on abort, and refuses use after it ends', async () => {
    const tx = await xs.beginTransaction();
    await tx.rm('/counter');
    await tx.abort();
    expect(await xs.read('/counter')).toBe('0');
    expect((await rejection(tx.read('/counter'))).code).toBe('EINVAL');
  });

  it('answers EAGAIN on commit when a node it read changed meanwhile', async () => {
    const tx = await xs.beginTransaction();
    await tx.read('/counter');
    await other.write('/counter', '5');
    await tx.write('/counter', '1');
    expect((await rejection(tx.commit())).code).toBe('EAGAIN');
    expect(await xs.read('/counter')).toBe('5');
  });

  it('commits when only unrelated nodes changed meanwhile', async () => {
    await xs.write('/elsewhere', '');
    const tx = await xs.beginTransaction();
    await tx.read('/counter');
    await other.write('/elsewhere/x', '5');
    await tx.write('/counter', '1');
    await tx.commit();
    expect(await xs.read('/counter')).toBe('1');
  });

  it('answers ENOENT for an unknown transaction id and ENOSPC past the quota', async () => {
    const readInUnknown = xs.request(2, new TextEncoder().encode('/counter\0'), 999);
    expect((await rejection(readInUnknown)).code).toBe('ENOENT');
    const open: XenstoreTransaction[] = [];
    for (let i = 0; i < 10; i++) open.push(await xs.beginTransaction());
    expect((await rejection(xs.beginTransaction())).code).toBe('ENOSPC');
    await Promise.all(open.map((tx) => tx.abort()));
    await (await xs.beginTransaction()).abort();
  });
});

describe('transaction(fn)', () => {
  it('retries on EAGAIN so concurrent increments all count', async () => {
    const clients = [xs, other];
    const increment = (client: XenstoreClient) =>
      client.transaction(
        async (tx) => {
          const value = Number(await tx.read('/counter'));
          await tx.write('/counter', String(value + 1));
        },
        { attempts: 100 },
      );
    await Promise.all(Array.from({ length: 20 }, (_, i) => increment(clients[i % 2]!)));
    expect(await xs.read('/counter')).toBe('20');
  });

  it('returns what fn returns', async () => {
    expect(await xs.transaction(async (tx) => tx.read('/counter'))).toBe('0');
  });

  it('gives up with EAGAIN after the given attempts', async () => {
    let runs = 0;
    const error = await rejection(
      xs.transaction(
        async (tx) => {
          runs++;
          await tx.read('/counter');
          await other.write('/counter', String(runs));
          await tx.write('/counter', 'mine');
        },
        { attempts: 3 },
      ),
    );
    expect(error.code).toBe('EAGAIN');
    expect(runs).toBe(3);
    expect(await xs.read('/counter')).toBe('3');
  });

  it('aborts and rethrows when fn throws', async () => {
    const failure = new Error('boom');
    await expect(
      xs.transaction(async (tx) => {
        await tx.write('/counter', 'never');
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await xs.read('/counter')).toBe('0');
    expect(await xs.control('quota', 'transactionsPerConnection')).toBe('10');
  });
});
