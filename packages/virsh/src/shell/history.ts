import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** virsh 9 keeps its history in $XDG_CACHE_HOME/libvirt/virsh/history. */
export function historyPath(env: NodeJS.ProcessEnv): string {
  const cache = env['XDG_CACHE_HOME'] || join(env['HOME'] || homedir(), '.cache');
  return join(cache, 'libvirt', 'virsh', 'history');
}

/** VIRSH_HISTSIZE lines are kept (500 unless set; virsh caps it at 100,000). */
export function historySize(env: NodeJS.ProcessEnv): number {
  const n = Number.parseInt(env['VIRSH_HISTSIZE'] ?? '', 10);
  return Number.isInteger(n) && n >= 0 && n <= 100_000 ? n : 500;
}

/** The saved lines, oldest first; none when there is no file yet. */
export async function loadHistory(path: string): Promise<string[]> {
  try {
    return (await readFile(path, 'utf8')).split('\n').filter((line) => line !== '');
  } catch {
    return [];
  }
}

export async function saveHistory(path: string, lines: readonly string[], size: number): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o755 });
  const kept = size === 0 ? [] : lines.slice(-size);
  await writeFile(path, kept.map((l) => `${l}\n`).join(''), { mode: 0o600 });
}
