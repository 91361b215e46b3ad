import { invalidDomainConfig } from './config-errors.js';

/**
 * Normalises a libvirt cpuset ("0-3,^2,8") to ranges of the CPUs it selects ("0-1,3,8"), as
 * libvirt writes it into `(cpus '...')`.
 */
export function normalizeCpuset(cpuset: string): string {
  const selected = new Set<number>();
  for (const rawPart of cpuset.split(',')) {
    const part = rawPart.trim();
    const excluded = part.startsWith('^');
    const match = /^(\d+)(?:-(\d+))?$/.exec(excluded ? part.slice(1) : part);
    if (match === null) throw invalidDomainConfig(`<vcpu cpuset='${cpuset}'>: "${part}" is not a CPU or a range`);
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    if (last < first) throw invalidDomainConfig(`<vcpu cpuset='${cpuset}'>: range "${part}" runs backwards`);
    for (let cpu = first; cpu <= last; cpu++) {
      if (excluded) selected.delete(cpu);
      else selected.add(cpu);
    }
  }
  if (selected.size === 0) throw invalidDomainConfig(`<vcpu cpuset='${cpuset}'> selects no CPU`);
  const cpus = [...selected].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let start = 0; start < cpus.length; ) {
    let end = start;
    while (end + 1 < cpus.length && cpus[end + 1] === cpus[end]! + 1) end++;
    ranges.push(end === start ? `${cpus[start]}` : `${cpus[start]}-${cpus[end]}`);
    start = end + 1;
  }
  return ranges.join(',');
}
