import { failedBecause } from '../errors.js';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';

export const autostartCommand: CommandDef = {
  name: 'autostart',
  group: 'domain',
  summary: 'autostart a domain',
  description: 'Configure a domain to be automatically started at boot.',
  options: [domainOption(), { name: 'disable', type: 'bool', help: 'disable autostarting' }],
  async run(ctx) {
    const { domain, typed } = await lookupDomain(ctx);
    const autostart = !ctx.options.bool('disable');
    const verb = autostart ? 'mark' : 'unmark';
    await domain.setAutostart(autostart).catch((err) => {
      throw failedBecause(`Failed to ${verb} domain '${typed}' as autostarted`, err);
    });
    ctx.session.out.printExtra(`Domain '${typed}' ${verb}ed as autostarted\n`);
  },
};
