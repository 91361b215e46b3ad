import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XenstoreClient } from '../src/index.js';
import { startTemporaryXenstored, type TemporaryXenstored } from '../src/server/index.js';
import { rejection } from './helpers.js';

let xenstored: TemporaryXenstored;
let xs: XenstoreClient;

beforeEach(async () => {
  xenstored = await startTemporaryXenstored();
  xs = await XenstoreClient.connect({ path: xenstored.socketPath });
});

afterEach(async () => {
  await xs.close();
  await xenstored.close();
});

describe('node operations', () => {
  it('writes, reads and lists nodes, creating parents', async () => {
    await xs.write('/local/domain/3/name', 'guest');
    expect(await xs.read('/local/domain/3/name')).toBe('guest');
    expect(await xs.read('/local/domain/3')).toBe('');
    expect(await xs.directory('/local/domain')).toEqual(['3']);
    expect(await xs.directory('/local/domain/3/name')).toEqual([]);
  });

  it('keeps values as raw bytes', async () => {
    const bytes = new Uint8Array([0, 1, 255, 10, 0]);
    await xs.write('/bin', bytes);
    expect(await xs.readBytes('/bin')).toEqual(bytes);
  });

  it('answers ENOENT with the path for a missing node', async () => {
    const error = await rejection(xs.read('/nope'));
    expect(error.code).toBe('ENOENT');
    expect(error.errno).toBe(2);
    expect(error.path).toBe('/nope');
    expect(error.operation).toBe('READ');
    expect(await xs.exists('/nope')).toBe(false);
    expect(await xs.exists('/tool')).toBe(true);
  });

  it('mkdir leaves an existing value alone', async () => {
    await xs.write('/a', 'kept');
    await xs.mkdir('/a');
    await xs.mkdir('/b/c');
    expect(await xs.read('/a')).toBe('kept');
    expect(await xs.read('/b/c')).toBe('');
  });

  it('rm removes a subtree; a missing node with a parent is fine, without one ENOENT', async () => {
    await xs.write('/a/b/c', '1');
    await xs.rm('/a/b');
    expect(await xs.directory('/a')).toEqual([]);
    await xs.rm('/a/b');
    expect((await rejection(xs.rm('/a/b/c'))).code).toBe('ENOENT');
    expect((await rejection(xs.rm('/'))).code).toBe('EINVAL');
  });

  it('refuses bad paths locally with EINVAL', async () => {
    for (const path of ['', '/a//b', '/a/', '/a b', '/ä']) {
      expect((await rejection(xs.read(path))).code).toBe('EINVAL');
    }
  });

  it('gets and sets permissions', async () => {
    await xs.write('/p', 'x');
    expect(await xs.getPermissions('/p')).toEqual([{ access: 'n', domid: 0 }]);
    await xs.setPermissions('/p', ['b5', { access: 'r', domid: 7 }]);
    expect(await xs.getPermissions('/p')).toEqual([
      { access: 'b', domid: 5 },
      { access: 'r', domid: 7 },
    ]);
    expect((await rejection(xs.setPermissions('/p', ['x1']))).code).toBe('EINVAL');
  });

  it('lists a directory too large for one reply through DIRECTORY_PART', async () => {
    const names = Array.from({ length: 700 }, (_, i) => `child-number-${i}`);
    await Promise.all(names.map((name) => xs.write(`/big/${name}`, '')));
    expect(await xs.directory('/big')).toEqual(names);
  });

  it('rejects a payload over 4096 bytes with E2BIG before sending', async () => {
    expect((await rejection(xs.write('/v', 'x'.repeat(5000)))).code).toBe('E2BIG');
    expect(await xs.exists('/v')).toBe(false);
  });

  it('routes many requests in flight by req_id', async () => {
    await Promise.all(Array.from({ length: 200 }, (_, i) => xs.write(`/many/${i}`, String(i * 7))));
    const values = await Promise.all(Array.from({ length: 200 }, (_, i) => xs.read(`/many/${i}`)));
    expect(values).toEqual(Array.from({ length: 200 }, (_, i) => String(i * 7)));
  });
});

describe('domains', () => {
  it('introduces, queries and releases a domain', async () => {
    expect(await xs.getDomainPath(7)).toBe('/local/domain/7');
    expect(await xs.isDomainIntroduced(0)).toBe(true);
    expect(await xs.isDomainIntroduced(7)).toBe(false);
    await xs.introduceDomain(7, 0x1234, 5);
    expect(await xs.isDomainIntroduced(7)).toBe(true);
    await xs.resumeDomain(7);
    await xs.setTarget(7, 3);
    await xs.releaseDomain(7);
    expect(await xs.isDomainIntroduced(7)).toBe(false);
    expect((await rejection(xs.releaseDomain(7))).code).toBe('ENOENT');
    expect((await rejection(xs.getDomainPath(70000))).code).toBe('EINVAL');
  });

  it('answers control commands', async () => {
    expect(await xs.control('quota', 'transactionsPerConnection')).toBe('10');
    expect(await xs.control('help')).toContain('quota');
    expect((await rejection(xs.control('no-such-command'))).code).toBe('EINVAL');
  });
});

describe('connection', () => {
  it('rejects pending requests when closed, and later ones too', async () => {
    const pending = xs.read('/tool');
    await xs.close();
    expect((await rejection(pending)).code).toBe('ECONNRESET');
    expect((await rejection(xs.read('/tool'))).code).toBe('ECONNRESET');
  });

  it('rejects pending requests when the server goes away', async () => {
    const other = await XenstoreClient.connect({ path: xenstored.socketPath });
    await other.read('/tool');
    await xenstored.close();
    expect((await rejection(other.read('/tool'))).code).toBe('ECONNRESET');
    await other.close();
  });

  it('fails to connect with the system error and the path', async () => {
    const error = await rejection(XenstoreClient.connect({ path: `${xenstored.directory}/absent` }));
    expect(error.code).toBe('ENOENT');
    expect(error.path).toBe(`${xenstored.directory}/absent`);
  });
});

describe('readTree', () => {
  it('lists every node below a path depth-first with values, like xenstore-ls -f', async () => {
    await xs.write('/t/a', '1');
    await xs.write('/t/a/b', '2');
    await xs.write('/t/c', '3');
    expect(await xs.readTree('/t')).toEqual([
      { path: '/t/a', value: '1' },
      { path: '/t/a/b', value: '2' },
      { path: '/t/c', value: '3' },
    ]);
    expect((await rejection(xs.readTree('/missing'))).code).toBe('ENOENT');
  });
});
