import { failed, failedBecause } from '../errors.js';
import { readXmlFile } from '../read-file.js';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';

export const domxmlFromNativeCommand: CommandDef = {
  name: 'domxml-from-native',
  group: 'domain',
  summary: 'Convert native config to domain XML',
  description: 'Convert native guest configuration format to domain XML format.',
  options: [
    { name: 'format', type: 'data', required: true, help: 'source config data format' },
    { name: 'config', type: 'data', required: true, help: 'config data file to import from', completer: 'file' },
  ],
  async run(ctx) {
    const format = ctx.options.requiredString('format');
    const config = readXmlFile(ctx.options.requiredString('config'));
    const conn = await ctx.session.connection();
    // The libvirt error alone, as virsh 9.
    ctx.session.out.print(await conn.domainXMLFromNative(format, config));
  },
};

export const domxmlToNativeCommand: CommandDef = {
  name: 'domxml-to-native',
  group: 'domain',
  summary: 'Convert domain XML to native config',
  description: 'Convert domain XML config to a native guest configuration format.',
  options: [
    { name: 'format', type: 'data', required: true, help: 'target config data type format' },
    { ...domainOption(), type: 'string', required: false, namedOnly: true },
    { name: 'xml', type: 'string', help: 'xml data file to export from', completer: 'file' },
  ],
  async run(ctx) {
    const format = ctx.options.requiredString('format');
    const file = ctx.options.string('xml');
    ctx.options.exclusive('domain', 'xml');
    let xml: string;
    if (ctx.options.has('domain')) {
      const { domain } = await lookupDomain(ctx);
      xml = await domain.XMLDesc(0).catch((err: unknown) => {
        throw failedBecause('failed to retrieve XML', err);
      });
    } else if (file !== undefined) {
      xml = readXmlFile(file);
    } else {
      throw failed('need either domain or domain XML');
    }
    const conn = await ctx.session.connection();
    ctx.session.out.print(await conn.domainXMLToNative(format, xml));
  },
};
