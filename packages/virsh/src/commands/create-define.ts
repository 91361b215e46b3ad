import { DomainCreateFlags } from '@libvirt-ts/virt/constants';
import { failedBecause } from '../errors.js';
import { readXmlFile } from '../read-file.js';
import type { CommandDef } from './command.js';
import { fileOption } from './common-options.js';
import { rejectUnsupported } from './unsupported.js';

/** virDomainCreateFlags by option. */
const CREATE_FLAGS: Array<[string, number]> = [
  ['paused', DomainCreateFlags.START_PAUSED],
  ['autodestroy', DomainCreateFlags.START_AUTODESTROY],
  ['validate', DomainCreateFlags.START_VALIDATE],
  ['reset-nvram', DomainCreateFlags.START_RESET_NVRAM],
];

const XML_FILE_HELP = 'file containing an XML domain description';

export const createCommand: CommandDef = {
  name: 'create',
  group: 'domain',
  summary: 'create a domain from an XML file',
  description: 'Create a domain.',
  options: [
    fileOption(XML_FILE_HELP),
    { name: 'console', type: 'bool', help: 'attach to console after creation' },
    { name: 'paused', type: 'bool', help: 'leave the guest paused after creation' },
    { name: 'autodestroy', type: 'bool', help: 'automatically destroy the guest when virsh disconnects' },
    { name: 'pass-fds', type: 'string', help: 'pass file descriptors N,M,... to the guest' },
    { name: 'validate', type: 'bool', help: 'validate the XML against the schema' },
    { name: 'reset-nvram', type: 'bool', help: 're-initialize NVRAM from its pristine template' },
  ],
  async run(ctx) {
    const file = ctx.options.requiredString('file');
    const xml = readXmlFile(file);
    // No console to attach to and no descriptors to pass here; the rest are libvirt flags.
    rejectUnsupported(ctx, ['console', 'pass-fds'], 'virDomainCreateXML');
    let flags = 0;
    for (const [name, bit] of CREATE_FLAGS) if (ctx.options.bool(name)) flags |= bit;
    const conn = await ctx.session.connection();
    const domain = await conn.createXML(xml, flags).catch((err) => {
      throw failedBecause(`Failed to create domain from ${file}`, err);
    });
    ctx.session.out.printExtra(`Domain '${domain.name()}' created from ${file}\n`);
  },
};

export const defineCommand: CommandDef = {
  name: 'define',
  group: 'domain',
  summary: "define (but don't start) a domain from an XML file",
  description: 'Define a domain.',
  options: [fileOption(XML_FILE_HELP), { name: 'validate', type: 'bool', help: 'validate the XML against the schema' }],
  async run(ctx) {
    const file = ctx.options.requiredString('file');
    const xml = readXmlFile(file);
    rejectUnsupported(ctx, ['validate'], 'virDomainDefineXMLFlags');
    const conn = await ctx.session.connection();
    const domain = await conn.defineXML(xml).catch((err) => {
      throw failedBecause(`Failed to define domain from ${file}`, err);
    });
    ctx.session.out.printExtra(`Domain '${domain.name()}' defined from ${file}\n`);
  },
};
