// What the fault suites share: the peak memory an attack costs this process, and the table of
// measurements each suite prints and writes to $FAULT_REPORT_DIR (.ci/run keeps them in .ci-out).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A /proc/self/status field in KiB: VmRSS now, VmHWM the peak since the last reset. */
function statusKiB(field: 'VmRSS' | 'VmHWM'): number {
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'))![1]);
}

/**
 * Runs `work` and measures it in this process: how far its peak RSS (VmHWM, reset before by
 * writing 5 to clear_refs) rose above the RSS it started from, in MiB, and its wall time.
 */
export async function measurePeak<T>(work: () => Promise<T>): Promise<{ result: T; growthMiB: number; ms: number }> {
  const before = statusKiB('VmRSS');
  writeFileSync('/proc/self/clear_refs', '5');
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  return { result, growthMiB: Math.max(0, statusKiB('VmHWM') - before) / 1024, ms };
}

/** A fault suite's table of measurements: rows added as attacks run, written once at the end. */
export interface FaultReport {
  add(...cells: Array<string | number>): void;
  /** Prints the table and writes it to $FAULT_REPORT_DIR/`file` when that is set (rows sorted). */
  write(): void;
}

export function faultReport(file: string, title: string, intro: string, columns: readonly string[]): FaultReport {
  const rows: string[] = [];
  return {
    add: (...cells) => rows.push(`| ${cells.join(' | ')} |`),
    write() {
      if (rows.length === 0) return;
      const table = [`# ${title}`, '', intro, '', `| ${columns.join(' | ')} |`, `|${columns.map(() => '---|').join('')}`, ...rows.sort()].join('\n');
      console.log(table);
      const directory = process.env['FAULT_REPORT_DIR'];
      if (directory) writeFileSync(join(directory, file), `${table}\n`);
    },
  };
}
