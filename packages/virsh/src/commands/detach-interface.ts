import type { Domain } from '@libvirt-ts/virt';
import { DomainDeviceModifyFlags, DomainXMLFlags } from '@libvirt-ts/virt/constants';
import { parseXml, type XmlElement } from '@libvirt-ts/xml-format';
import { failed, failedBecause, VirshError } from '../errors.js';
import { dumpXmlNode } from '../output/xml-node-dump.js';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { addLiveIfPersistent, DEVICE_SCOPE_OPTIONS, type DeviceScope, modifyDevice, readDeviceScope } from './device-scope.js';
import { lookupDomain } from './domain-lookup.js';

const DETACH_FAILED = 'Failed to detach interface';

/** virMacAddrCompare: compared without case, skipping every '0' that a hex digit follows. */
export function sameMac(a: string, b: string): boolean {
  const canonical = (mac: string) => mac.replace(/0(?=[0-9a-fA-F])/g, '').toUpperCase();
  return canonical(a) === canonical(b);
}

/** virshDomainDetachInterface's choice: the interface of `type` (and `mac`) in the domain's XML. */
function findInterface(xml: string, type: string, mac: string | undefined): XmlElement {
  const interfaces = parseXml(xml)
    .children.filter((c) => c.name === 'devices')
    .flatMap((devices) => devices.children.filter((c) => c.name === 'interface' && c.attributes.get('type') === type));
  if (interfaces.length === 0) throw failed(`No interface found whose type is ${type}`);
  if (mac !== undefined) {
    const match = interfaces.find((iface) => {
      const address = iface.children.find((c) => c.name === 'mac')?.attributes.get('address');
      return address !== undefined && sameMac(address, mac);
    });
    if (!match) throw failed(`No interface with MAC address ${mac} was found`);
    return match;
  }
  if (interfaces.length > 1) throw failed(`Domain has ${interfaces.length} interfaces. Please specify which one to detach using --mac`);
  return interfaces[0] as XmlElement;
}

interface DetachRequest {
  domain: Domain;
  type: string;
  mac: string | undefined;
  printXml: boolean;
  print(text: string): void;
}

/** One pass over one definition (live or persistent): find the interface, then print or detach it. */
async function detachFrom(request: DetachRequest, scope: DeviceScope, xmlFlags: number): Promise<void> {
  const xml = await request.domain.XMLDesc(xmlFlags);
  const ifaceXml = dumpXmlNode(findInterface(xml, request.type, request.mac), xml);
  if (request.printXml) {
    request.print(ifaceXml);
    return;
  }
  const { domain } = request;
  await modifyDevice(scope, () => domain.detachDevice(ifaceXml), (flags) => domain.detachDeviceFlags(ifaceXml, flags));
}

/** A failure followed by virsh 9's "Failed to detach interface" line. */
function detachFailure(err: unknown): VirshError {
  if (VirshError.isInstance(err)) return new VirshError({ code: 'COMMAND_FAILED', lines: [...err.lines, DETACH_FAILED] });
  return failedBecause(DETACH_FAILED, err);
}

export const detachInterfaceCommand: CommandDef = {
  name: 'detach-interface',
  group: 'domain',
  summary: 'detach network interface',
  description: 'Detach network interface.',
  options: [
    domainOption(),
    { name: 'type', type: 'data', required: true, help: 'network interface type' },
    { name: 'mac', type: 'string', help: 'MAC address' },
    ...DEVICE_SCOPE_OPTIONS,
    { name: 'print-xml', type: 'bool', help: 'print XML document rather than detach the interface' },
  ],
  async run(ctx) {
    const { options, session } = ctx;
    const scope = readDeviceScope(ctx);
    const { domain } = await lookupDomain(ctx);
    const request: DetachRequest = {
      domain,
      type: options.requiredString('type'),
      mac: options.string('mac'),
      printXml: options.bool('print-xml'),
      print: (text) => session.out.print(text),
    };
    await addLiveIfPersistent(scope, domain);
    const { AFFECT_CONFIG: CONFIG, AFFECT_LIVE: LIVE } = DomainDeviceModifyFlags;
    // virsh 9 detaches from the persistent definition first, then from the live one: each pass
    // looks for the interface in its own XML. A failed persistent pass always says "Failed to
    // detach interface"; a failed live pass only when it was to detach, not print.
    if (scope.flags & CONFIG) {
      try {
        await detachFrom(request, { ...scope, flags: scope.flags & ~LIVE }, DomainXMLFlags.XML_INACTIVE);
      } catch (err) {
        throw detachFailure(err);
      }
    }
    if (!(scope.flags & CONFIG) || scope.flags & LIVE) {
      try {
        await detachFrom(request, { ...scope, flags: scope.flags & ~CONFIG }, 0);
      } catch (err) {
        throw request.printXml ? err : detachFailure(err);
      }
    }
    if (!request.printXml) session.out.printExtra('Interface detached successfully\n');
  },
};
