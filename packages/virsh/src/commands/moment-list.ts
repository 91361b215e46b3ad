import { failed } from '../errors.js';
import { formatTable } from '../output/table.js';
import type { CommandContext, OptionDef } from './command.js';
import { printForest } from './tree-print.js';

/** What snapshot and checkpoint handles share for listing: a name, and a parent that may not exist. */
export interface MomentHandle {
  name(): string;
  parent(): Promise<{ name(): string }>;
}

/**
 * snapshot-list's and checkpoint-list's options in virsh 9's order: the kind's own filters come
 * after --no-leaves, and its own --from companions (snapshot's --current) after --from.
 */
export function momentListOptions(kind: 'snapshot' | 'checkpoint', filters: OptionDef[], fromCompanions: OptionDef[]): OptionDef[] {
  return [
    { name: 'parent', type: 'bool', help: `add a column showing parent ${kind}` },
    { name: 'roots', type: 'bool', help: `list only ${kind}s without parents` },
    { name: 'leaves', type: 'bool', help: `list only ${kind}s without children` },
    { name: 'no-leaves', type: 'bool', help: `list only ${kind}s that are not leaves (with children)` },
    ...filters,
    { name: 'tree', type: 'bool', help: `list ${kind}s in a tree` },
    { name: 'from', type: 'string', help: `limit list to children of given ${kind}` },
    ...fromCompanions,
    { name: 'descendants', type: 'bool', help: 'with --from, list all descendants' },
    { name: 'name', type: 'bool', help: `list ${kind} names only` },
    { name: 'topological', type: 'bool', help: 'sort list topologically rather than by name' },
  ];
}

export interface ListedMoment<H extends MomentHandle> {
  handle: H;
  name: string;
  /** Only collected for --tree. */
  parent: string | undefined;
}

/**
 * virshSnapshotListCollect / virshCheckpointListCollect: the listed moments, sorted by name unless
 * topological; for --tree each with its parent, and `from` itself as the one root.
 */
export async function collectMoments<H extends MomentHandle>(handles: H[], from: H | undefined, topological: boolean, tree: boolean): Promise<ListedMoment<H>[]> {
  const listed: ListedMoment<H>[] = [];
  for (const handle of handles) {
    const parent = tree ? await handle.parent().then((p) => p.name(), () => undefined) : undefined;
    listed.push({ handle, name: handle.name(), parent });
  }
  if (tree && from) listed.push({ handle: from, name: from.name(), parent: undefined });
  if (!topological) listed.sort((a, b) => caseFolded(a.name, b.name));
  return listed;
}

/** vshStrcasecmp: ASCII letters compared without case. */
function caseFolded(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The checks snapshot-list and checkpoint-list share, in virsh 9's order: the exclusive options
 * (`extra` pairs after virsh's own), then each filter of `filters` (option, flag) refused with --tree.
 * Returns the filters' flags.
 */
export function momentFilterFlags(ctx: CommandContext, filters: ReadonlyArray<readonly [string, number]>, extra: ReadonlyArray<[string, string]> = []): number {
  const { options } = ctx;
  for (const [a, b] of [['tree', 'name'], ['parent', 'roots'], ['parent', 'tree'], ['roots', 'tree'], ['roots', 'from'], ...extra] as const) options.exclusive(a, b);
  let flags = 0;
  for (const [option, bit] of filters) {
    if (!options.bool(option)) continue;
    if (options.bool('tree')) throw failed(`--${option} and --tree are mutually exclusive`);
    flags |= bit;
  }
  return flags;
}

/**
 * Prints the listed moments as --tree, --name or the table of `header` (Name first), each row's
 * other cells from `cellsOf` (undefined leaves the moment out, as virsh skips what it cannot read).
 */
export async function printMoments<H extends MomentHandle>(
  ctx: CommandContext,
  listed: ListedMoment<H>[],
  header: string[],
  cellsOf: (handle: H) => Promise<string[] | undefined>,
): Promise<void> {
  const out = ctx.session.out;
  if (ctx.options.bool('tree')) {
    out.print(printForest(listed));
    return;
  }
  if (ctx.options.bool('name')) {
    out.print(listed.map(({ name }) => `${name}\n`).join(''));
    return;
  }
  const rows: string[][] = [];
  for (const { handle, name } of listed) {
    const cells = await cellsOf(handle);
    if (cells !== undefined) rows.push([name, ...cells]);
  }
  out.print(formatTable(header, rows, out.quiet));
}
