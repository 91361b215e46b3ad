import { DomainXMLFlags } from '@libvirt-ts/virt/constants';
import { parseXml, type XmlElement } from '@libvirt-ts/xml-format';
import { formatTable } from '../output/table.js';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';

const SOURCE_ATTRIBUTES = new Set(['bridge', 'dev', 'network', 'name', 'path']);

/** XPath's string() of the first matching node: '' when there is none, read as "-" (virXPathString gives NULL for ''). */
function firstAttribute(element: XmlElement, child: string, attributes: ReadonlySet<string>): string {
  for (const node of element.children) {
    if (node.name !== child) continue;
    for (const [name, value] of node.attributes) if (attributes.has(name)) return value || '-';
  }
  return '-';
}

const attribute = (element: XmlElement, child: string, name: string) => firstAttribute(element, child, new Set([name]));

/** The `<interface>` elements of a domain's XML (`/domain/devices/interface`), in order. */
function domainInterfaces(xml: string): XmlElement[] {
  return parseXml(xml)
    .children.filter((c) => c.name === 'devices')
    .flatMap((devices) => devices.children.filter((c) => c.name === 'interface'));
}

export const domiflistCommand: CommandDef = {
  name: 'domiflist',
  group: 'monitor',
  summary: 'list all domain virtual interfaces',
  description: 'Get the summary of virtual interfaces for a domain.',
  options: [domainOption(), { name: 'inactive', type: 'bool', help: 'get inactive rather than running configuration' }],
  async run(ctx) {
    const { domain } = await lookupDomain(ctx);
    const xml = await domain.XMLDesc(ctx.options.bool('inactive') ? DomainXMLFlags.XML_INACTIVE : 0);
    const rows = domainInterfaces(xml).map((iface) => [
      attribute(iface, 'target', 'dev'),
      iface.attributes.get('type') ?? '',
      firstAttribute(iface, 'source', SOURCE_ATTRIBUTES),
      attribute(iface, 'model', 'type'),
      attribute(iface, 'mac', 'address'),
    ]);
    ctx.session.out.print(formatTable(['Interface', 'Type', 'Source', 'Model', 'MAC'], rows, ctx.session.out.quiet));
  },
};
