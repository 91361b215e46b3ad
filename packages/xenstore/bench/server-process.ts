import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTemporaryXenstored } from '../src/server/index.js';

const cli = fileURLToPath(new URL('../dist/server/cli.js', import.meta.url));

export interface BenchServer {
  socketPath: string;
  /** Where the server runs: its own process (after `pnpm build`) or this one. */
  where: 'process' | 'in-process';
  stop(): Promise<void>;
}

/**
 * The built `xenstored-ts` in a process of its own, so our client and the C client both talk to a
 * server that does not share their thread; in this process when the package is not built.
 */
export async function startBenchServer(): Promise<BenchServer> {
  if (!existsSync(cli)) {
    const xenstored = await startTemporaryXenstored();
    return { socketPath: xenstored.socketPath, where: 'in-process', stop: () => xenstored.close() };
  }
  const directory = await mkdtemp(join(tmpdir(), 'xenstore-bench-'));
  const socketPath = join(directory, 'socket');
  const child: ChildProcess = spawn(process.execPath, [cli, '--socket', socketPath], { stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`xenstored-ts exited with ${code}`)));
    child.stderr?.on('data', (text: Buffer) => {
      if (text.toString().includes('listening')) resolve();
    });
  });
  return {
    socketPath,
    where: 'process',
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(directory, { recursive: true, force: true });
    },
  };
}
