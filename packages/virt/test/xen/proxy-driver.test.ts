import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Driver, DriverOpenRequest } from '../../src/driver.js';
import { proxyDriverFactory } from '../../src/drivers/proxy/proxy-factory.js';
import { VirtError } from '../../src/errors/virt-error.js';
import { formatUuid } from '@libvirt-ts/xml-format';
import { type RunningProxyServer, startProxyServer } from './helpers/proxy-server.js';
import { STATIC_DOMAINS, STATIC_NODE, staticDriver } from './helpers/static-driver.js';

let counter = 0;
/** A fresh abstract socket name per test, so parallel runs never meet. */
function socketName(): string {
  return `\0/tmp/libvirt-ts-proxy-test-${process.pid}-${counter++}`;
}

function request(options: Record<string, unknown>, readOnly = true, quiet = false): DriverOpenRequest {
  return { name: undefined, uri: undefined, readOnly, quiet, options: { proxyBinary: false, ...options } };
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(options: Partial<Parameters<typeof startProxyServer>[0]> = {}): Promise<{ name: string; server: RunningProxyServer }> {
  const name = socketName();
  const server = await startProxyServer({ socketName: name, source: staticDriver(), ...options });
  cleanups.push(() => server.close());
  return { name, server };
}

async function openProxy(options: Record<string, unknown>): Promise<Driver> {
  const driver = await proxyDriverFactory.open(request(options));
  if (!driver) throw new Error('the proxy driver declined');
  cleanups.push(() => driver.close());
  return driver;
}

function expectVirtError(code: string, domain = 'PROXY') {
  return (error: unknown) => VirtError.isInstance(error) && error.code === code && error.domain === domain;
}

describe('proxy driver against a libvirt_proxy server', () => {
  it('answers every query of the protocol', async () => {
    const { name, server } = await serve();
    const proxy = await openProxy({ proxySocket: name });
    expect(server.requests[0]?.command).toBe(0); // the NONE handshake
    expect(await proxy.getVersion!()).toBe(3_000_002);
    expect(await proxy.nodeGetInfo!()).toEqual(STATIC_NODE);
    expect(await proxy.listDomainIDs!()).toEqual([0, 6]);
    expect(await proxy.numOfDomains!()).toBe(2);
    const pv = STATIC_DOMAINS[1]!;
    const byId = await proxy.lookupByID!(6);
    expect(byId && { ...byId, uuid: formatUuid(byId.uuid) }).toEqual({ id: 6, name: 'pvtest', uuid: formatUuid(pv.uuid) });
    expect((await proxy.lookupByName!('pvtest'))?.id).toBe(6);
    expect((await proxy.lookupByUUID!(pv.uuid))?.name).toBe('pvtest');
    expect(await proxy.domainGetMaxMemory!(pv)).toBe(430080);
    expect(await proxy.domainGetInfo!(pv)).toEqual(pv.info);
  });

  it('reports unknown domains as not found, and info on them as a PROXY error', async () => {
    const { name } = await serve();
    const proxy = await openProxy({ proxySocket: name });
    expect(await proxy.lookupByID!(42)).toBeUndefined();
    expect(await proxy.lookupByName!('nope')).toBeUndefined();
    expect(await proxy.lookupByUUID!(new Uint8Array(16).fill(7))).toBeUndefined();
    await expect(proxy.domainGetInfo!({ id: 42, name: 'x', uuid: new Uint8Array(16) })).rejects.toSatisfy(expectVirtError('OPERATION_FAILED'));
  });

  it('keeps 100 concurrent requests on one connection apart', async () => {
    const { name } = await serve();
    const proxy = await openProxy({ proxySocket: name });
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? proxy.lookupByID!(i % 4 === 0 ? 0 : 6) : proxy.listDomainIDs!())),
    );
    answers.forEach((answer, i) => {
      if (i % 2 === 1) expect(answer).toEqual([0, 6]);
      else expect((answer as { name: string }).name).toBe(i % 4 === 0 ? 'Domain-0' : 'pvtest');
    });
  });

  it('declines read-write opens and names that are not the local Xen host', async () => {
    const { name } = await serve();
    expect(await proxyDriverFactory.open(request({ proxySocket: name }, false))).toBeUndefined();
    const other = { ...request({ proxySocket: name }), name: 'test:///default', uri: { scheme: 'test', host: '', port: undefined, path: '/default', query: '', canonical: 'test:///default' } };
    expect(await proxyDriverFactory.open(other)).toBeUndefined();
  });

  it('fails with NO_CONNECT when no proxy listens, and declines quietly in quiet opens', async () => {
    const name = socketName();
    await expect(proxyDriverFactory.open(request({ proxySocket: name }))).rejects.toSatisfy(expectVirtError('NO_CONNECT'));
    expect(await proxyDriverFactory.open(request({ proxySocket: name }, true, true))).toBeUndefined();
  });

  it('turns a garbled reply into a PROXY error', async () => {
    const { name } = await serve({
      mangle: (reply, req) => (req.command === 1 ? Uint8Array.from(reply, (b, i) => (i === 0 ? 9 : b)) : reply),
    });
    const proxy = await openProxy({ proxySocket: name });
    await expect(proxy.getVersion!()).rejects.toSatisfy(expectVirtError('OPERATION_FAILED'));
    // the stream is out of step for good: later calls fail too, nothing hangs
    await expect(proxy.listDomainIDs!()).rejects.toSatisfy(expectVirtError('OPERATION_FAILED'));
  });

  it('times out a request the proxy never answers', async () => {
    const { name } = await serve({ mangle: (reply, req) => (req.command === 3 ? undefined : reply) });
    const proxy = await openProxy({ proxySocket: name, timeoutMs: 200 });
    await expect(proxy.listDomainIDs!()).rejects.toSatisfy(
      (error: unknown) => expectVirtError('OPERATION_FAILED')(error) && /did not answer LIST/.test((error as Error).message),
    );
  });

  it('starts the proxy binary when nobody listens, as libvirt forked libvirt_proxy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'libvirt-ts-proxy-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const name = socketName();
    const binary = join(dir, 'libvirt_proxy');
    // a minimal proxy: answers the handshake and VERSION, exits when its client leaves
    writeFileSync(
      binary,
      `#!${process.execPath}
const net = require('node:net');
const server = net.createServer((s) => {
  s.on('data', (b) => {
    for (let at = 0; at + 16 <= b.length; at += b.readUInt16LE(at + 6)) {
      const reply = Buffer.from(b.subarray(at, at + 16));
      if (reply.readUInt16LE(2) === 1) reply.writeBigInt64LE(4001000n, 8);
      s.write(reply);
    }
  });
  s.on('close', () => server.close());
  s.on('error', () => {});
});
server.listen(${JSON.stringify(name.padEnd(108, '\0'))});
setTimeout(() => process.exit(0), 10000).unref();
`,
    );
    chmodSync(binary, 0o755);
    const proxy = await openProxy({ proxySocket: name, proxyBinary: binary });
    expect(await proxy.getVersion!()).toBe(4_001_000);
  });

  it('gives up as soon as the started proxy exits without listening, naming its status', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'libvirt-ts-proxy-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const binary = join(dir, 'libvirt_proxy');
    // what libvirt-ts-proxy does where it cannot open the Xen drivers
    writeFileSync(binary, '#!/bin/sh\nexit 2\n');
    chmodSync(binary, 0o755);
    // an open timeout of 10 minutes, far past this test's own: only the exit can end the wait in time
    await expect(openProxy({ proxySocket: socketName(), proxyBinary: binary, timeoutMs: 600_000 })).rejects.toThrow(/exited \(status 2\) without accepting connections/);
  });
});
