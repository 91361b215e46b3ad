import { DomainDeviceModifyFlags, DomainXMLFlags } from '@libvirt-ts/virt/constants';
import { failedBecause } from '../errors.js';
import { dumpXmlNode } from '../output/xml-node-dump.js';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { addLiveIfPersistent, DEVICE_SCOPE_OPTIONS, modifyDevice, readDeviceScope } from './device-scope.js';
import { lookupDomain } from './domain-lookup.js';
import { findDisk } from './find-disk.js';

export const detachDiskCommand: CommandDef = {
  name: 'detach-disk',
  group: 'domain',
  summary: 'detach disk device',
  description: 'Detach disk device.',
  options: [
    domainOption(),
    { name: 'target', type: 'data', required: true, help: 'target of disk device' },
    ...DEVICE_SCOPE_OPTIONS,
    { name: 'print-xml', type: 'bool', help: 'print XML document rather than detach the disk' },
  ],
  async run(ctx) {
    const scope = readDeviceScope(ctx);
    const { domain } = await lookupDomain(ctx);
    const target = ctx.options.requiredString('target');
    // --config alone detaches from the persistent definition, so the disk is looked for there
    const inactive = scope.flags === DomainDeviceModifyFlags.AFFECT_CONFIG;
    const xml = await domain.XMLDesc(inactive ? DomainXMLFlags.XML_INACTIVE : 0);
    await addLiveIfPersistent(scope, domain);
    const diskXml = dumpXmlNode(findDisk(xml, target), xml);
    if (ctx.options.bool('print-xml')) {
      ctx.session.out.print(diskXml);
      return;
    }
    try {
      await modifyDevice(scope, () => domain.detachDevice(diskXml), (flags) => domain.detachDeviceFlags(diskXml, flags));
    } catch (err) {
      throw failedBecause('Failed to detach disk', err);
    }
    ctx.session.out.printExtra('Disk detached successfully\n');
  },
};
