import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';

/** virsh 9's domrename: a failure is libvirt's error alone, with no line of virsh's own. */
export const domrenameCommand: CommandDef = {
  name: 'domrename',
  group: 'domain',
  summary: 'rename a domain',
  description: 'Rename an inactive domain.',
  options: [
    domainOption('domain name or uuid', 'inactive-domain'),
    { name: 'new-name', type: 'data', required: true, help: 'new domain name' },
  ],
  async run(ctx) {
    const { domain } = await lookupDomain(ctx);
    await domain.rename(ctx.options.requiredString('new-name'));
    ctx.session.out.printExtra('Domain successfully renamed\n');
  },
};
