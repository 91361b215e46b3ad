// libvirt's CPU bitmap strings ("0-3,^2,8"): parsed to a set and written back
// in canonical form (ranges ascending, "0-1,3"), as virBitmapParse/Format do.
import { XenConfigError } from '../xen-config-error.js';

const MAX_CPUS = 4096;

export function parseCpuBitmap(text: string, setting: string): Set<number> {
  const cpus = new Set<number>();
  const bad = (): XenConfigError => new XenConfigError({ code: 'INVALID_ARG', reason: `Failed to parse bitmap '${text}'`, setting });
  for (const rawPart of text.split(',')) {
    const part = rawPart.trim();
    if (part === '') throw bad();
    const negate = part.startsWith('^');
    const body = negate ? part.slice(1) : part;
    const match = /^(\d+)(?:-(\d+))?$/.exec(body);
    if (match === null) throw bad();
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    if (first > last || last >= MAX_CPUS || (negate && match[2] !== undefined)) throw bad();
    for (let cpu = first; cpu <= last; cpu++) {
      if (negate) cpus.delete(cpu);
      else cpus.add(cpu);
    }
  }
  return cpus;
}

export function formatCpuBitmap(cpus: ReadonlySet<number>): string {
  const sorted = [...cpus].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    ranges.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return ranges.join(',');
}
