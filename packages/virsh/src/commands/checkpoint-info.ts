import { DomainCheckpointDeleteFlags, DomainCheckpointListFlags, DomainCheckpointXMLFlags } from '@libvirt-ts/virt/constants';
import { failed, failedBecause } from '../errors.js';
import { checkpointNameOption, checkpointParentName, lookupCheckpoint } from './checkpoint-lookup.js';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';
import { rejectUnsupported } from './unsupported.js';

export const checkpointInfoCommand: CommandDef = {
  name: 'checkpoint-info',
  group: 'checkpoint',
  summary: 'checkpoint information',
  description: 'Returns basic information about a checkpoint.',
  options: [domainOption(), checkpointNameOption()],
  async run(ctx) {
    const { domain } = await lookupDomain(ctx);
    const checkpoint = await lookupCheckpoint(ctx, domain, 'checkpointname');
    const out = ctx.session.out;
    const line = (label: string, value: string | number) => out.print(`${label.padEnd(15)} ${value}\n`);
    line('Name:', checkpoint.name());
    line('Domain:', domain.name());
    line('Parent:', (await checkpointParentName(checkpoint, ['unexpected problem querying checkpoint state'])) ?? '-');
    line('Children:', (await checkpoint.listAllChildren()).length);
    line('Descendants:', (await checkpoint.listAllChildren(DomainCheckpointListFlags.DESCENDANTS)).length);
  },
};

export const checkpointDumpxmlCommand: CommandDef = {
  name: 'checkpoint-dumpxml',
  group: 'checkpoint',
  summary: 'Dump XML for a domain checkpoint',
  description: 'Checkpoint Dump XML',
  options: [
    domainOption(),
    checkpointNameOption(),
    { name: 'security-info', type: 'bool', help: 'include security sensitive information in XML dump' },
    { name: 'no-domain', type: 'bool', help: 'exclude <domain> from XML' },
    { name: 'size', type: 'bool', help: 'include backup size estimate in XML dump' },
    { name: 'xpath', type: 'string', namedOnly: true, help: 'xpath expression to filter the XML document' },
    { name: 'wrap', type: 'bool', help: 'wrap xpath results in an common root element' },
  ],
  async run(ctx) {
    const { SECURE, NO_DOMAIN, SIZE } = DomainCheckpointXMLFlags;
    const { options } = ctx;
    const flags = (options.bool('security-info') ? SECURE : 0) | (options.bool('no-domain') ? NO_DOMAIN : 0) | (options.bool('size') ? SIZE : 0);
    const { domain } = await lookupDomain(ctx);
    const checkpoint = await lookupCheckpoint(ctx, domain, 'checkpointname');
    rejectUnsupported(ctx, ['xpath', 'wrap'], 'virDomainCheckpointGetXMLDesc');
    ctx.session.out.print(await checkpoint.XMLDesc(flags));
  },
};

export const checkpointParentCommand: CommandDef = {
  name: 'checkpoint-parent',
  group: 'checkpoint',
  summary: 'Get the name of the parent of a checkpoint',
  description: "Extract the checkpoint's parent, if any",
  options: [domainOption(), checkpointNameOption('find parent of checkpoint name')],
  async run(ctx) {
    const { domain } = await lookupDomain(ctx);
    const checkpoint = await lookupCheckpoint(ctx, domain, 'checkpointname');
    const parent = await checkpointParentName(checkpoint);
    if (parent === undefined) throw failed(`checkpoint '${checkpoint.name()}' has no parent`);
    ctx.session.out.print(parent);
  },
};

export const checkpointDeleteCommand: CommandDef = {
  name: 'checkpoint-delete',
  group: 'checkpoint',
  summary: 'Delete a domain checkpoint',
  description: 'Checkpoint Delete',
  options: [
    domainOption(),
    checkpointNameOption(),
    { name: 'children', type: 'bool', help: 'delete checkpoint and all children' },
    { name: 'children-only', type: 'bool', help: 'delete children but not checkpoint' },
    { name: 'metadata', type: 'bool', help: 'delete only libvirt metadata, leaving checkpoint contents behind' },
  ],
  async run(ctx) {
    const { CHILDREN, CHILDREN_ONLY, METADATA_ONLY } = DomainCheckpointDeleteFlags;
    const { options } = ctx;
    const { domain } = await lookupDomain(ctx);
    const checkpoint = await lookupCheckpoint(ctx, domain, 'checkpointname');
    const name = checkpoint.name();
    const flags = (options.bool('children') ? CHILDREN : 0) | (options.bool('children-only') ? CHILDREN_ONLY : 0) | (options.bool('metadata') ? METADATA_ONLY : 0);
    await checkpoint.delete(flags).catch((err) => {
      throw failedBecause(`Failed to delete checkpoint ${name}`, err);
    });
    ctx.session.out.printExtra((flags & CHILDREN_ONLY) !== 0 ? `Domain checkpoint ${name} children deleted\n` : `Domain checkpoint ${name} deleted\n`);
  },
};
