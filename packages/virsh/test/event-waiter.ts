import { spawn } from 'node:child_process';

/** A `virsh event` process being waited on. */
export interface Waiter {
  /** Resolves with the waiter's stdout, stderr and status once it exits. */
  done: Promise<{ stdout: string; stderr: string; status: number | null }>;
  /** Whether it has exited yet. */
  exited(): boolean;
  /** Ctrl-C. */
  interrupt(): void;
}

/** Starts `command args` with its output collected, stdin closed (as in a script). */
export function startWaiter(command: string[], args: string[]): Waiter {
  const child = spawn(command[0]!, [...command.slice(1), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let exited = false;
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  child.on('exit', () => (exited = true));
  const done = new Promise<{ stdout: string; stderr: string; status: number | null }>((resolve) =>
    child.on('close', (status) => resolve({ stdout, stderr, status })),
  );
  return { done, exited: () => exited, interrupt: () => child.kill('SIGINT') };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
