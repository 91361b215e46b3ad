import { DomainXMLFlags } from '@libvirt-ts/virt/constants';
import type { XmlElement } from '@libvirt-ts/xml-format';
import { failed } from '../errors.js';
import { formatTable } from '../output/table.js';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';
import { domainDisks } from './find-disk.js';

const SOURCE_ATTRIBUTES = new Set(['file', 'dev', 'dir', 'name', 'volume']);

/**
 * The Source column: the first of file, dev, dir, name or volume over the disk's `<source>`
 * elements in document order (virsh 9's XPath union); '-' for none or an empty one.
 */
function sourceColumn(disk: XmlElement): string {
  for (const source of disk.children) {
    if (source.name !== 'source') continue;
    for (const [name, value] of source.attributes) if (SOURCE_ATTRIBUTES.has(name)) return value || '-';
  }
  return '-';
}

export const domblklistCommand: CommandDef = {
  name: 'domblklist',
  group: 'monitor',
  summary: 'list all domain blocks',
  description: 'Get the summary of block devices for a domain.',
  options: [
    domainOption(),
    { name: 'inactive', type: 'bool', help: 'get inactive rather than running configuration' },
    { name: 'details', type: 'bool', help: 'additionally display the type and device value' },
  ],
  async run(ctx) {
    const { domain } = await lookupDomain(ctx);
    const details = ctx.options.bool('details');
    const xml = await domain.XMLDesc(ctx.options.bool('inactive') ? DomainXMLFlags.XML_INACTIVE : 0);
    const rows: string[][] = [];
    for (const disk of domainDisks(xml)) {
      // XPath's string() reads an absent and an empty attribute alike: virsh 9 refuses both
      const type = disk.attributes.get('type') || undefined;
      const device = disk.attributes.get('device') || undefined;
      if (details && (type === undefined || device === undefined)) throw failed('unable to query block list details');
      const target = disk.children.find((c) => c.name === 'target')?.attributes.get('dev');
      if (!target) throw failed('unable to query block list');
      const source = sourceColumn(disk);
      rows.push(details ? [type as string, device as string, target, source] : [target, source]);
    }
    const header = details ? ['Type', 'Device', 'Target', 'Source'] : ['Target', 'Source'];
    ctx.session.out.print(formatTable(header, rows, ctx.session.out.quiet));
  },
};
