import type { Domain, DomainBlockInfo } from '@libvirt-ts/virt';
import { failed } from '../errors.js';
import { formatTable } from '../output/table.js';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';
import { domainDisks } from './find-disk.js';

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;

/** vshPrettyCapacity with "%.3lf %s": the largest binary unit below the value, as a C double. */
function prettyCapacity(bytes: bigint): string {
  let unit = 0;
  let limit = 1024n;
  while (unit < UNITS.length - 1 && bytes >= limit) {
    unit++;
    limit *= 1024n;
  }
  return `${(Number(bytes) / 1024 ** unit).toFixed(3)} ${UNITS[unit]}`;
}

/** cmdDomblkinfoGet: the three sizes as virsh 9 shows them ("-" each when all are zero). */
function sizes(info: DomainBlockInfo, human: boolean): string[] {
  const values = [info.capacity, info.allocation, info.physical];
  if (values.every((v) => v === 0n)) return ['-', '-', '-'];
  return values.map((v) => (human ? prettyCapacity(v) : v.toString()));
}

const NO_SIZES: DomainBlockInfo = { capacity: 0n, allocation: 0n, physical: 0n };

/** --all: one row per disk; a disk without a source has no sizes. */
async function allDisks(domain: Domain, human: boolean): Promise<string[][]> {
  const xml = await domain.XMLDesc();
  const rows: string[][] = [];
  for (const disk of domainDisks(xml)) {
    const target = disk.children.find((c) => c.name === 'target')?.attributes.get('dev') ?? '';
    const hasSource = disk.children.some((c) => c.name === 'source');
    const info = hasSource ? await domain.blockInfo(target) : NO_SIZES;
    rows.push([target, ...sizes(info, human)]);
  }
  return rows;
}

export const domblkinfoCommand: CommandDef = {
  name: 'domblkinfo',
  group: 'monitor',
  summary: 'domain block device size information',
  description: 'Get block device size info for a domain.',
  options: [
    domainOption(),
    { name: 'device', type: 'string', help: 'block device' },
    { name: 'human', type: 'bool', help: 'Human readable output' },
    { name: 'all', type: 'bool', help: 'display all block devices info' },
  ],
  async run(ctx) {
    const { options, session } = ctx;
    options.exclusive('all', 'device');
    const { domain } = await lookupDomain(ctx);
    const all = options.bool('all');
    const device = all ? undefined : options.quietString('device');
    if (!all && !device) throw failed("command 'domblkinfo' requires <device> option");
    const human = options.bool('human');
    if (all) {
      session.out.print(formatTable(['Target', 'Capacity', 'Allocation', 'Physical'], await allDisks(domain, human), session.out.quiet));
      return;
    }
    const [capacity, allocation, physical] = sizes(await domain.blockInfo(device as string), human);
    session.out.print(`Capacity:       ${capacity}\nAllocation:     ${allocation}\nPhysical:       ${physical}\n`);
  },
};
