import { DomainXMLFlags } from '@libvirt-ts/virt/constants';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';
import { rejectUnsupported } from './unsupported.js';

/** virDomainXMLFlags by option. */
const XML_FLAGS: Array<[string, number]> = [
  ['security-info', DomainXMLFlags.XML_SECURE],
  ['inactive', DomainXMLFlags.XML_INACTIVE],
  ['update-cpu', DomainXMLFlags.XML_UPDATE_CPU],
  ['migratable', DomainXMLFlags.XML_MIGRATABLE],
];

export const dumpxmlCommand: CommandDef = {
  name: 'dumpxml',
  group: 'domain',
  summary: 'domain information in XML',
  description: 'Output the domain information as an XML dump to stdout.',
  options: [
    domainOption(),
    { name: 'inactive', type: 'bool', help: 'show inactive defined XML' },
    { name: 'security-info', type: 'bool', help: 'include security sensitive information in XML dump' },
    { name: 'update-cpu', type: 'bool', help: 'update guest CPU according to host CPU' },
    { name: 'migratable', type: 'bool', help: 'provide XML suitable for migrations' },
    { name: 'xpath', type: 'string', namedOnly: true, help: 'xpath expression to filter the XML document' },
    { name: 'wrap', type: 'bool', help: 'wrap xpath results in an common root element' },
  ],
  async run(ctx) {
    const { domain } = await lookupDomain(ctx);
    rejectUnsupported(ctx, ['xpath', 'wrap'], 'virDomainGetXMLDesc');
    let flags = 0;
    for (const [name, bit] of XML_FLAGS) if (ctx.options.bool(name)) flags |= bit;
    // virsh 9 adds no line of its own here: the libvirt error alone.
    ctx.session.out.print(await domain.XMLDesc(flags));
  },
};
