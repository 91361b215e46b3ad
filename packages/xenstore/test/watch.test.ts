import { describe, expect, it } from 'vitest';
import { XenstoreClient } from '../src/index.js';
import { nextPaths, rejection } from './helpers.js';
import { useXenstored } from './server-fixture.js';

const server = useXenstored();

describe('watches', () => {
  it('delivers the registration event, then changes to the node and below it only', async () => {
    const watch = server.xs.watch('/local/domain/1');
    await watch.ready;
    await server.xs.write('/local/domain/1/name', 'a');
    await server.xs.write('/local/domain/2/name', 'b'); // not below: no event
    await server.xs.write('/local/domain/1', 'x');
    await server.xs.setPermissions('/local/domain/1', ['n0', 'r1']);
    await server.xs.rm('/local/domain/1/name');
    expect(await nextPaths(watch, 5)).toEqual([
      '/local/domain/1',
      '/local/domain/1/name',
      '/local/domain/1',
      '/local/domain/1',
      '/local/domain/1/name',
    ]);
    await watch.close();
  });

  it('removing an ancestor fires watches below it with their own path', async () => {
    await server.xs.write('/vm/u1/image/ostype', 'linux');
    const watch = server.xs.watch('/vm/u1/image');
    await server.xs.rm('/vm');
    expect(await nextPaths(watch, 2)).toEqual(['/vm/u1/image', '/vm/u1/image']);
    await watch.close();
  });

  it('gives every watch a unique token and routes events by it', async () => {
    const first = server.xs.watch('/a');
    const second = server.xs.watch('/a');
    await Promise.all([first.ready, second.ready]);
    expect(first.token).not.toBe(second.token);
    await server.xs.write('/a/b', '1');
    expect(await nextPaths(first, 2)).toEqual(['/a', '/a/b']);
    expect(await nextPaths(second, 2)).toEqual(['/a', '/a/b']);
    await Promise.all([first.close(), second.close()]);
  });

  it('fails with ENOBUFS when its reader falls too far behind, and unwatches', async () => {
    const watch = server.xs.watch('/fast', { maxQueuedEvents: 5, token: 'slow-reader' });
    await watch.ready;
    for (let i = 0; i < 6; i++) await server.xs.write('/fast/x', String(i));
    const paths: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const event of watch) paths.push(event.path);
      })(),
    );
    expect(error.code).toBe('ENOBUFS');
    expect(paths).toHaveLength(5);
    const again = server.xs.watch('/fast', { token: 'slow-reader' });
    await again.ready;
    await again.close();
  });

  it('ends with break (return) and unwatches on the server', async () => {
    const watch = server.xs.watch('/w', { token: 'mine' });
    for await (const event of watch) {
      expect(event).toEqual({ path: '/w', token: 'mine' });
      break;
    }
    // The server dropped the watch: the same path and token can be registered again.
    const again = server.xs.watch('/w', { token: 'mine' });
    await again.ready;
    expect(await nextPaths(again, 1)).toEqual(['/w']);
    await again.close();
    expect((await watch.next()).done).toBe(true);
  });

  it('ends when its AbortSignal aborts', async () => {
    const controller = new AbortController();
    const watch = server.xs.watch('/s', { signal: controller.signal, token: 'aborted' });
    await watch.ready;
    expect(await nextPaths(watch, 1)).toEqual(['/s']);
    const pending = watch.next();
    controller.abort();
    expect((await pending).done).toBe(true);
    const unwatch = server.xs.request(5, new TextEncoder().encode('/s\0aborted\0'));
    expect((await rejection(unwatch)).code).toBe('ENOENT');
  });

  it('rejects iteration when the server refuses the watch', async () => {
    await server.xs.control('quota', 'watchesPerConnection', '1');
    const first = server.xs.watch('/one');
    await first.ready;
    const refused = server.xs.watch('/two');
    expect((await rejection(refused.next())).code).toBe('E2BIG');
    expect((await rejection(refused.ready)).code).toBe('E2BIG');
    await first.close();
    const local = server.xs.watch('/bad//path');
    expect((await rejection(local.ready)).code).toBe('EINVAL');
  });

  it('fires @introduceDomain and @releaseDomain, and accepts other @ paths that never fire', async () => {
    const never = server.xs.watch('@anything');
    expect(await nextPaths(never, 1)).toEqual(['@anything']);
    const introduced = server.xs.watch('@introduceDomain');
    const released = server.xs.watch('@releaseDomain');
    await Promise.all([introduced.ready, released.ready]);
    await server.xs.introduceDomain(4, 1000, 3);
    await server.xs.releaseDomain(4);
    expect(await nextPaths(introduced, 2)).toEqual(['@introduceDomain', '@introduceDomain']);
    expect(await nextPaths(released, 2)).toEqual(['@releaseDomain', '@releaseDomain']);
    await Promise.all([introduced.close(), released.close(), never.close()]);
  });

  it('limits events to depth levels below the path when asked', async () => {
    const watch = server.xs.watch('/d', { depth: 1 });
    await server.xs.write('/d/1/2', 'deep');
    await server.xs.write('/d/1', 'shallow');
    expect(await nextPaths(watch, 2)).toEqual(['/d', '/d/1']);
    await watch.close();
  });

  it('fires changes made in a transaction only when it commits', async () => {
    await server.xs.write('/t/outside', '1');
    const watch = server.xs.watch('/t');
    expect(await nextPaths(watch, 1)).toEqual(['/t']);
    const tx = await server.xs.beginTransaction();
    await tx.write('/t/in-tx', '1');
    await server.xs.write('/t/outside', '2');
    expect(await nextPaths(watch, 1)).toEqual(['/t/outside']);
    await tx.commit();
    expect(await nextPaths(watch, 1)).toEqual(['/t/in-tx']);
    await watch.close();
  });

  it('ends watches quietly on close() and with ECONNRESET when the server goes away', async () => {
    const other = await XenstoreClient.connect({ path: server.xenstored.socketPath });
    const quiet = server.xs.watch('/q');
    const lost = other.watch('/q');
    await Promise.all([quiet.ready, lost.ready]);
    await nextPaths(quiet, 1);
    await nextPaths(lost, 1);
    await server.xs.close();
    expect((await quiet.next()).done).toBe(true);
    await server.xenstored.close();
    expect((await rejection(lost.next())).code).toBe('ECONNRESET');
  });
});
