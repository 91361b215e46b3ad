import type { Domain } from '@libvirt-ts/virt';
import { DomainCheckpointCreateFlags } from '@libvirt-ts/virt/constants';
import { failed } from '../errors.js';
import { escapeXml } from '../output/vir-buffer.js';
import { readXmlFile } from '../read-file.js';
import { commaFields } from './comma-fields.js';
import type { CommandContext, CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';

const QUIESCE_OPTION = { name: 'quiesce', type: 'bool', help: "quiesce guest's file systems" } as const;

/** virshCheckpointCreate: creates and says so (`from`: the file the XML came from). */
async function createAndReport(ctx: CommandContext, domain: Domain, xml: string, flags: number, from?: string): Promise<void> {
  const name = (await domain.checkpointCreateXML(xml, flags)).name();
  ctx.session.out.printExtra(from === undefined ? `Domain checkpoint ${name} created` : `Domain checkpoint ${name} created from '${from}'`);
}

export const checkpointCreateCommand: CommandDef = {
  name: 'checkpoint-create',
  group: 'checkpoint',
  summary: 'Create a checkpoint from XML',
  description: 'Create a checkpoint from XML for use in future incremental backups',
  options: [
    domainOption(),
    { name: 'xmlfile', type: 'string', help: 'domain checkpoint XML' },
    { name: 'redefine', type: 'bool', help: 'redefine metadata for existing checkpoint' },
    { name: 'redefine-validate', type: 'bool', help: 'validate the redefined checkpoint' },
    QUIESCE_OPTION,
  ],
  async run(ctx) {
    const { options } = ctx;
    const { REDEFINE, REDEFINE_VALIDATE, QUIESCE } = DomainCheckpointCreateFlags;
    options.requires('redefine-validate', 'redefine');
    const flags = (options.bool('redefine') ? REDEFINE : 0) | (options.bool('redefine-validate') ? REDEFINE_VALIDATE : 0) | (options.bool('quiesce') ? QUIESCE : 0);
    const { domain } = await lookupDomain(ctx);
    const from = options.string('xmlfile');
    const xml = from === undefined ? '<domaincheckpoint/>' : readXmlFile(from);
    await createAndReport(ctx, domain, xml, flags, from);
  },
};

export const checkpointCreateAsCommand: CommandDef = {
  name: 'checkpoint-create-as',
  group: 'checkpoint',
  summary: 'Create a checkpoint from a set of args',
  description: 'Create a checkpoint from arguments for use in future incremental backups',
  options: [
    domainOption(),
    { name: 'name', type: 'string', help: 'name of checkpoint' },
    { name: 'description', type: 'string', help: 'description of checkpoint' },
    { name: 'print-xml', type: 'bool', help: 'print XML document rather than create' },
    QUIESCE_OPTION,
    { name: 'diskspec', type: 'argv', help: 'disk attributes: disk[,checkpoint=type][,bitmap=name]' },
  ],
  async run(ctx) {
    const { options } = ctx;
    const flags = options.bool('quiesce') ? DomainCheckpointCreateFlags.QUIESCE : 0;
    const { domain } = await lookupDomain(ctx);
    const name = options.string('name');
    const description = options.string('description');
    const lines = ['<domaincheckpoint>'];
    if (name !== undefined) lines.push(`  <name>${escapeXml(name)}</name>`);
    if (description !== undefined) lines.push(`  <description>${escapeXml(description)}</description>`);
    const diskspecs = options.words('diskspec');
    if (diskspecs.length > 0) lines.push('  <disks>', ...diskspecs.map((spec) => `    ${diskElement(spec)}`), '  </disks>');
    lines.push('</domaincheckpoint>');
    const xml = `${lines.join('\n')}\n`;
    if (options.bool('print-xml')) {
      ctx.session.out.print(`${xml}\n`);
      return;
    }
    await createAndReport(ctx, domain, xml, flags);
  },
};

/** virshParseCheckpointDiskspec: `disk[,checkpoint=type][,bitmap=name]` (the type and name written as given). */
function diskElement(spec: string): string {
  const [name = '', ...rest] = commaFields(spec);
  const values: Record<string, string | undefined> = {};
  for (const field of rest) {
    const key = ['checkpoint', 'bitmap'].find((k) => values[k] === undefined && field.startsWith(`${k}=`));
    if (key === undefined) throw failed(`unable to parse diskspec: ${spec}`);
    values[key] = field.slice(key.length + 1);
  }
  const { checkpoint, bitmap } = values;
  return `<disk name='${escapeXml(name)}'${checkpoint === undefined ? '' : ` checkpoint='${checkpoint}'`}${bitmap === undefined ? '' : ` bitmap='${bitmap}'`}/>`;
}
