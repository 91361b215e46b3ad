import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { concatBytes, encodeMessage, HEADER_SIZE, nulTerminated, XenstoreClient, XsType } from '../src/index.js';
import { startTemporaryXenstored, type TemporaryXenstored } from '../src/server/index.js';
import { rejection } from './helpers.js';
import { RawConnection, replyText } from './raw-connection.js';

let xenstored: TemporaryXenstored;
let dom0: XenstoreClient;
let guest: XenstoreClient;

beforeEach(async () => {
  xenstored = await startTemporaryXenstored({ guestDomains: [5], quotas: { nodesPerDomain: 20 } });
  dom0 = await XenstoreClient.connect({ path: xenstored.socketPath });
  guest = await XenstoreClient.connect({ path: xenstored.guestSocketPath(5) });
});

afterEach(async () => {
  await Promise.all([dom0.close(), guest.close()]);
  await xenstored.close();
});

describe('permissions', () => {
  beforeEach(async () => {
    await dom0.mkdir('/local/domain/5');
    await dom0.setPermissions('/local/domain/5', ['n5', 'r0']);
    await dom0.write('/local/domain/5/name', 'guest');
    await dom0.write('/secret', 's');
  });

  it('lets a domain use its own home, relative paths included, and nothing of dom0', async () => {
    await guest.write('data/x', '1');
    expect(await dom0.read('/local/domain/5/data/x')).toBe('1');
    expect(await guest.read('/local/domain/5/data/x')).toBe('1');
    expect(await dom0.getPermissions('/local/domain/5/data/x')).toEqual([{ access: 'n', domid: 5 }, { access: 'r', domid: 0 }]);
    expect((await rejection(guest.read('/secret'))).code).toBe('EACCES');
    expect((await rejection(guest.write('/secret', 'x'))).code).toBe('EACCES');
    expect((await rejection(guest.write('/other/new', 'x'))).code).toBe('EACCES');
    expect((await rejection(guest.directory('/'))).code).toBe('EACCES');
  });

  it('applies per-domain entries after the owner', async () => {
    await dom0.setPermissions('/secret', ['n0', 'r5']);
    expect(await guest.read('/secret')).toBe('s');
    expect((await rejection(guest.write('/secret', 'x'))).code).toBe('EACCES');
    await dom0.setPermissions('/secret', ['r0', 'w5']);
    await guest.write('/secret', 'w');
    expect((await rejection(guest.read('/secret'))).code).toBe('EACCES');
    await dom0.setPermissions('/secret', ['b0']);
    expect(await guest.read('/secret')).toBe('w');
  });

  it('lets only the owner change permissions and only dom0 change the owner', async () => {
    await guest.setPermissions('name', ['n5', 'r7']);
    expect((await rejection(guest.setPermissions('name', ['n7']))).code).toBe('EPERM');
    await dom0.setPermissions('/secret', ['n0', 'b5']);
    expect((await rejection(guest.setPermissions('/secret', ['b5']))).code).toBe('EACCES');
  });

  it('keeps dom0-only requests for dom0', async () => {
    expect((await rejection(guest.introduceDomain(9, 1, 1))).code).toBe('EACCES');
    expect((await rejection(guest.control('help'))).code).toBe('EACCES');
  });

  it('tells a watcher only about nodes it may read; special watches only privileged', async () => {
    const watch = guest.watch('/');
    const special = guest.watch('@releaseDomain');
    await Promise.all([watch.ready, special.ready]);
    await dom0.write('/secret', 'hidden');
    await dom0.write('/local/domain/5/name', 'renamed');
    await dom0.introduceDomain(3, 1, 1);
    await dom0.releaseDomain(3);
    const paths: string[] = [];
    for (const source of [watch, special]) paths.push((await source.next()).value!.path);
    paths.push((await watch.next()).value!.path);
    expect(paths).toEqual(['/', '@releaseDomain', '/local/domain/5/name']);
    await dom0.write('/local/domain/5/name', 'again');
    expect((await watch.next()).value!.path).toBe('/local/domain/5/name');
    await Promise.all([watch.close(), special.close()]);
  });

  it('reports relative event paths to relative watches', async () => {
    const watch = guest.watch('control');
    await dom0.write('/local/domain/5/control/shutdown', 'halt');
    expect([(await watch.next()).value!.path, (await watch.next()).value!.path]).toEqual(['control', 'control/shutdown']);
    await watch.close();
  });
});

describe('quotas', () => {
  it('limits the nodes a domain owns (ENOSPC) and the size of its values', async () => {
    await dom0.setPermissions('/local/domain/5', ['n5']).catch(async () => {
      await dom0.mkdir('/local/domain/5');
      await dom0.setPermissions('/local/domain/5', ['n5']);
    });
    for (let i = 0; i < 19; i++) await guest.write(`n${i}`, '');
    expect((await rejection(guest.write('one-too-many', ''))).code).toBe('ENOSPC');
    await guest.rm('n0');
    await guest.write('fits-again', '');
    expect((await rejection(guest.write('n1', 'x'.repeat(2049)))).code).toBe('ENOSPC');
    await dom0.write('/big', 'x'.repeat(4000));
  });

  it('counts watches and transactions per domain over all its connections, as C xenstored', async () => {
    await dom0.control('quota', 'watchesPerConnection', '3');
    await dom0.control('quota', 'transactionsPerConnection', '2');
    const second = await XenstoreClient.connect({ path: xenstored.guestSocketPath(5) });
    const rawGuest = await RawConnection.open(xenstored.guestSocketPath(5));
    try {
      for (const connection of [guest, second, guest]) await connection.watch('/').ready;
      expect(replyText(await rawGuest.ask(XsType.WATCH, ['/', 't3']))).toBe('E2BIG\0');
      await guest.beginTransaction();
      await second.beginTransaction();
      expect(replyText(await rawGuest.ask(XsType.TRANSACTION_START, ['']))).toBe('ENOSPC\0');
      // dom0's connections are each counted alone.
      for (let i = 0; i < 3; i++) await dom0.watch('/').ready;
    } finally {
      rawGuest.close();
      await second.close();
    }
    // A closed connection no longer counts against its domain.
    expect(replyText(await (await RawConnection.open(xenstored.guestSocketPath(5))).ask(XsType.TRANSACTION_START, ['']))).toMatch(/^\d+\0$/);
  });
});

describe('the read-only socket', () => {
  it('answers reads and refuses every change with EROFS', async () => {
    await dom0.write('/ro/x', '1');
    const raw = await RawConnection.open(xenstored.socketRoPath!);
    expect(replyText(await raw.ask(XsType.READ, ['/ro/x']))).toBe('1');
    for (const [type, args] of [
      [XsType.WRITE, ['/ro/x']],
      [XsType.MKDIR, ['/ro/y']],
      [XsType.RM, ['/ro/x']],
      [XsType.SET_PERMS, ['/ro/x', 'b0']],
      [XsType.INTRODUCE, ['3', '1', '1']],
      [XsType.CONTROL, ['help']],
    ] as const) {
      const reply = await raw.ask(type, [...args]);
      expect([reply.type, replyText(reply)]).toEqual([XsType.ERROR, 'EROFS\0']);
    }
    expect(await dom0.read('/ro/x')).toBe('1');
    raw.close();
    const client = await XenstoreClient.connect({ path: xenstored.socketRoPath, readOnly: true });
    expect((await rejection(client.write('/ro/x', '2'))).code).toBe('EROFS');
    await client.close();
  });
});

describe('malformed input', () => {
  let raw: RawConnection;
  beforeEach(async () => {
    raw = await RawConnection.open(xenstored.socketPath);
  });
  afterEach(() => raw.close());

  it.each([
    ['an unknown type', 99, nulTerminated(['/x'])],
    ['a removed type (XS_RESTRICT)', 20, nulTerminated(['1'])],
    ['a type only newer Xen has', XsType.GET_FEATURE, nulTerminated([''])],
    ['a watch event sent to the server', XsType.WATCH_EVENT, nulTerminated(['/x', 't'])],
  ])('answers ENOSYS to %s, as C xenstored does, and keeps serving', async (_, type, payload) => {
    raw.send(encodeMessage({ type, reqId: 5, txId: 0, payload }));
    const reply = await raw.reply(5);
    expect([reply.type, replyText(reply)]).toEqual([XsType.ERROR, 'ENOSYS\0']);
    expect(replyText(await raw.ask(XsType.READ, ['/tool/xenstored']))).toBe('');
  });

  it.each([
    ['an unterminated path', XsType.READ, new TextEncoder().encode('/tool')],
    ['two paths for READ', XsType.READ, nulTerminated(['/tool', '/x'])],
    ['an empty READ', XsType.READ, new Uint8Array(0)],
    ['a bad path', XsType.READ, nulTerminated(['/a//b'])],
    ['WRITE without a NUL', XsType.WRITE, new TextEncoder().encode('/x')],
    ['a bad permission', XsType.SET_PERMS, nulTerminated(['/tool', 'q1'])],
    ['a bad domain id', XsType.GET_DOMAIN_PATH, nulTerminated(['65536'])],
    ['a bad transaction end', XsType.TRANSACTION_END, nulTerminated(['X'])],
    ['a non-numeric DIRECTORY_PART offset', XsType.DIRECTORY_PART, nulTerminated(['/', 'x'])],
    ['invalid UTF-8 in a path', XsType.READ, new Uint8Array([0x2f, 0xff, 0])],
  ])('answers EINVAL to %s and keeps serving', async (_, type, payload) => {
    raw.send(encodeMessage({ type, reqId: 5, txId: 0, payload }));
    const reply = await raw.reply(5);
    expect([reply.type, replyText(reply)]).toEqual([XsType.ERROR, 'EINVAL\0']);
    expect(replyText(await raw.ask(XsType.READ, ['/tool/xenstored']))).toBe('');
  });

  it('closes the connection on a frame longer than 4096 bytes, and keeps serving others', async () => {
    raw.send(encodeMessage({ type: XsType.WRITE, reqId: 1, txId: 0, payload: new Uint8Array(5000) }, { allowOversize: true }));
    await raw.closed;
    expect(await dom0.read('/tool/xenstored')).toBe('');
  });

  it('copes with a client that sends half a frame and vanishes', async () => {
    raw.send(encodeMessage({ type: XsType.READ, reqId: 1, txId: 0, payload: nulTerminated(['/tool']) }).subarray(0, HEADER_SIZE + 2));
    raw.close();
    await raw.closed;
    expect(await dom0.read('/tool')).toBe('');
  });
});

describe('memory bounds', () => {
  it('stops reading from a client that never reads its replies, then serves it in full', async () => {
    await dom0.write('/large', 'v'.repeat(4000));
    const raw = await RawConnection.open(xenstored.socketPath);
    raw.socket.pause(); // not reading, for now
    // 2,000 small requests asking for 8 MB of replies.
    const count = 2000;
    for (let reqId = 1; reqId <= count; reqId++) {
      raw.send(encodeMessage({ type: XsType.READ, reqId, txId: 0, payload: nulTerminated(['/large']) }));
    }
    const stalled = () => xenstored.connectionStats().find((stats) => stats.queuedRequests > 0);
    for (let i = 0; i < 1000 && !stalled(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    const stats = stalled();
    expect(stats).toBeDefined();
    // At most two batches of `outstandingRequests` (20) replies wait in the server, not 8 MB.
    expect(stats!.unsentBytes).toBeLessThanOrEqual(2 * 20 * (HEADER_SIZE + 4096));
    expect(await dom0.read('/tool')).toBe('');
    raw.socket.resume();
    await raw.reply(count);
    expect(raw.frames.filter((frame) => frame.payload.length === 4000)).toHaveLength(count - 1);
    raw.close();
  });

  it('drops a client whose unread watch events pass the output limit (identical ones wait once)', async () => {
    await dom0.control('quota', 'pendingOutputBytes', '65536');
    const raw = await RawConnection.open(xenstored.socketPath);
    raw.send(encodeMessage({ type: XsType.WATCH, reqId: 1, txId: 0, payload: nulTerminated(['/flood', 'tok']) }));
    await raw.reply(1);
    raw.socket.pause();
    const path = `/flood/${'p'.repeat(2000)}`;
    for (let i = 0; i < 2000 && !raw.socket.destroyed && xenstored.connectionCount > 2; i++) await dom0.write(`${path}/${i}`, String(i));
    expect(xenstored.connectionCount).toBe(2);
    raw.close();
  });
});

describe('requests in detail', () => {
  it('DIRECTORY_PART answers generation, names from the byte offset, and an empty name at the end', async () => {
    await dom0.write('/dp/ab', '');
    await dom0.write('/dp/cd', '');
    const raw = await RawConnection.open(xenstored.socketPath);
    const whole = replyText(await raw.ask(XsType.DIRECTORY_PART, ['/dp', '0']));
    const [generation] = whole.split('\0');
    expect(whole).toBe(`${generation}\0ab\0cd\0\0`);
    expect(replyText(await raw.ask(XsType.DIRECTORY_PART, ['/dp', '3']))).toBe(`${generation}\0cd\0\0`);
    expect(replyText(await raw.ask(XsType.DIRECTORY_PART, ['/dp', '6']))).toBe(`${generation}\0\0`);
    await dom0.write('/dp/ef', '');
    expect(replyText(await raw.ask(XsType.DIRECTORY_PART, ['/dp', '6']))).not.toMatch(new RegExp(`^${generation}\0`));
    raw.close();
  });

  it('RESET_WATCHES drops the connection\'s watches and transactions', async () => {
    const raw = await RawConnection.open(xenstored.socketPath);
    await raw.ask(XsType.WATCH, ['/reset', 'tok']);
    const txId = Number(replyText(await raw.ask(XsType.TRANSACTION_START, [''])).split('\0')[0]);
    const held = () => xenstored.connectionStats().reduce((sum, stats) => sum + stats.watches + stats.transactions, 0);
    expect(held()).toBe(2);
    expect(replyText(await raw.ask(XsType.RESET_WATCHES, ['']))).toBe('OK\0');
    expect(held()).toBe(0);
    const inOldTransaction = await raw.ask(XsType.READ, ['/tool'], txId);
    expect([inOldTransaction.type, replyText(inOldTransaction)]).toEqual([XsType.ERROR, 'ENOENT\0']);
    await dom0.write('/reset/x', '1');
    expect(replyText(await raw.ask(XsType.READ, ['/reset/x']))).toBe('1');
    expect(raw.frames.filter((frame) => frame.type === XsType.WATCH_EVENT).map(replyText)).toEqual(['/reset\0tok\0']);
    raw.close();
  });

  it('SET_TARGET lets a domain act as owner of its target\'s nodes', async () => {
    await dom0.mkdir('/local/domain/9/device-model');
    await dom0.setPermissions('/local/domain/9/device-model', ['n9']);
    expect((await rejection(guest.write('/local/domain/9/device-model/state', 'running'))).code).toBe('EACCES');
    await dom0.introduceDomain(5, 1, 1);
    await dom0.setTarget(5, 9);
    await guest.write('/local/domain/9/device-model/state', 'running');
    expect(await dom0.read('/local/domain/9/device-model/state')).toBe('running');
  });

  it('INTRODUCE of a known domain with another ring answers EEXIST; dom0 cannot be released', async () => {
    await dom0.introduceDomain(8, 100, 2);
    await dom0.introduceDomain(8, 100, 2);
    expect((await rejection(dom0.introduceDomain(8, 101, 2))).code).toBe('EEXIST');
    expect((await rejection(dom0.releaseDomain(0))).code).toBe('EINVAL');
    expect((await rejection(dom0.resumeDomain(12))).code).toBe('ENOENT');
  });

  it('gives a watch token back byte for byte, UTF-8 or not, as C xenstored does', async () => {
    const raw = await RawConnection.open(xenstored.socketPath);
    const token = new Uint8Array([0xff, 0xfe, 0x61]);
    const watch = (type: number) => encodeMessage({ type, reqId: type, txId: 0, payload: concatBytes([nulTerminated(['/tool']), token, new Uint8Array(1)]) });
    raw.send(watch(XsType.WATCH));
    expect(replyText(await raw.reply(XsType.WATCH))).toBe('OK\0');
    await dom0.write('/tool/x', '');
    raw.send(watch(XsType.UNWATCH));
    expect(replyText(await raw.reply(XsType.UNWATCH))).toBe('OK\0');
    const events = raw.frames.filter((frame) => frame.type === XsType.WATCH_EVENT).map((frame) => [...frame.payload]);
    const event = (path: string) => [...concatBytes([new TextEncoder().encode(`${path}\0`), token, new Uint8Array(1)])];
    expect(events).toEqual([event('/tool'), event('/tool/x')]);
    raw.close();
  });

  it('refuses @ paths in node requests with EINVAL, as C xenstored does; @ watches are special', async () => {
    const raw = await RawConnection.open(xenstored.socketPath);
    for (const [type, args] of [
      [XsType.WRITE, ['@foo', 'v']],
      [XsType.READ, ['@foo']],
      [XsType.MKDIR, ['@introduceDomain']],
      [XsType.RM, ['@releaseDomain']],
      [XsType.DIRECTORY, ['@introduceDomain']],
      [XsType.GET_PERMS, ['@releaseDomain']],
      [XsType.SET_PERMS, ['@foo', 'n0']],
    ] as const) {
      const reply = await raw.ask(type, [...args]);
      expect([reply.type, replyText(reply)], `type ${type} ${args[0]}`).toEqual([XsType.ERROR, 'EINVAL\0']);
    }
    expect(await dom0.exists('/local/domain/0/@foo')).toBe(false);
    expect(replyText(await raw.ask(XsType.WATCH, ['@foo', 't']))).toBe('OK\0');
    raw.close();
  });

  it('SET_PERMS on @releaseDomain decides which domains hear it, as C xenstored does', async () => {
    await dom0.introduceDomain(3, 1, 1);
    const special = guest.watch('@releaseDomain');
    await special.ready;
    await dom0.setPermissions('@releaseDomain', ['n0', 'r5']);
    await dom0.releaseDomain(3);
    expect((await special.next()).value!.path).toBe('@releaseDomain');
    expect((await rejection(guest.setPermissions('@releaseDomain', ['b5']))).code).toBe('EACCES');
    await special.close();
  });

  it('TRANSACTION_START inside a transaction answers EBUSY', async () => {
    const tx = await dom0.beginTransaction();
    const nested = dom0.request(XsType.TRANSACTION_START, nulTerminated(['']), tx.id);
    expect((await rejection(nested)).code).toBe('EBUSY');
    await tx.abort();
  });
});
