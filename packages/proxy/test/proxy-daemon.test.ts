import { execFile, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Connection, open, openReadOnly, setErrorFunc } from '@libvirt-ts/virt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeXenOptions } from './helpers/fake-xen-options.mjs';
import { DEFAULT_PROXY_SOCKET, proxySocketAddress } from '@libvirt-ts/proxy-protocol';
import { AS_USER_ENTRY, BIN, DAEMON_ENTRY, DAEMON_MISSING, type DaemonProcess, daemonBuilt, type ProxyHost, SEED, socketName, startDaemon, startProxyHost } from './helpers/proxy-host.js';
import { proxyOnlyOptions, readHost, tryWrites } from './helpers/read-host.mjs';

const run = promisify(execFile);
/** An unprivileged account every Debian system has. */
const NOBODY = { uid: 65534, gid: 65534 };
const isRoot = process.getuid?.() === 0;
const xenHere = ['/dev/xen/privcmd', '/proc/xen/privcmd'].some((device) => existsSync(device));
const PYTHON = '/usr/bin/python3';
const DEFINED_GUEST_XML =
  "<domain type='xen'><name>defined-guest</name><uuid>4dea22b3-1d52-d8f3-2516-782e98ab3fa0</uuid><memory>131072</memory><vcpu>1</vcpu>" +
  '<os><type>linux</type><kernel>/boot/vmlinuz-xen</kernel></os></domain>';

if (!daemonBuilt) console.warn(DAEMON_MISSING);

describe.skipIf(!daemonBuilt)('libvirt-ts-proxy as a process over xenstored, a fake xend and a simulated Xen', () => {
  let host: ProxyHost;
  let name: string;
  let daemon: DaemonProcess;
  let direct: Connection;
  const connections: Connection[] = [];

  beforeAll(async () => {
    setErrorFunc(() => {});
    // Xen 3.1's xend (config format 4) keeps defined domains that are not running
    host = await startProxyHost({ ...SEED, node: { xen_minor: 1, xen_extra: '.0' } });
    name = socketName();
    daemon = await startDaemon(host, ['-v', '--abstract', `@${name.slice(1)}`, '-no-timeout']);
    direct = await open('xen:///', await fakeXenOptions(host.dir));
    // a defined domain that is not running, which only libvirt-ts's additions to the protocol carry
    await direct.defineXML(DEFINED_GUEST_XML);
  });
  afterEach(async () => {
    for (const conn of connections.splice(0)) await conn.close();
  });
  afterAll(async () => {
    await direct?.close();
    await daemon?.terminate();
    await host?.close();
    setErrorFunc(null);
  });

  async function throughProxy(): Promise<Connection> {
    const conn = await openReadOnly('xen:///', proxyOnlyOptions(name));
    connections.push(conn);
    return conn;
  }

  it('answers every read-only call as the direct drivers do (root client)', async () => {
    const expected = await readHost(direct);
    expect(expected.ids).toEqual([0, 3, 7, 9]);
    expect(expected.defined).toMatchObject([{ name: 'defined-guest', id: -1, info: { state: 5 }, flags: { active: false, persistent: true } }]);
    expect(await readHost(await throughProxy())).toEqual(expected);
    // the daemon (at -v -v) logged the requests: the answers did come through it
    for (const command of ['NONE', 'LIST', 'LOOKUP_ID', 'LOOKUP_NAME', 'LOOKUP_UUID', 'DOMAIN_INFO', 'MAX_MEMORY', 'DOMAIN_XML', 'DOMAIN_OSTYPE', 'NODE_INFO', 'VERSION']) {
      expect(daemon.stderr()).toContain(`: ${command} serial`);
    }
  });

  it('refuses every write on the proxied connection with OPERATION_DENIED', async () => {
    const codes = await tryWrites(await throughProxy(), 'pv-guest');
    expect(new Set(Object.values(codes))).toEqual(new Set(['OPERATION_DENIED']));
    expect((await direct.lookupByName('pv-guest')).ID()).toBe(3);
  });

  /** as-user.mjs run as nobody against this daemon; its JSON answer. */
  async function readAsNobody(...extraArgs: string[]): Promise<{ uid: number; privcmd?: string; reading: unknown; writes: Record<string, string> }> {
    const child = spawn(process.execPath, [AS_USER_ENTRY, `@${name.slice(1)}`, 'paused-guest', ...extraArgs], { ...NOBODY, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (text: Buffer) => (stdout += text));
    child.stderr.on('data', (text: Buffer) => (stderr += text));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code, stderr).toBe(0);
    return JSON.parse(stdout);
  }

  it.skipIf(!isRoot)('serves an unprivileged user (uid 65534) the same answers, and denies it every write', async () => {
    const result = await readAsNobody();
    expect(result.uid).toBe(NOBODY.uid);
    expect(result.reading).toEqual(await readHost(direct));
    expect(new Set(Object.values(result.writes))).toEqual(new Set(['OPERATION_DENIED']));
    expect((await (await direct.lookupByName('paused-guest')).info()).state).toBe(3);
  });

  it.skipIf(!isRoot)('is the way in for an unprivileged user on a Xen 4.5+ host, whose xenlight driver needs root', async () => {
    // a privcmd only root may open, and no xend: the xenlight driver's host, as in dom0 of Xen 4.17
    const privcmd = join(host.dir, 'privcmd');
    writeFileSync(privcmd, '', { mode: 0o600 });
    const result = await readAsNobody(privcmd);
    expect(result.privcmd).toBe('EPERM');
    expect(result.reading).toEqual(await readHost(direct));
    expect(new Set(Object.values(result.writes))).toEqual(new Set(['OPERATION_DENIED']));
  });
});

/** A plain connection to an abstract name; resolves whether the daemon kept it open for `ms`. */
function heldOpen(name: string, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(proxySocketAddress(name));
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(true);
    }, ms);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(false);
    });
    socket.on('error', () => {});
  });
}

describe.skipIf(!daemonBuilt)('libvirt-ts-proxy lifetime', () => {
  let host: ProxyHost;
  const daemons: DaemonProcess[] = [];
  beforeAll(async () => {
    setErrorFunc(() => {});
    host = await startProxyHost();
  });
  afterEach(async () => {
    for (const daemon of daemons.splice(0)) await daemon.terminate();
  });
  afterAll(async () => {
    await host?.close();
    setErrorFunc(null);
  });

  async function daemonOn(name: string, ...args: string[]): Promise<DaemonProcess> {
    const daemon = await startDaemon(host, ['--abstract', `@${name.slice(1)}`, ...args]);
    daemons.push(daemon);
    return daemon;
  }

  it.skipIf(xenHere)('refuses to start without the Xen drivers of the host: a message and exit status 2', async () => {
    const failure = await run(process.execPath, [BIN, '--abstract', `@${socketName().slice(1)}`]).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failure && failure.code).toBe(2);
    expect((failure as { stderr: string }).stderr).toMatch(/libvirt-ts-proxy: cannot open the Xen drivers of this host \(xen:\/\/\/\): .*privcmd/);
  });

  it('exits 1 with the usage on a command line it cannot follow, 0 on --help', async () => {
    for (const args of [['--bogus'], ['--max-clients', '65'], ['--idle-timeout', 'soon'], ['--abstract', 'nameless'], ['--abstract', 'none'], ['--socket', 'relative']]) {
      const failure = await run(process.execPath, [BIN, ...args]).catch((error: { code: number; stderr: string }) => error);
      expect('code' in failure && failure.code, args.join(' ')).toBe(1);
      expect((failure as { stderr: string }).stderr, args.join(' ')).toContain('Usage: libvirt-ts-proxy');
    }
    expect((await run(process.execPath, [BIN, '--help'])).stdout).toContain('-no-timeout');
  });

  it('leaves the socket to a proxy already running and exits 0, as 0.1.3 did', async () => {
    const name = socketName();
    await daemonOn(name, '-no-timeout');
    const second = await run(process.execPath, [DAEMON_ENTRY, host.dir, '-v', '--abstract', `@${name.slice(1)}`]);
    expect(second.stderr).toContain('a proxy already listens on');
  });

  it('exits (status 0) after its idle timeout, counted from the last client', async () => {
    const name = socketName();
    const daemon = await daemonOn(name, '--idle-timeout', '1');
    const conn = await openReadOnly('xen:///', proxyOnlyOptions(name));
    expect(await conn.numOfDomains()).toBe(4);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(daemon.exited, 'a connected client keeps it alive').toBe(false);
    await conn.close();
    expect(await daemon.exit).toEqual({ code: 0, signal: null });
    expect(daemon.stderr()).toContain('exiting after 1 s without clients');
  });

  it('closes connections beyond --max-clients and keeps serving the others', async () => {
    const name = socketName();
    await daemonOn(name, '--max-clients', '3', '-no-timeout');
    const held = await Promise.all([1, 2, 3].map(() => openReadOnly('xen:///', proxyOnlyOptions(name))));
    expect(await heldOpen(name, 300)).toBe(false);
    expect(await held[2]!.numOfDomains()).toBe(4);
    await held[0]!.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await heldOpen(name, 300)).toBe(true);
    for (const conn of held.slice(1)) await conn.close();
  });

  it('listens on a path socket as well, mode 0666, and removes it on exit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'proxy14-path-'));
    try {
      const path = join(dir, 'proxy.sock');
      const daemon = await daemonOn(socketName(), '--socket', path, '-no-timeout');
      expect(daemon.stderr()).toContain(`and ${path}`);
      const conn = await openReadOnly('xen:///', proxyOnlyOptions(path));
      expect(await conn.listDomains()).toEqual([0, 3, 7, 9]);
      await conn.close();
      await daemon.terminate();
      expect(existsSync(path)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is started on demand by a client that finds nobody listening (the launch path an option)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'proxy14-launch-'));
    try {
      const launcher = join(dir, 'libvirt-ts-proxy');
      // what a packager's wrapper would be; this one points the daemon at the test host
      writeFileSync(launcher, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(DAEMON_ENTRY)} ${JSON.stringify(host.dir)} --idle-timeout 1 "$@"\n`);
      chmodSync(launcher, 0o755);
      const name = socketName();
      const conn = await openReadOnly('xen:///', proxyOnlyOptions(name, launcher));
      expect(await conn.listDomains()).toEqual([0, 3, 7, 9]);
      await conn.close();
      // idle for a second, it leaves: the next open starts it again
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(await heldOpen(name, 100)).toBe(false);
      const again = await openReadOnly('xen:///', proxyOnlyOptions(name, launcher));
      expect(await again.numOfDomains()).toBe(4);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!existsSync(PYTHON))("serves a client binding 0.1.3's way: the full 110-byte sockaddr_un, NONE then VERSION", async () => {
    const name = socketName();
    await daemonOn(name, '-no-timeout');
    // Python's AF_UNIX address length is the path's: padded to 108 bytes it is libvirt's sizeof(sockaddr_un)
    const script = `
import socket, struct, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect(sys.argv[1].encode().replace(b'@', b'\\0', 1).ljust(108, b'\\0'))
for command, serial in ((0, 1), (1, 2), (4, 3)):
    s.sendall(struct.pack('<HHHHq', 1, command, serial, 16, 0))
    version, cmd, ser, length, data = struct.unpack('<HHHHq', s.recv(16))
    print(cmd, ser, length, data)
`;
    const { stdout } = await run(PYTHON, ['-c', script, `@${name.slice(1)}`]);
    const direct = await open('xen:///', await fakeXenOptions(host.dir));
    try {
      expect(stdout.trim().split('\n')).toEqual(['0 1 16 0', `1 2 16 ${await direct.getVersion()}`, `4 3 16 ${await direct.numOfDomains()}`]);
    } finally {
      await direct.close();
    }
    // and the name a client without a name of its own uses is 0.1.3's, padded the same way
    expect(proxySocketAddress(DEFAULT_PROXY_SOCKET)).toBe(`\0/tmp/livirt_proxy_conn${'\0'.repeat(108 - 23)}`);
  });
});
