import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XenstoreClient } from '../src/index.js';
import { rejection } from './helpers.js';

const cli = fileURLToPath(new URL('../dist/server/cli.js', import.meta.url));
const built = existsSync(cli);
if (!built) console.warn('packages/xenstore is not built (pnpm build): skipping the xenstored-ts bin tests');

describe.skipIf(!built)('the xenstored-ts bin', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'xenstored-cli-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('serves both sockets until SIGTERM, then removes them and exits 0', async () => {
    const socket = join(directory, 'socket');
    const socketRo = join(directory, 'socket_ro');
    const child = spawn(process.execPath, [cli, '--socket', socket, '--socket-ro', socketRo], { stdio: ['ignore', 'ignore', 'pipe'] });
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve) => child.stderr.on('data', (text: Buffer) => text.toString().includes('listening') && resolve()));
    const xs = await XenstoreClient.connect({ path: socket });
    await xs.write('/from/test', 'ok');
    const ro = await XenstoreClient.connect({ path: socketRo });
    expect(await ro.read('/from/test')).toBe('ok');
    expect((await rejection(ro.write('/x', 'y'))).code).toBe('EROFS');
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect((await rejection(xs.read('/from/test'))).code).toBe('ECONNRESET');
    await Promise.all([xs.close(), ro.close()]);
    expect(existsSync(socket) || existsSync(socketRo)).toBe(false);
  });

  it('explains its usage when --socket is missing or an option is unknown', async () => {
    for (const args of [[], ['--socket', join(directory, 's'), '--bogus']]) {
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        execFile(process.execPath, [cli, ...args], (error, _stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stderr }));
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Usage: xenstored-ts --socket PATH [--socket-ro PATH]');
    }
  });
});
