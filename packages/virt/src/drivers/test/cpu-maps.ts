import { formatCpuBitmap, parseCpuBitmap } from '@libvirt-ts/xml-format';
import type { NodeInfo } from '../../types.js';

/**
 * A set of host CPUs as the test driver holds one: the CPUs of a cpuset (libvirt's virBitmap), or
 * every CPU below `all` (a bitmap with all bits set, which may be larger than anything worth listing).
 */
export type CpuSet = ReadonlySet<number> | { all: number };

/** VIR_NODEINFO_MAXCPUS: the host CPUs of the node's topology (unsigned int arithmetic, as libvirt's). */
export function nodeMaxCpus(info: NodeInfo): number {
  return Math.imul(Math.imul(Math.imul(info.nodes, info.sockets), info.cores), info.threads) >>> 0;
}

/** The CPUs of a cpuset string as the definitions keep them (already checked by the parser). */
export function cpusOf(cpuset: string): ReadonlySet<number> {
  return parseCpuBitmap(cpuset) ?? new Set();
}

/** virBitmapToDataBuf: the set as `maplen` bytes, bit n of byte n/8 for CPU n; CPUs beyond the map are left out. */
export function toCpuMap(cpus: CpuSet, maplen: number): Uint8Array {
  const map = new Uint8Array(maplen);
  const bits = maplen * 8;
  const set = (cpu: number) => {
    if (cpu < bits) map[cpu >> 3] = (map[cpu >> 3] as number) | (1 << (cpu & 7));
  };
  if ('all' in cpus) for (let cpu = 0; cpu < Math.min(cpus.all, bits); cpu++) set(cpu);
  else for (const cpu of cpus as ReadonlySet<number>) set(cpu);
  return map;
}

/** virBitmapNewData: the CPUs set in a CPU map. */
export function fromCpuMap(cpumap: Uint8Array): Set<number> {
  const cpus = new Set<number>();
  cpumap.forEach((byte, index) => {
    for (let bit = 0; bit < 8; bit++) if ((byte & (1 << bit)) !== 0) cpus.add(index * 8 + bit);
  });
  return cpus;
}

/** virBitmapLastSetBit: the highest CPU of the set, -1 when empty. */
export function lastCpu(cpus: CpuSet): number {
  if ('all' in cpus) return cpus.all - 1;
  let last = -1;
  for (const cpu of cpus as ReadonlySet<number>) if (cpu > last) last = cpu;
  return last;
}

/** The set as a definition keeps it (virBitmapFormat). */
export function cpusetOf(cpus: ReadonlySet<number>): string {
  return formatCpuBitmap(cpus);
}
