// The client against a real libvirtd 9 started by the test, test:///default behind it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openRemote,
  REMOTE_PROCEDURE_NAMES,
  REMOTE_PROGRAM,
  RemoteError,
  type RemoteConnection,
  RemoteProcedures,
  xdrUnsignedInt,
  xdrVoid,
} from '../src/index.js';
import { camelCase } from '../src/rpcgen/index.js';
import { type Libvirtd, libvirtdMissing, makePki, startLibvirtd } from '../src/testing/index.js';

const FAKE_SSH = new URL('./fake-ssh.sh', import.meta.url).pathname;

const missing = libvirtdMissing();

describe.skipIf(missing)(`against a real libvirtd 9${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let daemon: Libvirtd;
  let connection: RemoteConnection;

  beforeAll(async () => {
    daemon = await startLibvirtd({ tls: true });
    connection = await openRemote(daemon.unixUri);
  });
  afterAll(async () => {
    await connection?.close();
    await daemon?.stop();
  });

  it('opens test:///default and reads the host as virsh 9 does', async () => {
    const { uri } = await connection.procedures.connectGetUri();
    expect(uri).toBe('test:///default');
    const { hostname } = await connection.procedures.connectGetHostname();
    expect(hostname).toBe(execFileSync('virsh', ['-c', daemon.unixUri, 'hostname'], { encoding: 'utf8' }).trim());
    const { type } = await connection.procedures.connectGetType();
    expect(type).toBe('TEST');
    const info = await connection.procedures.nodeGetInfo();
    // char model[32] travels as 32 ints: the model string comes back byte by byte.
    const model = String.fromCharCode(...info.model.filter((c) => c !== 0));
    const virshNodeinfo = execFileSync('virsh', ['-c', daemon.unixUri, 'nodeinfo'], { encoding: 'utf8' });
    expect(virshNodeinfo).toContain(`CPU model:           ${model}`);
    expect(virshNodeinfo).toContain(`CPU(s):              ${info.cpus}`);
  });

  it('lists and reads domains as virsh 9 sees them', async () => {
    const { ids } = await connection.procedures.connectListDomains({ maxids: 100 });
    const { dom } = await connection.procedures.domainLookupById({ id: ids[0]! });
    expect(dom.name).toBe('test');
    const info = await connection.procedures.domainGetInfo({ dom });
    const dominfo = execFileSync('virsh', ['-c', daemon.unixUri, 'dominfo', 'test'], { encoding: 'utf8' });
    expect(dominfo).toContain(`Max memory:     ${info.maxMem} KiB`);
    expect(dominfo).toContain(`CPU(s):         ${info.nrVirtCpu}`);
    expect(info.state).toBe(1);
    const { xml } = await connection.procedures.domainGetXmlDesc({ dom, flags: 0 });
    expect(xml).toContain('<name>test</name>');
  });

  it('runs many calls in flight, each reply matched to its call', async () => {
    const { dom } = await connection.procedures.domainLookupByName({ name: 'test' });
    const names = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        i % 2 === 0
          ? connection.procedures.domainGetInfo({ dom }).then((info) => `info:${info.nrVirtCpu}`)
          : connection.procedures.connectGetHostname().then((reply) => `host:${reply.hostname.length > 0}`),
      ),
    );
    expect(names.filter((name) => name === 'info:2')).toHaveLength(100);
    expect(names.filter((name) => name === 'host:true')).toHaveLength(100);
  });

  it('an error reply becomes a RemoteError with libvirt code, domain and message', async () => {
    const error = await connection.procedures.domainLookupByName({ name: 'no-such-domain' }).catch((e: unknown) => e);
    expect(RemoteError.isInstance(error)).toBe(true);
    const remote = error as RemoteError;
    expect(remote.code).toBe('SERVER');
    expect(remote.virErrorCode).toBe(42); // VIR_ERR_NO_DOMAIN
    expect(remote.virErrorDomain).toBe(12); // VIR_FROM_TEST
    expect(remote.level).toBe(2);
    // libvirt's C client (python3-libvirt) reports the same error for the same call.
    const peer = execFileSync(
      '/usr/bin/python3',
      ['-c', `import libvirt,sys\nc=libvirt.open(sys.argv[1])\ntry: c.lookupByName('no-such-domain')\nexcept libvirt.libvirtError as e: print(e.get_error_code(), e.get_error_domain(), e.get_error_level(), e.get_error_message())`, daemon.unixUri],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    expect(peer.trim()).toBe(`${remote.virErrorCode} ${remote.virErrorDomain} ${remote.level} ${remote.message}`);
  });

  it('changes state that virsh then sees (suspend, resume)', async () => {
    const { dom } = await connection.procedures.domainLookupByName({ name: 'test' });
    await connection.procedures.domainSuspend({ dom });
    expect(execFileSync('virsh', ['-c', daemon.unixUri, 'domstate', 'test'], { encoding: 'utf8' }).trim()).toBe('paused');
    await connection.procedures.domainResume({ dom });
    expect(execFileSync('virsh', ['-c', daemon.unixUri, 'domstate', 'test'], { encoding: 'utf8' }).trim()).toBe('running');
  });

  it('typed params (a union) decode: scheduler parameters', async () => {
    const { dom } = await connection.procedures.domainLookupByName({ name: 'test' });
    const { nparams } = await connection.procedures.domainGetSchedulerType({ dom });
    const { params } = await connection.procedures.domainGetSchedulerParameters({ dom, nparams });
    expect(params.length).toBe(nparams);
    expect(params[0]!.field).toBe('weight');
    expect(params[0]!.value.type).toBe(2); // VIR_TYPED_PARAM_UINT
  });

  it('read-only connections use the -ro socket and cannot change anything', async () => {
    const readonly = await openRemote(`test+unix:///default?socket=${daemon.readonlySocket}`, { readonly: true });
    try {
      const { dom } = await readonly.procedures.domainLookupByName({ name: 'test' });
      const error = (await readonly.procedures.domainSuspend({ dom }).catch((e: unknown) => e)) as RemoteError;
      expect(error.code).toBe('SERVER');
      expect(error.virErrorCode).toBe(29); // VIR_ERR_OPERATION_DENIED
      expect(error.message).toBe('operation forbidden: read only access prevents virDomainSuspend');
    } finally {
      await readonly.close();
    }
  });

  it('TCP transport: test+tcp://127.0.0.1:PORT/default', async () => {
    const tcp = await openRemote(`test+tcp://127.0.0.1:${daemon.tcpPort}/default`);
    try {
      expect((await tcp.procedures.connectGetUri()).uri).toBe('test:///default');
      const { dom } = await tcp.procedures.domainLookupByName({ name: 'test' });
      expect((await tcp.procedures.domainGetInfo({ dom })).nrVirtCpu).toBe(2);
    } finally {
      await tcp.close();
    }
  });

  it('TLS transport with libvirt PKI layout (pkipath): test+tls://127.0.0.1:PORT/default', async () => {
    for (const host of ['127.0.0.1', 'localhost']) {
      const tls = await openRemote(`test+tls://${host}:${daemon.tlsPort}/default?pkipath=${daemon.pki!.clientDirectory}`);
      try {
        expect((await tls.procedures.connectGetUri()).uri).toBe('test:///default');
      } finally {
        await tls.close();
      }
    }
  });

  it('TLS refuses a server whose certificate another CA signed, unless no_verify=1', async () => {
    const other = mkdtempSync(join(tmpdir(), 'other-pki-'));
    try {
      const pki = makePki(other);
      const error = (await openRemote(`test+tls://127.0.0.1:${daemon.tlsPort}/default?pkipath=${pki.clientDirectory}`).catch((e: unknown) => e)) as RemoteError;
      expect(RemoteError.isInstance(error)).toBe(true);
      expect(error.code).toBe('TLS');
      const missingFiles = (await openRemote(`test+tls://127.0.0.1:${daemon.tlsPort}/default?pkipath=${other}/none`).catch((e: unknown) => e)) as RemoteError;
      expect(missingFiles.code).toBe('TLS');
      expect(missingFiles.message).toMatch(/cannot read .*none\/cacert\.pem/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('SSH transport: ssh argv run (a stand-in ssh runs the remote command locally), nc to the socket', async () => {
    const ssh = await openRemote(`test+ssh://root@localhost/default?socket=${daemon.socket}&command=${FAKE_SSH}`);
    try {
      expect((await ssh.procedures.connectGetUri()).uri).toBe('test:///default');
      const { dom } = await ssh.procedures.domainLookupByName({ name: 'test' });
      expect((await ssh.procedures.domainGetInfo({ dom })).nrVirtCpu).toBe(2);
    } finally {
      await ssh.close();
    }
  });

  it('a missing socket is a CONNECT error naming it', async () => {
    const error = (await openRemote(`test+unix:///default?socket=${daemon.directory}/nope`).catch((e: unknown) => e)) as RemoteError;
    expect(error.code).toBe('CONNECT');
    expect(error.message).toContain(`${daemon.directory}/nope`);
  });

  it('libvirtd 9.0 knows every procedure number of the generated table, and none past it', async () => {
    // Each procedure with arguments, called with a body that cannot decode as them (one unsigned int
    // 0xffffffff: a string length over every limit, or too few bytes): libvirtd answers "unknown
    // procedure" only for numbers it does not have, so the numbers are checked without running anything.
    const sweep = await openRemote(daemon.unixUri);
    const client = sweep.client;
    const takesArguments = (name: string) =>
      (RemoteProcedures.prototype as unknown as Record<string, (...args: unknown[]) => unknown>)[camelCase(name.slice('REMOTE_PROC_'.length))]?.length === 2;
    const numbers = Object.entries(REMOTE_PROCEDURE_NAMES).filter(([, name]) => takesArguments(name)).map(([number]) => Number(number));
    expect(numbers.length).toBeGreaterThan(350);
    const messages = new Map<number, string>();
    for (const number of [...numbers, 444]) {
      const error = (await client.call(REMOTE_PROGRAM, 1, number, xdrUnsignedInt, 0xffffffff, xdrVoid).catch((e: unknown) => e)) as RemoteError | undefined;
      messages.set(number, error?.message ?? 'ok');
    }
    const unknown = [...messages].filter(([, message]) => /unknown procedure/i.test(message)).map(([number]) => number);
    expect(unknown).toEqual([444]);
    expect(messages.get(444)).toBe('unknown procedure: 444');
    expect(client.isOpen).toBe(true);
    await sweep.close();
  });
});
