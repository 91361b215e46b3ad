import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { candidatePaths, encodeMessage, nulTerminated, readHeader, utf8, XenstoreClient, type XenstoreTransport, XsType } from '../src/index.js';
import { startTemporaryXenstored } from '../src/server/index.js';
import { rejection } from './helpers.js';
import { startScriptedServer } from './scripted-server.js';

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'xenstore-transport-'));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('search order (libxenstore 4.17 xs_open)', () => {
  const device = existsSync('/dev/xen/xenbus') ? '/dev/xen/xenbus' : '/proc/xen/xenbus';

  it('defaults to /var/run/xenstored/socket, then the xenbus device', async () => {
    expect(await candidatePaths({ env: {} })).toEqual(['/var/run/xenstored/socket', device]);
  });

  it('tries $XENSTORED_PATH as socket and then as device', async () => {
    expect(await candidatePaths({ env: { XENSTORED_PATH: '/x/s' } })).toEqual(['/x/s', '/x/s']);
  });

  it('uses $XENSTORED_RUNDIR, and socket_ro first for read-only opens', async () => {
    expect(await candidatePaths({ env: { XENSTORED_RUNDIR: '/r' }, readOnly: true })).toEqual(['/r/socket_ro', '/r/socket', device]);
  });

  it('an explicit path is the only candidate', async () => {
    expect(await candidatePaths({ path: '/p', env: { XENSTORED_PATH: '/x' } })).toEqual(['/p']);
  });

  it('connects through XENSTORED_PATH like the C client', async () => {
    const xenstored = await startTemporaryXenstored();
    try {
      const xs = await XenstoreClient.connect({ env: { XENSTORED_PATH: xenstored.socketPath } });
      expect(xs.description).toBe(`unix:${xenstored.socketPath}`);
      expect(await xs.read('/tool/xenstored')).toBe('');
      await xs.close();
      const readOnly = await XenstoreClient.connect({ env: { XENSTORED_RUNDIR: xenstored.directory }, readOnly: true });
      expect(readOnly.description).toBe(`unix:${xenstored.socketRoPath}`);
      await readOnly.close();
    } finally {
      await xenstored.close();
    }
  });

  it('fails with the socket error when nothing answers', async () => {
    const error = await rejection(XenstoreClient.connect({ env: { XENSTORED_PATH: join(directory, 'none') } }));
    expect(error.code).toBe('ENOENT');
    expect(error.message).toContain('cannot connect to xenstored');
  });
});

describe('xenbus device transport', () => {
  it('writes whole frames to the device and reads frames back from it (a FIFO loops them)', async () => {
    const fifo = join(directory, 'xenbus');
    await promisify(execFile)('mkfifo', [fifo]);
    const xs = await XenstoreClient.connect({ path: fifo });
    expect(xs.description).toBe(`device:${fifo}`);
    // The FIFO hands our READ request back as if it were the reply: its payload is the request's.
    expect(await xs.read('/local/domain/0/name')).toBe('/local/domain/0/name\0');
    expect(await xs.directory('/local')).toEqual(['/local']);
    // close() writes a wake-up frame that ends the blocked read, so the fd really closes.
    await xs.close();
    const openOnFifo = () => readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === fifo;
      } catch {
        return false;
      }
    });
    for (let i = 0; i < 200 && openOnFifo().length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(openOnFifo()).toEqual([]);
  });

  it('keeps one request in flight when the transport asks for it, as the device does', async () => {
    const written: Uint8Array[] = [];
    let deliver: (chunk: Uint8Array) => void = () => {};
    const transport: XenstoreTransport = {
      description: 'test',
      maxRequestsInFlight: 1,
      write: (frame) => written.push(frame),
      onData: (listener) => {
        deliver = listener;
      },
      onClose: () => {},
      close: () => {},
    };
    const xs = new XenstoreClient(transport);
    const reads = [xs.read('/a'), xs.read('/b'), xs.read('/c')];
    expect(written).toHaveLength(1);
    for (let i = 0; i < 3; i++) {
      const { type, reqId } = readHeader(written[i]!);
      deliver(encodeMessage({ type, reqId, txId: 0, payload: utf8(`v${i}`) }));
      expect(written).toHaveLength(Math.min(i + 2, 3));
    }
    expect(await Promise.all(reads)).toEqual(['v0', 'v1', 'v2']);
  });

  it('ends pending requests when the device reaches end of file', async () => {
    const file = join(directory, 'regular');
    await writeFile(file, '');
    const xs = await XenstoreClient.connect({ path: file });
    expect((await rejection(xs.read('/x'))).code).toBe('ECONNRESET');
  });
});

describe('peers other than our server', () => {
  it('accepts replies longer than 4096 bytes, as oxenstored sends to socket clients', async () => {
    const names = Array.from({ length: 800 }, (_, i) => `child-${i}`);
    const peer = await startScriptedServer(directory, (request) => ({ ...request, payload: nulTerminated(names) }));
    const xs = await XenstoreClient.connect({ path: peer.path });
    expect(await xs.directory('/big')).toEqual(names);
    await xs.close();
    await peer.close();
  });

  it('reports E2BIG when a long directory meets a xenstored without DIRECTORY_PART (oxenstored)', async () => {
    const peer = await startScriptedServer(directory, (request) => ({
      ...request,
      type: XsType.ERROR,
      payload: nulTerminated([request.type === XsType.DIRECTORY ? 'E2BIG' : 'ENOSYS']),
    }));
    const xs = await XenstoreClient.connect({ path: peer.path });
    const error = await rejection(xs.directory('/big'));
    expect([error.code, error.path, (error.cause as { code?: string }).code]).toEqual(['E2BIG', '/big', 'ENOSYS']);
    await xs.close();
    await peer.close();
  });
});
