import { failedBecause } from '../errors.js';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';
import { rejectUnsupported } from './unsupported.js';

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
    const { domain, typed } = await lookupDomain(ctx);
    rejectUnsupported(
      ctx,
      ['inactive', 'security-info', 'update-cpu', 'migratable', 'xpath', 'wrap'],
      'virDomainGetXMLDesc',
    );
    const xml = await domain.getXMLDesc().catch((err) => {
      throw failedBecause(`Failed to get XML of domain '${typed}'`, err);
    });
    ctx.session.out.print(xml);
  },
};
