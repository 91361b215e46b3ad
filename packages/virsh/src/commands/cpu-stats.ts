import type { Domain, TypedParameter } from '@libvirt-ts/virt';
import { DomainCPUStatsField, TypedParameterType } from '@libvirt-ts/virt/constants';
import { failed, failedBecause } from '../errors.js';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';
import { secondsText, typedParamText } from './typed-param-text.js';

/** virsh asks for at most this many CPUs' statistics at a time. */
const CPUS_PER_CALL = 128;

/** One statistic line: times (ULLONG nanoseconds) in seconds, anything else as its value. */
function statLine(param: TypedParameter, times: readonly string[]): string {
  const value = times.includes(param.field) && param.type === TypedParameterType.ULLONG ? secondsText(param.value) : typedParamText(param);
  return `\t${param.field.padEnd(12)} ${value}\n`;
}

const PER_CPU_TIMES = [DomainCPUStatsField.CPUTIME, DomainCPUStatsField.VCPUTIME];
const TOTAL_TIMES = [DomainCPUStatsField.CPUTIME, DomainCPUStatsField.USERTIME, DomainCPUStatsField.SYSTEMTIME];

/** Reads `stats`; a failure is virsh's "Failed to retrieve CPU statistics" and the cause. */
async function read<T>(domain: Domain, stats: () => Promise<T>): Promise<T> {
  try {
    return await stats();
  } catch (error) {
    throw failedBecause(`Failed to retrieve CPU statistics for domain '${domain.name()}'`, error);
  }
}

export const cpuStatsCommand: CommandDef = {
  name: 'cpu-stats',
  group: 'domain',
  summary: 'show domain cpu statistics',
  description: "Display per-CPU and total statistics about the domain's CPUs",
  options: [
    domainOption(),
    { name: 'total', type: 'bool', help: 'Show total statistics only' },
    { name: 'start', type: 'number', help: 'Show statistics from this CPU' },
    { name: 'count', type: 'number', help: 'Number of shown CPUs at most' },
  ],
  async run(ctx) {
    const { options } = ctx;
    const { domain } = await lookupDomain(ctx);
    let showTotal = options.bool('total');
    const start = options.int('start');
    if (start !== undefined && start < 0) throw failed('Invalid value for start CPU');
    const count = options.int('count');
    if (count !== undefined && count < 0) throw failed('Invalid value for number of CPUs to show');
    let showPerCpu = start !== undefined || count !== undefined;
    if (!showTotal && !showPerCpu) {
      showTotal = true;
      showPerCpu = true;
    }
    const out = ctx.session.out;
    if (showPerCpu) {
      const hostCpus = (await read(domain, () => domain.CPUStats(0, 0))).length;
      let cpu = start ?? 0;
      if (cpu >= hostCpus) throw failed(`Start CPU ${cpu} is out of range (min: 0, max: ${hostCpus - 1})`);
      let left = count ?? hostCpus - cpu;
      if (left > hostCpus - cpu) {
        out.print(`Only ${hostCpus} CPUs available to show\n`);
        left = hostCpus - cpu;
      }
      while (left > 0) {
        const ncpus = Math.min(left, CPUS_PER_CALL);
        const stats = await read(domain, () => domain.CPUStats(cpu, ncpus));
        if (stats.every((params) => params.length === 0)) {
          out.print('No per-CPU stats available');
          if (!showTotal) return;
          break;
        }
        stats.forEach((params, i) => {
          // a CPU the domain has not used has no statistics
          if (params.length === 0) return;
          out.print(`CPU${cpu + i}:\n${params.map((p) => statLine(p, PER_CPU_TIMES)).join('')}`);
        });
        cpu += ncpus;
        left -= ncpus;
      }
      if (!showTotal) return;
    }
    const [total] = await read(domain, () => domain.CPUStats(-1));
    if (!total || total.length === 0) {
      out.print('No total stats available');
      return;
    }
    out.print(`Total:\n${total.map((p) => statLine(p, TOTAL_TIMES)).join('')}`);
  },
};
