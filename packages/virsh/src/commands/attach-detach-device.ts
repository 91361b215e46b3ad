import type { Domain } from '@libvirt-ts/virt';
import { failedBecause } from '../errors.js';
import { readXmlFile } from '../read-file.js';
import type { CommandDef } from './command.js';
import { domainOption, fileOption } from './common-options.js';
import { addLiveIfPersistent, DEVICE_SCOPE_OPTIONS, modifyDevice, readDeviceScope } from './device-scope.js';
import { lookupDomain } from './domain-lookup.js';

interface DeviceFileSpec {
  name: string;
  summary: string;
  description: string;
  /** "attach" / "detach" */
  verb: string;
  plain(domain: Domain, xml: string): Promise<void>;
  withFlags(domain: Domain, xml: string, flags: number): Promise<void>;
}

/** attach-device / detach-device: a device's XML from a file, changed in the scope the options pick. */
function deviceFileCommand(spec: DeviceFileSpec): CommandDef {
  return {
    name: spec.name,
    group: 'domain',
    summary: spec.summary,
    description: spec.description,
    options: [domainOption(), fileOption('XML file'), ...DEVICE_SCOPE_OPTIONS],
    async run(ctx) {
      const scope = readDeviceScope(ctx);
      const { domain } = await lookupDomain(ctx);
      const file = ctx.options.requiredString('file');
      await addLiveIfPersistent(scope, domain);
      const xml = readXmlFile(file);
      try {
        await modifyDevice(scope, () => spec.plain(domain, xml), (flags) => spec.withFlags(domain, xml, flags));
      } catch (err) {
        throw failedBecause(`Failed to ${spec.verb} device from ${file}`, err);
      }
      ctx.session.out.printExtra(`Device ${spec.verb}ed successfully\n`);
    },
  };
}

export const attachDeviceCommand = deviceFileCommand({
  name: 'attach-device',
  summary: 'attach device from an XML file',
  description: 'Attach device from an XML <file>.',
  verb: 'attach',
  plain: (domain, xml) => domain.attachDevice(xml),
  withFlags: (domain, xml, flags) => domain.attachDeviceFlags(xml, flags),
});

export const detachDeviceCommand = deviceFileCommand({
  name: 'detach-device',
  summary: 'detach device from an XML file',
  description: 'Detach device from an XML <file>',
  verb: 'detach',
  plain: (domain, xml) => domain.detachDevice(xml),
  withFlags: (domain, xml, flags) => domain.detachDeviceFlags(xml, flags),
});
