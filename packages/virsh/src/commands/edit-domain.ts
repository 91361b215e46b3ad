import { DomainXMLFlags } from '@libvirt-ts/virt/constants';
import { silentFailure } from '../errors.js';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';
import { editAndDefine } from './edit-loop.js';

export const editCommand: CommandDef = {
  name: 'edit',
  group: 'domain',
  summary: 'edit XML configuration for a domain',
  description: 'Edit the XML configuration for a domain.',
  // --skip-validate changes nothing here: without virDomainDefineXMLFlags the define is virsh 9's fallback, unvalidated
  options: [domainOption(), { name: 'skip-validate', type: 'bool', help: 'skip validation of the XML against the schema' }],
  async run(ctx) {
    const { domain } = await lookupDomain(ctx);
    const out = ctx.session.out;
    const xml = await domain.XMLDesc(DomainXMLFlags.XML_SECURE | DomainXMLFlags.XML_INACTIVE);
    const conn = await ctx.session.connection();
    const outcome = await editAndDefine(out, { xml, relaxable: true, define: (edited) => conn.defineXML(edited) });
    if (outcome.kind === 'unchanged') {
      out.printExtra(`Domain '${domain.name()}' XML configuration not changed.\n`);
      return;
    }
    if (outcome.kind === 'abandoned') throw silentFailure();
    // Off a terminal virsh 9 asks nothing: it reports "Failed." (not libvirt's error), then carries on
    // with no domain, succeeding with a '(null)' name.
    if (outcome.kind === 'failed') out.error('Failed.');
    out.printExtra(`Domain '${outcome.kind === 'defined' ? outcome.defined.name() : '(null)'}' XML configuration edited.\n`);
  },
};
