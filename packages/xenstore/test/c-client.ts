import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's xenstore-utils (Xen 4.17's C client), when installed. */
export const C_CLIENT_DIRECTORY = '/usr/bin';
export const hasCClient = ['read', 'write', 'ls', 'list', 'exists', 'rm', 'chmod', 'watch'].every((tool) =>
  existsSync(`${C_CLIENT_DIRECTORY}/xenstore-${tool}`),
);
export const C_CLIENT_MISSING = 'xenstore-utils is not installed (apt-get install xenstore-utils): skipping the C-client tests';

export interface RunResult {
  stdout: string;
  stderr: string;
  rc: number;
}

/**
 * Runs `xenstore-<tool>` against the socket, asynchronously: the server under test lives in this
 * process and must keep answering while the tool runs.
 */
export function runXenstoreTool(socketPath: string, tool: string, args: string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      `${C_CLIENT_DIRECTORY}/xenstore-${tool}`,
      args,
      { env: { PATH: process.env['PATH'] ?? '', XENSTORED_PATH: socketPath }, timeout: 20_000, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error);
        resolve({ stdout, stderr, rc: error ? Number(error.code) : 0 });
      },
    );
  });
}

/** Starts `xenstore-watch -n count path`; resolves the lines it printed once it exits. */
export function startXenstoreWatch(socketPath: string, path: string, count: number): { firstLine: Promise<void>; lines: Promise<string[]> } {
  const child = spawn(`${C_CLIENT_DIRECTORY}/xenstore-watch`, ['-n', String(count), path], {
    env: { PATH: process.env['PATH'] ?? '', XENSTORED_PATH: socketPath },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 20_000,
  });
  let output = '';
  let announce: () => void = () => {};
  const firstLine = new Promise<void>((resolve) => {
    announce = resolve;
  });
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    output += text;
    if (output.includes('\n')) announce();
  });
  const lines = new Promise<string[]>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', () => resolve(output.split('\n').filter(Boolean)));
  });
  return { firstLine, lines };
}
