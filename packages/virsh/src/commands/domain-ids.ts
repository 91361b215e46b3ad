import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';

export const domidCommand: CommandDef = {
  name: 'domid',
  group: 'domain',
  summary: 'convert a domain name or UUID to domain id',
  description: '',
  options: [domainOption('domain name or uuid')],
  async run(ctx) {
    const { domain } = await lookupDomain(ctx, 'domain', { name: true, uuid: true });
    const id = domain.getID();
    ctx.session.out.print(`${id >= 0 ? id : '-'}\n`);
  },
};

export const domnameCommand: CommandDef = {
  name: 'domname',
  group: 'domain',
  summary: 'convert a domain id or UUID to domain name',
  description: '',
  options: [domainOption('domain id or uuid')],
  async run(ctx) {
    const { domain } = await lookupDomain(ctx, 'domain', { id: true, uuid: true });
    ctx.session.out.print(`${domain.getName()}\n`);
  },
};

export const domuuidCommand: CommandDef = {
  name: 'domuuid',
  group: 'domain',
  summary: 'convert a domain name or id to domain UUID',
  description: '',
  options: [domainOption('domain id or name')],
  async run(ctx) {
    const { domain } = await lookupDomain(ctx, 'domain', { id: true, name: true });
    ctx.session.out.print(`${domain.getUUIDString()}\n`);
  },
};
