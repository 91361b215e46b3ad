import type { DomainVcpus } from '@libvirt-ts/virt';
import { DomainModificationImpact, DomainState, DomainVcpuFlags, VcpuState } from '@libvirt-ts/virt/constants';
import { failed } from '../errors.js';
import { formatTable } from '../output/table.js';
import type { CommandDef } from './command.js';
import { domainOption, SCOPE_OPTIONS } from './common-options.js';
import { cpuSet, formatCpuMap, mapLength, nodeCpuCount, parseCpuList } from './cpu-lists.js';
import { lookupDomain } from './domain-lookup.js';
import { scopeFlags } from './impact-flags.js';
import { countVcpus } from './vcpu-count.js';

const { AFFECT_LIVE, AFFECT_CONFIG } = DomainModificationImpact;

/** virshDomainVcpuStateToString. */
function vcpuStateName(state: number): string {
  return state === VcpuState.OFFLINE ? 'offline' : state === VcpuState.RUNNING ? 'running' : state === VcpuState.BLOCKED ? 'blocked' : 'no state';
}

/** virshVcpuinfoPrintAffinity: a y/- per host CPU, or with --pretty the ranges and the host's CPU count. */
function affinityLine(map: Uint8Array, maxcpu: number, pretty: boolean): string {
  if (pretty) return `${'CPU Affinity:'.padEnd(15)} ${formatCpuMap(map)} (out of ${maxcpu})\n`;
  let marks = '';
  for (let cpu = 0; cpu < maxcpu; cpu++) marks += cpuSet(map, cpu) ? 'y' : '-';
  return `${'CPU Affinity:'.padEnd(15)} ${marks}\n`;
}

const field = (label: string, value: string | number) => `${label.padEnd(15)} ${value}\n`;

export const vcpuinfoCommand: CommandDef = {
  name: 'vcpuinfo',
  group: 'domain',
  summary: 'detailed domain vcpu information',
  description: 'Returns basic information about the domain virtual CPUs.',
  options: [domainOption(), { name: 'pretty', type: 'bool', help: 'return human readable output' }],
  async run(ctx) {
    const { domain } = await lookupDomain(ctx);
    const maxcpu = await nodeCpuCount(await ctx.session.connection());
    const info = await domain.info();
    const maplen = mapLength(maxcpu);
    let vcpus: DomainVcpus | undefined;
    let cpumaps: Uint8Array[];
    try {
      vcpus = await domain.vcpus(info.nrVirtCpu, maplen);
      cpumaps = vcpus.cpumaps;
    } catch (error) {
      // An inactive domain has no running vcpus: its configured pinning, the rest unknown.
      if (info.state !== DomainState.SHUTOFF) throw error;
      cpumaps = await domain.vcpuPinInfo(info.nrVirtCpu, maplen, AFFECT_CONFIG);
    }
    const pretty = ctx.options.bool('pretty');
    let text = '';
    cpumaps.forEach((map, n) => {
      const vcpu = vcpus?.info[n];
      if (vcpu) {
        text += field('VCPU:', vcpu.number) + field('CPU:', vcpu.cpu) + field('State:', vcpuStateName(vcpu.state));
        if (vcpu.cpuTime !== 0n) text += field('CPU time:', `${(Number(vcpu.cpuTime) / 1e9).toFixed(1)}s`);
      } else {
        // virsh 9 prints this label without its colon.
        text += field('VCPU:', n) + field('CPU:', 'N/A') + field('State:', 'N/A') + field('CPU time', 'N/A');
      }
      text += affinityLine(map, maxcpu, pretty);
      if (n < cpumaps.length - 1) text += '\n';
    });
    ctx.session.out.print(text);
  },
};

export const vcpupinCommand: CommandDef = {
  name: 'vcpupin',
  group: 'domain',
  summary: 'control or query domain vcpu affinity',
  description: 'Pin domain VCPUs to host physical CPUs.',
  options: [
    domainOption(),
    { name: 'vcpu', type: 'number', help: 'vcpu number' },
    { name: 'cpulist', type: 'string', emptyOk: true, help: 'host cpu number(s) to set, or omit option to query' },
    ...SCOPE_OPTIONS,
  ],
  async run(ctx) {
    const { options } = ctx;
    const flags = scopeFlags(ctx);
    const { domain } = await lookupDomain(ctx);
    const vcpu = options.unsignedInt('vcpu');
    if (options.has('cpulist') && vcpu === undefined) throw failed('vcpupin: Missing vCPU number in pin mode.');
    const cpulist = options.string('cpulist');
    const maxcpu = await nodeCpuCount(await ctx.session.connection());
    if (cpulist === undefined) {
      // Query: every vcpu up to the maximum of the chosen definition, or the one asked for.
      const count = await countVcpus(domain, flags | DomainVcpuFlags.VCPU_MAXIMUM, true);
      if (count < 0) throw failed((flags & AFFECT_LIVE) !== 0 ? 'cannot get vcpupin for offline domain' : 'cannot get vcpupin for transient domain');
      if (vcpu !== undefined && vcpu >= count) {
        const live = (flags & AFFECT_LIVE) !== 0 || ((flags & AFFECT_CONFIG) === 0 && (await domain.isActive().catch(() => false)));
        throw failed(`vcpu ${vcpu} is out of range of ${live ? 'live' : 'persistent'} cpu count ${count}`);
      }
      const maps = await domain.vcpuPinInfo(count, mapLength(maxcpu), flags);
      const rows = maps.flatMap((map, n) => (vcpu === undefined || n === vcpu ? [[String(n), formatCpuMap(map)]] : []));
      ctx.session.out.print(formatTable(['VCPU', 'CPU Affinity'], rows, ctx.session.out.quiet));
      return;
    }
    const cpumap = parseCpuList(cpulist, maxcpu);
    // virsh 9 keeps the older call when no scope option was given at all.
    if (flags === 0 && !options.bool('current')) await domain.pinVcpu(vcpu as number, cpumap);
    else await domain.pinVcpuFlags(vcpu as number, cpumap, flags);
  },
};

export const emulatorpinCommand: CommandDef = {
  name: 'emulatorpin',
  group: 'domain',
  summary: 'control or query domain emulator affinity',
  description: 'Pin domain emulator threads to host physical CPUs.',
  options: [
    domainOption(),
    { name: 'cpulist', type: 'string', emptyOk: true, help: 'host cpu number(s) to set, or omit option to query' },
    ...SCOPE_OPTIONS,
  ],
  async run(ctx) {
    const flags = scopeFlags(ctx);
    const { domain } = await lookupDomain(ctx);
    const cpulist = ctx.options.string('cpulist');
    const maxcpu = await nodeCpuCount(await ctx.session.connection());
    const out = ctx.session.out;
    if (cpulist === undefined) {
      const map = await domain.emulatorPinInfo(mapLength(maxcpu), flags);
      out.printExtra('emulator: CPU Affinity\n----------------------------------\n       *: ');
      out.print(`${formatCpuMap(map)}\n`);
      return;
    }
    const cpumap = parseCpuList(cpulist, maxcpu);
    // Without a scope option the change is to the running domain (virsh 9's default here).
    const anyScope = ['config', 'live', 'current'].some((name) => ctx.options.bool(name));
    await domain.pinEmulator(cpumap, anyScope ? flags : AFFECT_LIVE);
  },
};
