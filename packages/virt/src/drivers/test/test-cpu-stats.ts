import { DomainCPUStatsField, TypedParameterFlags, TypedParameterType } from '../../constants.js';
import type { NodeInfo, TypedParameter } from '../../types.js';
import { isActive, type TestDomain } from './test-domain-list.js';
import { checkFlags, notRunning, testError } from './test-errors.js';

/** TEST_TOTAL_CPUTIME: the domain's CPU time, ns; the user and system times beside it are fixed too. */
const TOTAL_CPU_TIME = 48772617035n;
const TOTAL_STATS: readonly [string, bigint][] = [
  [DomainCPUStatsField.CPUTIME, TOTAL_CPU_TIME],
  [DomainCPUStatsField.USERTIME, 5540000000n],
  [DomainCPUStatsField.SYSTEMTIME, 6460000000n],
];
/** What each host CPU's vcpu_time lags its cpu_time by. */
const VCPU_TIME_LAG = 1234567890n;
const ULLONG = (value: bigint): bigint => BigInt.asUintN(64, value);

const stat = (field: string, value: bigint): TypedParameter => ({ field, type: TypedParameterType.ULLONG, value: ULLONG(value) });

/**
 * testDomainGetCPUStats: fixed numbers. The totals (`startCpu` -1) are TOTAL_STATS; the host has
 * as many CPUs as the node has cores per socket (libvirt 9's choice), each with an equal share of the
 * total (plus its number) as cpu_time and that less VCPU_TIME_LAG as vcpu_time.
 */
export function cpuStats(dom: TestDomain, node: NodeInfo, nparams: number, startCpu: number, ncpus: number, flags: number): { count: number; params: TypedParameter[][] } {
  checkFlags(flags, TypedParameterFlags.STRING_OKAY, 'testDomainGetCPUStats');
  if (!isActive(dom)) throw notRunning();
  if (startCpu === -1) {
    if (nparams === 0) return { count: TOTAL_STATS.length, params: [] };
    const params = TOTAL_STATS.slice(0, nparams).map(([field, value]) => stat(field, value));
    return { count: params.length, params: [params] };
  }
  const totalCpus = node.cores;
  if (nparams === 0) return { count: ncpus === 0 ? totalCpus : 2, params: [] };
  if (ncpus === 0) return { count: totalCpus, params: [] };
  if (startCpu >= totalCpus) throw testError('INVALID_ARG', `start_cpu ${startCpu} larger than maximum of ${totalCpus - 1}`);
  const share = TOTAL_CPU_TIME / BigInt(totalCpus);
  const params: TypedParameter[][] = [];
  for (let cpu = startCpu; cpu < startCpu + ncpus; cpu++) {
    if (cpu >= totalCpus) {
      params.push([]);
      continue;
    }
    const cpuTime = share + BigInt(cpu);
    const stats = [stat(DomainCPUStatsField.CPUTIME, cpuTime)];
    if (nparams > 1) stats.push(stat(DomainCPUStatsField.VCPUTIME, cpuTime - VCPU_TIME_LAG));
    params.push(stats);
  }
  return { count: Math.min(nparams, 2), params };
}
