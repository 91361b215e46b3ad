import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A daemon run as its own Node process, for tests that attack it and measure its memory. */
export interface WatchedDaemon {
  readonly pid: number;
  /** Whether the process has exited. */
  readonly exited: boolean;
  /** Settles with the exit status when the process ends. */
  readonly exit: Promise<ExitStatus>;
  /** Resident memory now, KiB (VmRSS). */
  rssKiB(): number;
  /** Peak resident memory since start or the last resetPeak(), KiB (VmHWM). */
  peakRssKiB(): number;
  /** Starts a new peak measurement (writes 5 to /proc/PID/clear_refs). */
  resetPeak(): void;
  /** What the daemon wrote to stderr. */
  stderr(): string;
  /** SIGTERM, then SIGKILL after `giveUpMs`; resolves how it ended and how long that took. */
  terminate(giveUpMs?: number): Promise<ExitStatus & { ms: number }>;
}

function procStatusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]);
}

/**
 * Runs `node script ...args` and resolves once its stderr contains `readyText` (the daemon's
 * "listening" line); rejects, naming `name` and what it wrote, if it exits first.
 */
export async function startDaemon(
  name: string,
  script: string,
  args: readonly string[],
  readyText: string,
  /** Runs after terminate() saw the process end (a temporary directory removed...). */
  afterTerminate?: () => Promise<void>,
): Promise<WatchedDaemon> {
  const child: ChildProcess = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let exited = false;
  const exit = new Promise<ExitStatus>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal });
    }),
  );
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (text: Buffer) => {
      stderr += text.toString();
      if (stderr.includes(readyText)) resolve();
    });
    exit.then(({ code, signal }) => reject(new Error(`${name} exited (${code ?? signal}) before it was ready: ${stderr}`)));
  });
  const pid = child.pid!;
  return {
    pid,
    get exited() {
      return exited;
    },
    exit,
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
      await afterTerminate?.();
      return { ...result, ms: performance.now() - started };
    },
  };
}
