import type { RemoteTypedParam } from '@libvirt-ts/remote';
import type { TypedParameter } from '../../types.js';
import { rpcReplyError } from './rpc-limits.js';
import { fromWireParam } from './typed-params.js';

/** `count` CPU maps of `maplen` bytes each, cut from the one opaque the wire carries them in. */
export function splitCpuMaps(cpumaps: Uint8Array, count: number, maplen: number): Uint8Array[] {
  const maps: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const map = new Uint8Array(maplen);
    map.set(cpumaps.subarray(i * maplen, (i + 1) * maplen));
    maps.push(map);
  }
  return maps;
}

/**
 * remoteDomainGetCPUStats' answer as per-CPU arrays: libvirtd leaves out the empty entries of its
 * sparse array, so the stats come as strides of `perCpu` for the leading CPUs; the CPUs past them
 * get empty arrays, up to the `ncpus` asked for.
 */
export function cpuStatsByCpu(params: readonly RemoteTypedParam[], perCpu: number, nparams: number, ncpus: number): TypedParameter[][] {
  if (params.length > nparams * ncpus || (params.length > 0 && (perCpu > nparams || params.length % perCpu !== 0))) {
    throw rpcReplyError('remoteDomainGetCPUStats: returned number of stats exceeds limit');
  }
  const byCpu: TypedParameter[][] = [];
  for (let cpu = 0; cpu < ncpus; cpu++) byCpu.push(params.slice(cpu * perCpu, (cpu + 1) * perCpu).map(fromWireParam));
  return byCpu;
}
