import { DomainXMLFlags } from '@libvirt-ts/virt/constants';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';
import { editText } from './edit-text.js';

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
    const edited = await editText(xml);
    if (edited === xml) {
      out.printExtra(`Domain '${domain.name()}' XML configuration not changed.\n`);
      return;
    }
    const conn = await ctx.session.connection();
    const defined = await conn.defineXML(edited).catch(() => undefined);
    // Off a terminal virsh 9 asks nothing: it reports "Failed." (not libvirt's error), then carries on
    // with no domain, succeeding with a '(null)' name.
    if (!defined) out.error('Failed.');
    out.printExtra(`Domain '${defined?.name() ?? '(null)'}' XML configuration edited.\n`);
  },
};
