/**
 * libvirt's CPU bitmap strings ("0-3,^2,8"), as virBitmapParse reads them and virBitmapFormat
 * writes them. Pure.
 */

/** virBitmapParse's size for a domain's cpuset (VIR_DOMAIN_CPUMASK_LEN): CPUs 0 to 16383. */
export const CPUMASK_LEN = 16384;

/**
 * virBitmapParse: numbers, `N-M` ranges (N ≤ M) and `^N` removals, separated by commas; blanks are
 * allowed around numbers and dashes, not an empty item. Undefined when the text is not a bitmap or
 * names a CPU at or past `size`.
 */
export function parseCpuBitmap(text: string, size = CPUMASK_LEN): Set<number> | undefined {
  const cpus = new Set<number>();
  let at = skipBlanks(text, 0);
  if (at === text.length) return undefined;
  const number = (): number | undefined => {
    const digits = /^\d+/.exec(text.slice(at))?.[0];
    if (digits === undefined) return undefined;
    at = skipBlanks(text, at + digits.length);
    const value = Number(digits);
    return value < size ? value : undefined;
  };
  for (;;) {
    const negate = text[at] === '^';
    if (negate) at++;
    const first = number();
    if (first === undefined) return undefined;
    if (text[at] === '-') {
      if (negate) return undefined;
      at = skipBlanks(text, at + 1);
      const last = number();
      if (last === undefined || last < first) return undefined;
      for (let cpu = first; cpu <= last; cpu++) cpus.add(cpu);
    } else if (negate) {
      cpus.delete(first);
    } else {
      cpus.add(first);
    }
    if (at === text.length) return cpus;
    if (text[at] !== ',') return undefined;
    at = skipBlanks(text, at + 1);
  }
}

/** virBitmapFormat: ascending, runs as ranges ("0-1,3"); an empty set is "". */
export function formatCpuBitmap(cpus: ReadonlySet<number>): string {
  const sorted = [...cpus].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j++;
    ranges.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return ranges.join(',');
}

function skipBlanks(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at] as string)) at++;
  return at;
}
