import { DomainCheckpointListFlags } from '@libvirt-ts/virt/constants';
import { failed, failedBecause } from '../errors.js';
import { lookupCheckpoint } from './checkpoint-lookup.js';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';
import { collectMoments, momentFilterFlags, momentListOptions, printMoments } from './moment-list.js';
import { localTimestamp, snapshotFields } from './snapshot-xml-fields.js';

/** The filters that cannot go with --tree, by option, with their flag. */
const FILTERS: ReadonlyArray<[string, number]> = [
  ['leaves', DomainCheckpointListFlags.LEAVES],
  ['no-leaves', DomainCheckpointListFlags.NO_LEAVES],
];

export const checkpointListCommand: CommandDef = {
  name: 'checkpoint-list',
  group: 'checkpoint',
  summary: 'List checkpoints for a domain',
  description: 'Checkpoint List',
  options: [
    domainOption(),
    ...momentListOptions('checkpoint', [], []),
  ],
  async run(ctx) {
    const { options } = ctx;
    const opt = (name: string) => options.bool(name);
    const tree = opt('tree');
    const from = options.has('from');
    let flags = momentFilterFlags(ctx, FILTERS);
    if (opt('topological')) flags |= DomainCheckpointListFlags.TOPOLOGICAL;
    if (opt('roots')) flags |= DomainCheckpointListFlags.ROOTS;
    if (opt('descendants')) {
      if (!from) throw failed('--descendants requires --from');
      flags |= DomainCheckpointListFlags.DESCENDANTS;
    }
    const { domain } = await lookupDomain(ctx);
    const start = from ? await lookupCheckpoint(ctx, domain, 'from') : undefined;
    const handles = await (start ? start.listAllChildren(flags) : domain.listAllCheckpoints(flags)).catch((err) => {
      throw failedBecause('unexpected problem querying checkpoints', err);
    });
    const listed = await collectMoments(handles, start, (flags & DomainCheckpointListFlags.TOPOLOGICAL) !== 0, tree);
    const parentColumn = opt('parent');
    const header = parentColumn ? ['Name', 'Creation Time', 'Parent'] : ['Name', 'Creation Time'];
    await printMoments(ctx, listed, header, async (checkpoint) => {
      const fields = snapshotFields(await checkpoint.XMLDesc());
      if (fields.creationTime === undefined) return undefined;
      const cells = [localTimestamp(Number(fields.creationTime))];
      return parentColumn ? [...cells, fields.parent ?? ''] : cells;
    });
  },
};
