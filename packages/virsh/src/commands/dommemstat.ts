import { DomainMemoryStatTags, DomainModificationImpact } from '@libvirt-ts/virt/constants';
import { failed, failedBecause } from '../errors.js';
import type { CommandDef } from './command.js';
import { domainOption, SCOPE_OPTIONS } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';

/** The names virsh 9 prints for each tag. */
const STAT_NAMES: ReadonlyMap<number, string> = new Map([
  [DomainMemoryStatTags.SWAP_IN, 'swap_in'],
  [DomainMemoryStatTags.SWAP_OUT, 'swap_out'],
  [DomainMemoryStatTags.MAJOR_FAULT, 'major_fault'],
  [DomainMemoryStatTags.MINOR_FAULT, 'minor_fault'],
  [DomainMemoryStatTags.UNUSED, 'unused'],
  [DomainMemoryStatTags.AVAILABLE, 'available'],
  [DomainMemoryStatTags.USABLE, 'usable'],
  [DomainMemoryStatTags.ACTUAL_BALLOON, 'actual'],
  [DomainMemoryStatTags.RSS, 'rss'],
  [DomainMemoryStatTags.LAST_UPDATE, 'last_update'],
  [DomainMemoryStatTags.DISK_CACHES, 'disk_caches'],
  [DomainMemoryStatTags.HUGETLB_PGALLOC, 'hugetlb_pgalloc'],
  [DomainMemoryStatTags.HUGETLB_PGFAIL, 'hugetlb_pgfail'],
]);

export const dommemstatCommand: CommandDef = {
  name: 'dommemstat',
  group: 'monitor',
  summary: 'get memory statistics for a domain',
  description: 'Get memory statistics for a running domain.',
  options: [
    domainOption(undefined, 'active-domain'),
    { name: 'period', type: 'number', namedOnly: true, help: 'period in seconds to set collection' },
    ...SCOPE_OPTIONS,
  ],
  async run(ctx) {
    const { options } = ctx;
    options.exclusive('current', 'live');
    options.exclusive('current', 'config');
    let flags: number = DomainModificationImpact.AFFECT_CURRENT;
    if (options.bool('config')) flags |= DomainModificationImpact.AFFECT_CONFIG;
    if (options.bool('live')) flags |= DomainModificationImpact.AFFECT_LIVE;
    const { domain, typed } = await lookupDomain(ctx);
    const scoped = options.bool('current') || options.bool('live') || options.bool('config');
    if (!scoped && (await domain.isActive().catch(() => false))) flags |= DomainModificationImpact.AFFECT_LIVE;
    const period = options.int('period');
    if (period !== undefined) {
      if (period < 0) throw failed(`Invalid collection period value '${period}'`);
      await domain.setMemoryStatsPeriod(period, flags).catch((err) => {
        throw failedBecause('Unable to change balloon collection period.', err);
      });
      return;
    }
    const stats = await domain.memoryStats(DomainMemoryStatTags.NR).catch((err) => {
      throw failedBecause(`Failed to get memory statistics for domain ${typed}`, err);
    });
    let text = '';
    for (const { tag, val } of stats) {
      const name = STAT_NAMES.get(tag);
      if (name !== undefined) text += `${name} ${val}\n`;
    }
    ctx.session.out.print(text);
  },
};
