import { DomainSnapshotListFlags } from '@libvirt-ts/virt/constants';
import { failed } from '../errors.js';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';
import { collectMoments, momentFilterFlags, momentListOptions, printMoments } from './moment-list.js';
import { currentOption, lookupSnapshot } from './snapshot-lookup.js';
import { localTimestamp, snapshotFields } from './snapshot-xml-fields.js';

/** The filters that cannot go with --tree, by option, with their flag. */
const FILTERS: ReadonlyArray<[string, number]> = [
  ['leaves', DomainSnapshotListFlags.LEAVES],
  ['no-leaves', DomainSnapshotListFlags.NO_LEAVES],
  ['inactive', DomainSnapshotListFlags.INACTIVE],
  ['active', DomainSnapshotListFlags.ACTIVE],
  ['disk-only', DomainSnapshotListFlags.DISK_ONLY],
  ['internal', DomainSnapshotListFlags.INTERNAL],
  ['external', DomainSnapshotListFlags.EXTERNAL],
];

export const snapshotListCommand: CommandDef = {
  name: 'snapshot-list',
  group: 'snapshot',
  summary: 'List snapshots for a domain',
  description: 'Snapshot List',
  options: [
    domainOption(),
    ...momentListOptions(
      'snapshot',
      [
      { name: 'metadata', type: 'bool', help: 'list only snapshots that have metadata that would prevent undefine' },
      { name: 'no-metadata', type: 'bool', help: 'list only snapshots that have no metadata managed by libvirt' },
      { name: 'inactive', type: 'bool', help: 'filter by snapshots taken while inactive' },
      { name: 'active', type: 'bool', help: 'filter by snapshots taken while active (full system snapshots)' },
      { name: 'disk-only', type: 'bool', help: 'filter by disk-only snapshots' },
      { name: 'internal', type: 'bool', help: 'filter by internal snapshots' },
      { name: 'external', type: 'bool', help: 'filter by external snapshots' },
      ],
      [currentOption('limit list to children of current snapshot')],
    ),
  ],
  async run(ctx) {
    const { options } = ctx;
    const opt = (name: string) => options.bool(name);
    const tree = opt('tree');
    const from = options.has('from');
    const current = opt('current');
    let flags = momentFilterFlags(ctx, FILTERS, [['roots', 'current']]);
    if (opt('roots')) flags |= DomainSnapshotListFlags.ROOTS;
    if (opt('metadata')) flags |= DomainSnapshotListFlags.METADATA;
    if (opt('no-metadata')) flags |= DomainSnapshotListFlags.NO_METADATA;
    if (opt('topological')) flags |= DomainSnapshotListFlags.TOPOLOGICAL;
    if (opt('descendants')) {
      if (!from && !current) throw failed('--descendants requires either --from or --current');
      flags |= DomainSnapshotListFlags.DESCENDANTS;
    }
    const { domain } = await lookupDomain(ctx);
    const start = from || current ? await lookupSnapshot(ctx, domain, 'from', true) : undefined;
    const handles = start ? await start.listAllChildren(flags) : await domain.listAllSnapshots(flags);
    const listed = await collectMoments(handles, start, (flags & DomainSnapshotListFlags.TOPOLOGICAL) !== 0, tree);
    const parentColumn = opt('parent');
    const header = parentColumn ? ['Name', 'Creation Time', 'State', 'Parent'] : ['Name', 'Creation Time', 'State'];
    await printMoments(ctx, listed, header, async (snapshot) => {
      const fields = snapshotFields(await snapshot.XMLDesc());
      if (fields.state === undefined || fields.creationTime === undefined) return undefined;
      const cells = [localTimestamp(Number(fields.creationTime)), fields.state];
      return parentColumn ? [...cells, fields.parent ?? ''] : cells;
    });
  },
};
