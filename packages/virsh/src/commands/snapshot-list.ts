import type { Domain, DomainSnapshot } from '@libvirt-ts/virt';
import { DomainSnapshotListFlags } from '@libvirt-ts/virt/constants';
import { failed } from '../errors.js';
import { formatTable } from '../output/table.js';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';
import { currentOption, lookupSnapshot } from './snapshot-lookup.js';
import { localTimestamp, snapshotFields } from './snapshot-xml-fields.js';
import { printTree } from './tree-print.js';

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

interface Listed {
  snapshot: DomainSnapshot;
  name: string;
  /** Only collected for --tree. */
  parent: string | undefined;
}

export const snapshotListCommand: CommandDef = {
  name: 'snapshot-list',
  group: 'snapshot',
  summary: 'List snapshots for a domain',
  description: 'Snapshot List',
  options: [
    domainOption(),
    { name: 'parent', type: 'bool', help: 'add a column showing parent snapshot' },
    { name: 'roots', type: 'bool', help: 'list only snapshots without parents' },
    { name: 'leaves', type: 'bool', help: 'list only snapshots without children' },
    { name: 'no-leaves', type: 'bool', help: 'list only snapshots that are not leaves (with children)' },
    { name: 'metadata', type: 'bool', help: 'list only snapshots that have metadata that would prevent undefine' },
    { name: 'no-metadata', type: 'bool', help: 'list only snapshots that have no metadata managed by libvirt' },
    { name: 'inactive', type: 'bool', help: 'filter by snapshots taken while inactive' },
    { name: 'active', type: 'bool', help: 'filter by snapshots taken while active (full system snapshots)' },
    { name: 'disk-only', type: 'bool', help: 'filter by disk-only snapshots' },
    { name: 'internal', type: 'bool', help: 'filter by internal snapshots' },
    { name: 'external', type: 'bool', help: 'filter by external snapshots' },
    { name: 'tree', type: 'bool', help: 'list snapshots in a tree' },
    { name: 'from', type: 'string', help: 'limit list to children of given snapshot' },
    currentOption('limit list to children of current snapshot'),
    { name: 'descendants', type: 'bool', help: 'with --from, list all descendants' },
    { name: 'name', type: 'bool', help: 'list snapshot names only' },
    { name: 'topological', type: 'bool', help: 'sort list topologically rather than by name' },
  ],
  async run(ctx) {
    const { options, session } = ctx;
    const opt = (name: string) => options.bool(name);
    const tree = opt('tree');
    const from = options.has('from');
    const current = opt('current');
    options.exclusive('tree', 'name');
    options.exclusive('parent', 'roots');
    options.exclusive('parent', 'tree');
    options.exclusive('roots', 'tree');
    options.exclusive('roots', 'from');
    options.exclusive('roots', 'current');
    let flags = 0;
    for (const [option, bit] of FILTERS) {
      if (!opt(option)) continue;
      if (tree) throw failed(`--${option} and --tree are mutually exclusive`);
      flags |= bit;
    }
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
    const listed = await collect(domain, start, flags, tree);
    if (tree) {
      const nodes = listed.map(({ name, parent }) => ({ name, parent }));
      nodes.forEach((node, i) => {
        if (node.parent === undefined) session.out.print(printTree(nodes, i));
      });
      return;
    }
    if (opt('name')) {
      session.out.print(listed.map(({ name }) => `${name}\n`).join(''));
      return;
    }
    const parentColumn = opt('parent');
    const rows: string[][] = [];
    for (const { snapshot, name } of listed) {
      const fields = snapshotFields(await snapshot.XMLDesc());
      if (fields.state === undefined || fields.creationTime === undefined) continue;
      const row = [name, localTimestamp(Number(fields.creationTime)), fields.state];
      if (parentColumn) row.push(fields.parent ?? '');
      rows.push(row);
    }
    const header = parentColumn ? ['Name', 'Creation Time', 'State', 'Parent'] : ['Name', 'Creation Time', 'State'];
    session.out.print(formatTable(header, rows, session.out.quiet));
  },
};

/**
 * virshSnapshotListCollect: the domain's snapshots (or `from`'s children), sorted by name unless
 * topological; for --tree each with its parent, and `from` itself first as the one root.
 */
async function collect(domain: Domain, from: DomainSnapshot | undefined, flags: number, tree: boolean): Promise<Listed[]> {
  const snapshots = from ? await from.listAllChildren(flags) : await domain.listAllSnapshots(flags);
  const listed: Listed[] = [];
  for (const snapshot of snapshots) {
    const parent = tree ? await snapshot.parent().then((p) => p.name(), () => undefined) : undefined;
    listed.push({ snapshot, name: snapshot.name(), parent });
  }
  if (tree && from) listed.push({ snapshot: from, name: from.name(), parent: undefined });
  if ((flags & DomainSnapshotListFlags.TOPOLOGICAL) === 0) listed.sort((a, b) => caseFolded(a.name, b.name));
  return listed;
}

/** vshStrcasecmp: ASCII letters compared without case. */
function caseFolded(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
