import type { Domain, DomainStatsRecord, TypedParameter } from '@libvirt-ts/virt';
import { ConnectGetAllDomainStatsFlags as F, DomainStatsTypes as S, TypedParameterType } from '@libvirt-ts/virt/constants';
import type { CommandDef, OptionDef } from './command.js';
import { lookupDomainBy } from './domain-lookup.js';

/** The group options, in virsh 9's order, with their DomainStatsTypes bits. */
const GROUPS: ReadonlyArray<[string, number, string]> = [
  ['state', S.STATE, 'report domain state'],
  ['cpu-total', S.CPU_TOTAL, 'report domain physical cpu usage'],
  ['balloon', S.BALLOON, 'report domain balloon statistics'],
  ['vcpu', S.VCPU, 'report domain virtual cpu information'],
  ['interface', S.INTERFACE, 'report domain network interface information'],
  ['block', S.BLOCK, 'report domain block device statistics'],
  ['perf', S.PERF, 'report domain perf event statistics'],
  ['iothread', S.IOTHREAD, 'report domain IOThread information'],
  ['memory', S.MEMORY, 'report domain memory usage'],
  ['dirtyrate', S.DIRTYRATE, 'report domain dirty rate information'],
  ['vm', S.VM, 'report hypervisor-specific statistics'],
];

/** The filter and behaviour options, in virsh 9's order, with their ConnectGetAllDomainStatsFlags bits. */
const FLAGS: ReadonlyArray<[string, number, string]> = [
  ['list-active', F.ACTIVE, 'list only active domains'],
  ['list-inactive', F.INACTIVE, 'list only inactive domains'],
  ['list-persistent', F.PERSISTENT, 'list only persistent domains'],
  ['list-transient', F.TRANSIENT, 'list only transient domains'],
  ['list-running', F.RUNNING, 'list only running domains'],
  ['list-paused', F.PAUSED, 'list only paused domains'],
  ['list-shutoff', F.SHUTOFF, 'list only shutoff domains'],
  ['list-other', F.OTHER, 'list only domains in other states'],
  ['raw', 0, 'do not pretty-print the fields'],
  ['enforce', F.ENFORCE_STATS, 'enforce requested stats parameters'],
  ['backing', F.BACKING, 'add backing chain information to block stats'],
  ['nowait', F.NOWAIT, 'report only stats that are accessible instantly'],
];

const boolOption = ([name, , help]: [string, number, string]): OptionDef => ({ name, type: 'bool', help });

/** vshGetTypedParamValue: how virsh 9 prints one typed parameter's value. */
function paramValue(param: TypedParameter): string {
  switch (param.type) {
    case TypedParameterType.DOUBLE:
      return param.value.toFixed(6);
    case TypedParameterType.BOOLEAN:
      return param.value ? 'yes' : 'no';
    default:
      return String(param.value);
  }
}

function formatRecord({ domain, params }: DomainStatsRecord): string {
  return `Domain: '${domain.name()}'\n${params.map((p) => `  ${p.field}=${paramValue(p)}\n`).join('')}`;
}

export const domstatsCommand: CommandDef = {
  name: 'domstats',
  group: 'monitor',
  summary: 'get statistics about one or multiple domains',
  description: 'Gets statistics about one or more (or all) domains',
  options: [...GROUPS.map(boolOption), ...FLAGS.map(boolOption), { name: 'domain', type: 'argv', help: 'list of domains to get stats for', completer: 'domain' }],
  async run(ctx) {
    const { options, session } = ctx;
    const bits = (table: ReadonlyArray<[string, number, string]>) => table.reduce((sum, [name, bit]) => (options.bool(name) ? sum | bit : sum), 0);
    const stats = bits(GROUPS);
    const flags = bits(FLAGS) >>> 0;
    const names = options.words('domain');
    const conn = await session.connection();
    let records: DomainStatsRecord[];
    if (names.length > 0) {
      const domains: Domain[] = [];
      for (const name of names) domains.push(await lookupDomainBy(ctx, name));
      records = await conn.domainListGetStats(domains, stats, flags);
    } else {
      records = await conn.getAllDomainStats(stats, flags);
    }
    session.out.print(records.map(formatRecord).join('\n'));
  },
};
