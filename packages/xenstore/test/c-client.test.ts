import { describe, expect, it } from 'vitest';
import { C_CLIENT_MISSING, hasCClient, runXenstoreTool, startXenstoreWatch } from './c-client.js';
import { useXenstored } from './server-fixture.js';

if (!hasCClient) console.warn(C_CLIENT_MISSING);

describe.skipIf(!hasCClient)("Xen 4.17's C client (xenstore-utils) against our xenstored", () => {
  const server = useXenstored({ guestDomains: [5] });
  const tool = (name: string, ...args: string[]) => runXenstoreTool(server.xenstored.socketPath, name, args);

  it('xenstore-write stores several keys (in a transaction) that our client reads back', async () => {
    expect(await tool('write', '/local/domain/0/name', 'Domain-0', '/vm/u1/image/ostype', 'linux')).toEqual({ stdout: '', stderr: '', rc: 0 });
    expect(await server.xs.read('/local/domain/0/name')).toBe('Domain-0');
    expect(await server.xs.read('/vm/u1/image/ostype')).toBe('linux');
  });

  it('xenstore-read prints values, one per line, and -p prefixes the path', async () => {
    await server.xs.write('/a', 'one');
    await server.xs.write('/b', '');
    expect(await tool('read', '/a')).toEqual({ stdout: 'one\n', stderr: '', rc: 0 });
    expect((await tool('read', '/a', '/b')).stdout).toBe('one\n\n');
    expect((await tool('read', '-p', '/a')).stdout).toBe('/a: one\n');
  });

  it('xenstore-read reports a missing node', async () => {
    expect(await tool('read', '/local/domain/0/nope')).toEqual({
      stdout: '',
      stderr: 'xenstore-read: couldn\'t read path /local/domain/0/nope\n',
      rc: 1,
    });
  });

  it('xenstore-ls prints the tree depth-first with values, -f with full paths, -p with permissions', async () => {
    await server.xs.write('/local/domain/0/name', 'Domain-0');
    await server.xs.write('/local/domain/3/name', 'guest');
    await server.xs.write('/local/domain/3/memory/target', '262144');
    await server.xs.setPermissions('/local/domain/3', ['n3', 'r0']);
    expect(await tool('ls', '/local')).toEqual({
      stdout: [
        'domain = ""',
        ' 0 = ""',
        '  name = "Domain-0"',
        ' 3 = ""',
        '  name = "guest"',
        '  memory = ""',
        '   target = "262144"',
        '',
      ].join('\n'),
      stderr: '',
      rc: 0,
    });
    expect((await tool('ls', '-f', '/local/domain/3')).stdout).toBe(
      '/local/domain/3/name = "guest"\n/local/domain/3/memory = ""\n/local/domain/3/memory/target = "262144"\n',
    );
    const withPerms = (await tool('ls', '-p', '/local/domain')).stdout.split('\n');
    expect(withPerms[2]).toMatch(/^3 = "" [ .]+\(n3,r0\)$/);
  });

  it('xenstore-ls reports a missing path', async () => {
    expect(await tool('ls', '/nope')).toEqual({ stdout: '', stderr: 'xenstore-ls: xs_directory (/nope): No such file or directory\n', rc: 1 });
  });

  it('xenstore-list prints children in creation order, also for a list longer than one reply (DIRECTORY_PART)', async () => {
    await server.xs.write('/local/domain/0/name', 'Domain-0');
    await server.xs.write('/local/domain/5/name', 'g');
    expect(await tool('list', '/local/domain')).toEqual({ stdout: '0\n5\n', stderr: '', rc: 0 });
    const names = Array.from({ length: 600 }, (_, i) => `backend-device-${i}`);
    await Promise.all(names.map((name) => server.xs.write(`/many/${name}`, '')));
    expect((await tool('list', '/many')).stdout).toBe(`${names.join('\n')}\n`);
    expect(await tool('list', '/nope')).toEqual({ stdout: '', stderr: 'xenstore-list: could not list path /nope\n', rc: 1 });
  });

  it('xenstore-exists answers by exit code', async () => {
    await server.xs.write('/here', '');
    expect(await tool('exists', '/here')).toEqual({ stdout: '', stderr: '', rc: 0 });
    expect((await tool('exists', '/gone')).rc).toBe(1);
  });

  it('xenstore-rm removes a subtree', async () => {
    await server.xs.write('/r/a/b', '1');
    await server.xs.write('/r/c', '2');
    expect(await tool('rm', '/r/a')).toEqual({ stdout: '', stderr: '', rc: 0 });
    expect(await server.xs.directory('/r')).toEqual(['c']);
  });

  it('xenstore-chmod sets permissions, -r recursively', async () => {
    await server.xs.write('/c/d/e', '');
    expect((await tool('chmod', '/c', 'n5', 'r0')).rc).toBe(0);
    expect(await server.xs.getPermissions('/c')).toEqual([{ access: 'n', domid: 5 }, { access: 'r', domid: 0 }]);
    expect(await server.xs.getPermissions('/c/d')).toEqual([{ access: 'n', domid: 0 }]);
    expect((await tool('chmod', '-r', '/c', 'b7')).rc).toBe(0);
    expect(await server.xs.getPermissions('/c/d/e')).toEqual([{ access: 'b', domid: 7 }]);
  });

  it('xenstore-watch sees the registration event and our writes', async () => {
    const watch = startXenstoreWatch(server.xenstored.socketPath, '/w', 3);
    await watch.firstLine;
    await server.xs.write('/w/a', '1');
    await server.xs.rm('/w');
    expect(await watch.lines).toEqual(['/w', '/w/a', '/w']);
  });

  it('xenstore-watch hears @introduceDomain when our client introduces a domain', async () => {
    const watch = startXenstoreWatch(server.xenstored.socketPath, '@introduceDomain', 2);
    await watch.firstLine;
    await server.xs.introduceDomain(4, 1234, 5);
    expect(await watch.lines).toEqual(['@introduceDomain', '@introduceDomain']);
  });

  it('our watch sees what xenstore-write does', async () => {
    const watch = server.xs.watch('/from-c');
    await watch.ready;
    await tool('write', '/from-c/x', '1');
    const paths = [(await watch.next()).value?.path, (await watch.next()).value?.path];
    expect(paths).toEqual(['/from-c', '/from-c/x']);
    await watch.close();
  });

  it('the read-only socket refuses xenstore-write and serves xenstore-read', async () => {
    await server.xs.write('/ro', 'value');
    const readOnly = (name: string, ...args: string[]) => runXenstoreTool(server.xenstored.socketRoPath!, name, args);
    expect(await readOnly('write', '/ro', 'x')).toEqual({ stdout: '', stderr: 'xenstore-write: could not write path /ro\n', rc: 1 });
    expect((await readOnly('read', '/ro')).stdout).toBe('value\n');
  });

  it('a guest domain gets EACCES outside its home and may use relative paths in it', async () => {
    await server.xs.mkdir('/local/domain/5');
    await server.xs.setPermissions('/local/domain/5', ['n5']);
    const guest = (name: string, ...args: string[]) => runXenstoreTool(server.xenstored.guestSocketPath(5), name, args);
    expect(await guest('ls', '/local')).toEqual({ stdout: '', stderr: 'xenstore-ls: xs_directory (/local): Permission denied\n', rc: 1 });
    expect((await guest('write', 'data/ready', '1')).rc).toBe(0);
    expect(await server.xs.read('/local/domain/5/data/ready')).toBe('1');
    expect((await guest('read', 'data/ready')).stdout).toBe('1\n');
  });

  it('a client that cannot connect reports the missing socket', async () => {
    const result = await runXenstoreTool(`${server.xenstored.directory}/absent`, 'read', ['/x']);
    expect(result).toEqual({ stdout: '', stderr: 'xenstore-read: xs_open: No such file or directory\n', rc: 1 });
  });
});
