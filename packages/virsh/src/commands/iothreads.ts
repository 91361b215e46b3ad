import type { TypedParameter } from '@libvirt-ts/virt';
import { DomainIOThreadField, TypedParameterType } from '@libvirt-ts/virt/constants';
import { failed, failedBecause } from '../errors.js';
import { formatTable } from '../output/table.js';
import type { CommandContext, CommandDef, OptionDef } from './command.js';
import { domainOption, SCOPE_OPTIONS } from './common-options.js';
import { formatCpuMap, nodeCpuCount, parseCpuList } from './cpu-lists.js';
import { lookupDomain } from './domain-lookup.js';
import { scopeFlags } from './impact-flags.js';

/** The IOThread id of iothreadadd, iothreaddel and iothreadset: an int above 0. */
function iothreadId(ctx: CommandContext): number {
  const id = ctx.options.int('id') ?? 0;
  if (id <= 0) throw failed(`Invalid IOThread id value: '${id}'`);
  return id;
}

const idOption = (help: string): OptionDef => ({ name: 'id', type: 'number', required: true, help });

export const iothreadinfoCommand: CommandDef = {
  name: 'iothreadinfo',
  group: 'domain',
  summary: 'view domain IOThreads',
  description: 'Returns basic information about the domain IOThreads.',
  options: [domainOption(), ...SCOPE_OPTIONS],
  async run(ctx) {
    const flags = scopeFlags(ctx);
    const { domain } = await lookupDomain(ctx);
    const iothreads = await domain.IOThreadInfo(flags).catch((error) => {
      throw failedBecause('Unable to get domain IOThreads information', error);
    });
    const out = ctx.session.out;
    if (iothreads.length === 0) {
      out.printExtra('No IOThreads found for the domain');
      return;
    }
    const rows = iothreads.map((t) => [String(t.iothreadId), formatCpuMap(t.cpumap)]);
    out.print(formatTable(['IOThread ID', 'CPU Affinity'], rows, out.quiet));
  },
};

export const iothreadpinCommand: CommandDef = {
  name: 'iothreadpin',
  group: 'domain',
  summary: 'control domain IOThread affinity',
  description: 'Pin domain IOThreads to host physical CPUs.',
  options: [
    domainOption(),
    { name: 'iothread', type: 'number', required: true, help: 'IOThread ID number' },
    { name: 'cpulist', type: 'data', required: true, emptyOk: true, help: 'host cpu number(s) to set' },
    ...SCOPE_OPTIONS,
  ],
  async run(ctx) {
    const flags = scopeFlags(ctx);
    const { domain } = await lookupDomain(ctx);
    const iothread = ctx.options.unsignedInt('iothread') ?? 0;
    const cpulist = ctx.options.requiredString('cpulist');
    const cpumap = parseCpuList(cpulist, await nodeCpuCount(await ctx.session.connection()));
    await domain.pinIOThread(iothread, cpumap, flags);
  },
};

export const iothreadaddCommand: CommandDef = {
  name: 'iothreadadd',
  group: 'domain',
  summary: 'add an IOThread to the guest domain',
  description: 'Add an IOThread to the guest domain.',
  options: [domainOption(), idOption('iothread for the new IOThread'), ...SCOPE_OPTIONS],
  async run(ctx) {
    const flags = scopeFlags(ctx);
    const { domain } = await lookupDomain(ctx);
    await domain.addIOThread(iothreadId(ctx), flags);
  },
};

export const iothreaddelCommand: CommandDef = {
  name: 'iothreaddel',
  group: 'domain',
  summary: 'delete an IOThread from the guest domain',
  description: 'Delete an IOThread from the guest domain.',
  options: [domainOption(), idOption('iothread_id for the IOThread to delete'), ...SCOPE_OPTIONS],
  async run(ctx) {
    const flags = scopeFlags(ctx);
    const { domain } = await lookupDomain(ctx);
    await domain.delIOThread(iothreadId(ctx), flags);
  },
};

/** iothreadset's value options: virsh option, parameter, and how virsh reads it. */
const IOTHREAD_PARAMS: readonly { option: string; field: string; kind: 'ullong' | 'uint' | 'int'; help: string }[] = [
  { option: 'poll-max-ns', field: DomainIOThreadField.POLL_MAX_NS, kind: 'ullong', help: 'set the maximum IOThread polling time in ns' },
  { option: 'poll-grow', field: DomainIOThreadField.POLL_GROW, kind: 'uint', help: 'set the value to increase the IOThread polling time' },
  { option: 'poll-shrink', field: DomainIOThreadField.POLL_SHRINK, kind: 'uint', help: 'set the value for reduction of the IOThread polling time' },
  { option: 'thread-pool-min', field: DomainIOThreadField.THREAD_POOL_MIN, kind: 'int', help: 'lower boundary for worker thread pool' },
  { option: 'thread-pool-max', field: DomainIOThreadField.THREAD_POOL_MAX, kind: 'int', help: 'upper boundary for worker thread pool' },
];

export const iothreadsetCommand: CommandDef = {
  name: 'iothreadset',
  group: 'domain',
  summary: 'modifies an existing IOThread of the guest domain',
  description: 'Modifies an existing IOThread of the guest domain.',
  options: [
    domainOption(),
    idOption('iothread id of existing IOThread'),
    ...IOTHREAD_PARAMS.map(({ option, help }): OptionDef => ({ name: option, type: 'number', help })),
    ...SCOPE_OPTIONS,
  ],
  async run(ctx) {
    const flags = scopeFlags(ctx);
    const { domain } = await lookupDomain(ctx);
    const id = iothreadId(ctx);
    const params: TypedParameter[] = [];
    for (const { option, field, kind } of IOTHREAD_PARAMS) {
      if (kind === 'ullong') {
        const value = ctx.options.unsignedLongLong(option);
        if (value !== undefined) params.push({ field, type: TypedParameterType.ULLONG, value });
      } else {
        const value = kind === 'uint' ? ctx.options.unsignedInt(option) : ctx.options.int(option);
        if (value !== undefined) params.push({ field, type: kind === 'uint' ? TypedParameterType.UINT : TypedParameterType.INT, value });
      }
    }
    if (params.length === 0) throw failed('Not enough arguments passed, nothing to set');
    await domain.setIOThreadParams(id, params, flags);
  },
};
