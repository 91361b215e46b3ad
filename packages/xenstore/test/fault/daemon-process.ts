import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built `xenstored-ts` bin: the fault suite runs the daemon as its own process. */
export const DAEMON_CLI = fileURLToPath(new URL('../../dist/server/cli.js', import.meta.url));
export const daemonBuilt = existsSync(DAEMON_CLI);
export const DAEMON_MISSING = 'packages/xenstore is not built (pnpm build): skipping the xenstored-ts process tests';

export interface DaemonProcess {
  readonly pid: number;
  readonly socketPath: string;
  readonly socketRoPath: string;
  guestSocketPath(domid: number): string;
  /** Whether the process has exited. */
  readonly exited: boolean;
  /** Resident memory now, in KiB (VmRSS). */
  rssKiB(): number;
  /** Peak resident memory since start or the last `resetPeak()`, in KiB (VmHWM). */
  peakRssKiB(): number;
  /** Starts a new peak measurement (writes 5 to /proc/PID/clear_refs). */
  resetPeak(): void;
  /** SIGTERM; resolves how it ended and how long that took. Kills it after `giveUpMs`. */
  terminate(giveUpMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
  /** What the daemon wrote to stderr. */
  stderr(): string;
}

function procStatusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]);
}

/** Starts `xenstored-ts` in a temporary directory with a socket per guest domain. */
export async function startDaemonProcess(guestDomains: readonly number[] = []): Promise<DaemonProcess> {
  const directory = await mkdtemp(join(tmpdir(), 'xenstored-fault-'));
  const socketPath = join(directory, 'socket');
  const socketRoPath = join(directory, 'socket_ro');
  const guestSocketPath = (domid: number) => join(directory, `domain-${domid}`);
  const args = [DAEMON_CLI, '--socket', socketPath, '--socket-ro', socketRoPath, ...guestDomains.flatMap((domid) => ['--domain-socket', `${domid}:${guestSocketPath(domid)}`])];
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let exited = false;
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal });
    }),
  );
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (text: Buffer) => {
      stderr += text.toString();
      if (stderr.includes('listening')) resolve();
    });
    exit.then(() => reject(new Error(`xenstored-ts exited before listening: ${stderr}`)));
  });
  const pid = child.pid!;
  return {
    pid,
    socketPath,
    socketRoPath,
    guestSocketPath,
    get exited() {
      return exited;
    },
    rssKiB: () => procStatusKiB(pid, 'VmRSS'),
    peakRssKiB: () => procStatusKiB(pid, 'VmHWM'),
    resetPeak: () => writeFileSync(`/proc/${pid}/clear_refs`, '5'),
    stderr: () => stderr,
    async terminate(giveUpMs = 10_000) {
      const started = performance.now();
      if (!exited) child.kill('SIGTERM');
      const giveUp = setTimeout(() => child.kill('SIGKILL'), giveUpMs);
      const result = await exit;
      clearTimeout(giveUp);
      await rm(directory, { recursive: true, force: true });
      return { ...result, ms: performance.now() - started };
    },
  };
}
