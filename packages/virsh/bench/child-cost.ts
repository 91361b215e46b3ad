import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// What one whole process costs in CPU time (user + system, its threads included), read by bash's
// `times` from getrusage: on a shared machine wall-clock figures swing with the load, CPU time
// holds much better. Peak RSS comes from GNU time where it is installed.

const gnuTime = ['/usr/bin/time'].find((p) => existsSync(p));

function seconds(text: string): number {
  const match = /^(\d+)m([\d.]+)s$/.exec(text);
  if (!match) throw new Error(`unexpected output of bash's times: ${text}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** CPU milliseconds of one run of `program args`; its output is thrown away. */
export function childCpuMs(program: string, args: string[]): number {
  const script = '"$@" >/dev/null 2>&1 || exit 99; times';
  const result = spawnSync('bash', ['-c', script, 'bash', program, ...args], { encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) throw new Error(`${program} ${args.join(' ').slice(0, 80)} failed (${result.status})`);
  const children = result.stdout.trim().split('\n').at(-1)?.split(' ') ?? [];
  return (seconds(children[0] ?? '') + seconds(children[1] ?? '')) * 1000;
}

/** Peak resident set of one run, in MiB, or undefined without GNU time. */
export function childPeakRssMiB(program: string, args: string[]): number | undefined {
  if (!gnuTime) return undefined;
  const result = spawnSync(gnuTime, ['-f', '%M', program, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const kib = Number(result.stderr.trim().split('\n').at(-1));
  return Number.isFinite(kib) ? kib / 1024 : undefined;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] as number;
}

/**
 * The CPU cost of `n` more units of work, per unit: (bulk run - base run) / n, each the median of
 * `rounds` runs taken in turn with the other contenders' (so load changes hit all alike).
 */
export interface Contender {
  name: string;
  program: string;
  base: string[];
  bulk: string[];
}

export function perUnitCostUs(contenders: Contender[], n: number, rounds: number): Map<string, number> {
  const samples = new Map(contenders.map((c) => [c.name, { base: [] as number[], bulk: [] as number[] }]));
  for (let round = 0; round < rounds; round++) {
    for (const c of contenders) {
      const s = samples.get(c.name) as { base: number[]; bulk: number[] };
      s.base.push(childCpuMs(c.program, c.base));
      s.bulk.push(childCpuMs(c.program, c.bulk));
    }
  }
  const cost = new Map<string, number>();
  for (const [name, s] of samples) cost.set(name, ((median(s.bulk) - median(s.base)) * 1000) / n);
  return cost;
}
