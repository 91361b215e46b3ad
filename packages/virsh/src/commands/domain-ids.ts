import type { Domain } from '@libvirt-ts/virt';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { type LookupWays, lookupDomain } from './domain-lookup.js';

/** domid, domname and domuuid: find the domain the ways the command allows, print one fact. */
function conversionCommand(
  name: string,
  summary: string,
  domainHelp: string,
  ways: LookupWays,
  fact: (domain: Domain) => string,
): CommandDef {
  return {
    name,
    group: 'domain',
    summary,
    description: '',
    options: [domainOption(domainHelp)],
    async run(ctx) {
      const { domain } = await lookupDomain(ctx, 'domain', ways);
      ctx.session.out.print(`${fact(domain)}\n`);
    },
  };
}

export const domidCommand = conversionCommand(
  'domid',
  'convert a domain name or UUID to domain id',
  'domain name or uuid',
  { name: true, uuid: true },
  (domain) => {
    const id = domain.ID();
    return id >= 0 ? String(id) : '-';
  },
);

export const domnameCommand = conversionCommand(
  'domname',
  'convert a domain id or UUID to domain name',
  'domain id or uuid',
  { id: true, uuid: true },
  (domain) => domain.name(),
);

export const domuuidCommand = conversionCommand(
  'domuuid',
  'convert a domain name or id to domain UUID',
  'domain id or name',
  { id: true, name: true },
  (domain) => domain.UUIDString(),
);
