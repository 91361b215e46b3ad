import { describe, expect, it } from 'vitest';
import { link } from 'node:fs/promises';
import { createServer } from 'node:net';
import { XenstoreClient } from '../src/index.js';
import { startTemporaryXenstored, startXenstored } from '../src/server/index.js';
import { rejection } from './helpers.js';
import { useXenstored } from './server-fixture.js';

const server = useXenstored();

describe('node operations', () => {
  it('writes, reads and lists nodes, creating parents', async () => {
    await server.xs.write('/local/domain/3/name', 'guest');
    expect(await server.xs.read('/local/domain/3/name')).toBe('guest');
    expect(await server.xs.read('/local/domain/3')).toBe('');
    expect(await server.xs.directory('/local/domain')).toEqual(['3']);
    expect(await server.xs.directory('/local/domain/3/name')).toEqual([]);
  });

  it('keeps values as raw bytes', async () => {
    const bytes = new Uint8Array([0, 1, 255, 10, 0]);
    await server.xs.write('/bin', bytes);
    expect(await server.xs.readBytes('/bin')).toEqual(bytes);
  });

  it('answers ENOENT with the path for a missing node', async () => {
    const error = await rejection(server.xs.read('/nope'));
    expect(error.code).toBe('ENOENT');
    expect(error.errno).toBe(2);
    expect(error.path).toBe('/nope');
    expect(error.operation).toBe('READ');
    expect(await server.xs.exists('/nope')).toBe(false);
    expect(await server.xs.exists('/tool')).toBe(true);
  });

  it('mkdir leaves an existing value alone', async () => {
    await server.xs.write('/a', 'kept');
    await server.xs.mkdir('/a');
    await server.xs.mkdir('/b/c');
    expect(await server.xs.read('/a')).toBe('kept');
    expect(await server.xs.read('/b/c')).toBe('');
  });

  it('rm removes a subtree; a missing node with a parent is fine, without one ENOENT', async () => {
    await server.xs.write('/a/b/c', '1');
    await server.xs.rm('/a/b');
    expect(await server.xs.directory('/a')).toEqual([]);
    await server.xs.rm('/a/b');
    expect((await rejection(server.xs.rm('/a/b/c'))).code).toBe('ENOENT');
    expect((await rejection(server.xs.rm('/'))).code).toBe('EINVAL');
  });

  it('refuses bad paths locally with EINVAL', async () => {
    for (const path of ['', '/a//b', '/a/', '/a b', '/ä']) {
      expect((await rejection(server.xs.read(path))).code).toBe('EINVAL');
    }
  });

  it('gets and sets permissions', async () => {
    await server.xs.write('/p', 'x');
    expect(await server.xs.getPermissions('/p')).toEqual([{ access: 'n', domid: 0 }]);
    await server.xs.setPermissions('/p', ['b5', { access: 'r', domid: 7 }]);
    expect(await server.xs.getPermissions('/p')).toEqual([
      { access: 'b', domid: 5 },
      { access: 'r', domid: 7 },
    ]);
    expect((await rejection(server.xs.setPermissions('/p', ['x1']))).code).toBe('EINVAL');
  });

  it('lists a directory too large for one reply through DIRECTORY_PART', async () => {
    const names = Array.from({ length: 700 }, (_, i) => `child-number-${i}`);
    await Promise.all(names.map((name) => server.xs.write(`/big/${name}`, '')));
    expect(await server.xs.directory('/big')).toEqual(names);
  });

  it('rejects a payload over 4096 bytes with E2BIG before sending', async () => {
    expect((await rejection(server.xs.write('/v', 'x'.repeat(5000)))).code).toBe('E2BIG');
    expect(await server.xs.exists('/v')).toBe(false);
  });

  it('routes many requests in flight by req_id', async () => {
    await Promise.all(Array.from({ length: 200 }, (_, i) => server.xs.write(`/many/${i}`, String(i * 7))));
    const values = await Promise.all(Array.from({ length: 200 }, (_, i) => server.xs.read(`/many/${i}`)));
    expect(values).toEqual(Array.from({ length: 200 }, (_, i) => String(i * 7)));
  });
});

describe('domains', () => {
  it('introduces, queries and releases a domain', async () => {
    expect(await server.xs.getDomainPath(7)).toBe('/local/domain/7');
    expect(await server.xs.isDomainIntroduced(0)).toBe(true);
    expect(await server.xs.isDomainIntroduced(7)).toBe(false);
    await server.xs.introduceDomain(7, 0x1234, 5);
    expect(await server.xs.isDomainIntroduced(7)).toBe(true);
    await server.xs.resumeDomain(7);
    await server.xs.setTarget(7, 3);
    await server.xs.releaseDomain(7);
    expect(await server.xs.isDomainIntroduced(7)).toBe(false);
    expect((await rejection(server.xs.releaseDomain(7))).code).toBe('ENOENT');
    expect((await rejection(server.xs.getDomainPath(70000))).code).toBe('EINVAL');
  });

  it('answers control commands', async () => {
    expect(await server.xs.control('quota', 'transactionsPerConnection')).toBe('10');
    expect(await server.xs.control('help')).toContain('quota');
    expect((await rejection(server.xs.control('no-such-command'))).code).toBe('EINVAL');
    expect(await server.xs.debug('print', 'hello')).toBe('OK');
  });
});

describe('connection', () => {
  it('rejects pending requests when closed, and later ones too', async () => {
    const pending = server.xs.read('/tool');
    await server.xs.close();
    expect((await rejection(pending)).code).toBe('ECONNRESET');
    expect((await rejection(server.xs.read('/tool'))).code).toBe('ECONNRESET');
  });

  it('rejects pending requests when the server goes away', async () => {
    const other = await XenstoreClient.connect({ path: server.xenstored.socketPath });
    await other.read('/tool');
    await server.xenstored.close();
    expect((await rejection(other.read('/tool'))).code).toBe('ECONNRESET');
    await other.close();
  });

  it('a second server refuses a socket a live one answers on, and replaces a stale one', async () => {
    const second = await rejection(startXenstored({ socketPath: server.xenstored.socketPath }));
    expect(second.code).toBe('EADDRINUSE');
    expect(await server.xs.read('/tool/xenstored')).toBe('');
    const stalePath = `${server.xenstored.directory}/stale`;
    const stale = createServer();
    await new Promise<void>((resolve) => stale.listen(stalePath, resolve));
    // Node removes the socket file on close; a crashed server leaves it: keep it with a hard link.
    await link(stalePath, `${stalePath}-kept`);
    await new Promise<void>((resolve) => stale.close(() => resolve()));
    const replacement = await startXenstored({ socketPath: `${stalePath}-kept` });
    const client = await XenstoreClient.connect({ path: `${stalePath}-kept` });
    expect(await client.read('/tool/xenstored')).toBe('');
    await client.close();
    await replacement.close();
  });

  it('starts with the given nodes and refuses bad initial paths', async () => {
    const seeded = await startTemporaryXenstored({ nodes: { '/local/domain/0/name': 'Domain-0' } });
    const client = await XenstoreClient.connect({ path: seeded.socketPath });
    expect(await client.readTree('/')).toEqual([
      { path: '/tool', value: '' },
      { path: '/tool/xenstored', value: '' },
      { path: '/local', value: '' },
      { path: '/local/domain', value: '' },
      { path: '/local/domain/0', value: '' },
      { path: '/local/domain/0/name', value: 'Domain-0' },
    ]);
    await client.close();
    await seeded.close();
    const refused = await rejection(startTemporaryXenstored({ nodes: { 'relative/name': 'x' } }));
    expect([refused.code, refused.path]).toEqual(['EINVAL', 'relative/name']);
  });

  it('fails to connect with the system error and the path', async () => {
    const error = await rejection(XenstoreClient.connect({ path: `${server.xenstored.directory}/absent` }));
    expect(error.code).toBe('ENOENT');
    expect(error.path).toBe(`${server.xenstored.directory}/absent`);
  });
});

describe('readTree', () => {
  it('lists every node below a path depth-first with values, like xenstore-ls -f', async () => {
    await server.xs.write('/t/a', '1');
    await server.xs.write('/t/a/b', '2');
    await server.xs.write('/t/c', '3');
    expect(await server.xs.readTree('/t')).toEqual([
      { path: '/t/a', value: '1' },
      { path: '/t/a/b', value: '2' },
      { path: '/t/c', value: '3' },
    ]);
    expect((await rejection(server.xs.readTree('/missing'))).code).toBe('ENOENT');
  });
});
