// Throughput per CPU-second, measured in alternating short rounds: on a shared machine the
// wall-clock figures vitest prints swing with the load, while CPU time and the ratio between
// two parsers measured side by side hold much better.

export interface PairedThroughput {
  /** Median MB per CPU-second of each contender. */
  megabytesPerCpuSecond: Record<string, number>;
  /** Median over rounds of first / second contender's throughput. */
  medianRatio: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

function megabytesPerCpuSecond(run: () => void, megabytes: number, roundMs: number): number {
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  let runs = 0;
  while (performance.now() - start < roundMs) {
    run();
    runs++;
  }
  const cpu = process.cpuUsage(cpuBefore);
  return (runs * megabytes) / ((cpu.user + cpu.system) / 1e6);
}

/** Runs the contenders in turns for `rounds` rounds of `roundMs` each; the ratio is first / second. */
export function pairedThroughput(
  contenders: [name: string, run: () => void][],
  megabytes: number,
  rounds = 8,
  roundMs = 300,
): PairedThroughput {
  const samples = contenders.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    for (const [index, [, run]] of contenders.entries()) {
      samples[index]!.push(megabytesPerCpuSecond(run, megabytes, roundMs));
    }
  }
  const ratios = samples[0]!.map((value, round) => value / samples[1]![round]!);
  return {
    megabytesPerCpuSecond: Object.fromEntries(contenders.map(([name], index) => [name, median(samples[index]!)])),
    medianRatio: median(ratios),
  };
}
