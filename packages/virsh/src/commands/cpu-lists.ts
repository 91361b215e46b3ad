import type { Connection } from '@libvirt-ts/virt';
import { formatCpuBitmap, parseCpuBitmap } from '@libvirt-ts/xml-format';
import { VirshError } from '../errors.js';

/** virshParseCPUList reads a cpulist into a bitmap of this many CPUs. */
const CPULIST_BITS = 1024;

/**
 * virshNodeGetCPUCount: the host's CPUs as virNodeGetCPUMap counts them, else (a driver without
 * it) as the node info's topology multiplies out.
 */
export async function nodeCpuCount(conn: Connection): Promise<number> {
  try {
    return (await conn.nodeGetCPUMap()).cpus;
  } catch {
    const info = await conn.nodeGetInfo();
    return Math.imul(Math.imul(Math.imul(info.nodes, info.sockets), info.cores), info.threads) >>> 0;
  }
}

/** VIR_CPU_MAPLEN: the bytes of a CPU map for `cpus` CPUs. */
export function mapLength(cpus: number): number {
  return Math.ceil(cpus / 8);
}

/**
 * virshParseCPUList: "r" is every host CPU; otherwise a bitmap ("0-3,^2") naming at least one CPU,
 * none at or past `maxcpu`. The map is as long as the bitmap it was parsed into.
 */
export function parseCpuList(text: string, maxcpu: number): Uint8Array {
  if (text.startsWith('r')) return cpuMap(new Set(Array.from({ length: maxcpu }, (_, cpu) => cpu)), mapLength(maxcpu));
  const cpus = parseCpuBitmap(text, CPULIST_BITS);
  if (cpus === undefined) throw new VirshError({ code: 'COMMAND_FAILED', lines: [`Invalid cpulist '${text}'`, `invalid argument: Failed to parse bitmap '${text}'`] });
  if (cpus.size === 0) throw new VirshError({ code: 'COMMAND_FAILED', lines: [`Invalid cpulist '${text}'`] });
  const last = Math.max(...cpus);
  if (last >= maxcpu) throw new VirshError({ code: 'COMMAND_FAILED', lines: [`CPU ${last} in cpulist '${text}' exceed the maxcpu ${maxcpu}`] });
  return cpuMap(cpus, mapLength(CPULIST_BITS));
}

function cpuMap(cpus: ReadonlySet<number>, maplen: number): Uint8Array {
  const map = new Uint8Array(maplen);
  for (const cpu of cpus) map[cpu >> 3] = (map[cpu >> 3] as number) | (1 << (cpu & 7));
  return map;
}

/** Whether CPU `cpu` is set in a map (VIR_CPU_USED). */
export function cpuSet(map: Uint8Array, cpu: number): boolean {
  return (((map[cpu >> 3] ?? 0) >> (cpu & 7)) & 1) === 1;
}

/** virBitmapDataFormat: the CPUs of a map as ranges ("0-1,3"); "" for none. */
export function formatCpuMap(map: Uint8Array): string {
  const cpus = new Set<number>();
  for (let cpu = 0; cpu < map.length * 8; cpu++) if (cpuSet(map, cpu)) cpus.add(cpu);
  return formatCpuBitmap(cpus);
}
