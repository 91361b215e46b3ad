import type { XmlElement } from '@libvirt-ts/xml-format';

/**
 * libvirt's taint flags the test driver sets, in virDomainTaint's order (which is the order
 * virDomainObjGetMessages lists them in), with virDomainTaintMessage's texts.
 */
const TAINTS = {
  HIGH_PRIVILEGES: 'running with undesirable elevated privileges',
  SHELL_SCRIPTS: 'network configuration using opaque shell scripts',
  CDROM_PASSTHROUGH: 'use of host cdrom passthrough',
  CUSTOM_DTB: 'custom device tree blob used',
  DEPRECATED_CONFIG: 'use of deprecated configuration settings',
} as const;
type Taint = keyof typeof TAINTS;
const ORDER = Object.keys(TAINTS) as Taint[];

/** The one CPU model the test driver calls deprecated. */
const DEPRECATED_CPU_MODEL = 'Deprecated-Test';

const children = (element: XmlElement | undefined, name: string): XmlElement[] =>
  element?.children.filter((c) => c.name === name) ?? [];
const child = (element: XmlElement | undefined, name: string): XmlElement | undefined => children(element, name)[0];

/**
 * The messages (virDomainGetMessages) of a domain loaded from a node file, as libvirt 9's
 * test driver taints it when it reads the file (testDomainObjCheckTaint; nothing else taints):
 * a disk or SCSI hostdev with rawio='yes', a block cdrom with a source, an interface with a
 * `<script>`, the custom CPU model Deprecated-Test, and an `<os><dtb>`. Tainted messages come
 * first, in libvirt's flag order, then the deprecations.
 */
export function nodeDomainMessages(domain: XmlElement): string[] {
  const taints = new Set<Taint>();
  const deprecations: string[] = [];
  const devices = child(domain, 'devices');
  for (const disk of children(devices, 'disk')) {
    if (disk.attributes.get('rawio') === 'yes') taints.add('HIGH_PRIVILEGES');
    const source = child(disk, 'source')?.attributes.get('dev');
    if (disk.attributes.get('device') === 'cdrom' && disk.attributes.get('type') === 'block' && source !== undefined) {
      taints.add('CDROM_PASSTHROUGH');
    }
  }
  for (const hostdev of children(devices, 'hostdev')) {
    if (hostdev.attributes.get('type') === 'scsi' && hostdev.attributes.get('rawio') === 'yes') taints.add('HIGH_PRIVILEGES');
  }
  if (children(devices, 'interface').some((net) => child(net, 'script') !== undefined)) taints.add('SHELL_SCRIPTS');
  const cpu = child(domain, 'cpu');
  // A <cpu> without mode= is a custom one (virCPUDefParseXML's default for a domain); the model compares exactly.
  if (cpu && (cpu.attributes.get('mode') ?? 'custom') === 'custom' && child(cpu, 'model')?.text === DEPRECATED_CPU_MODEL) {
    taints.add('DEPRECATED_CONFIG');
    deprecations.push(`CPU model ${DEPRECATED_CPU_MODEL}`);
  }
  // virXPathString gives no string for an empty <dtb/>.
  if (child(child(domain, 'os'), 'dtb')?.text) taints.add('CUSTOM_DTB');
  return [
    ...ORDER.filter((t) => taints.has(t)).map((t) => `tainted: ${TAINTS[t]}`),
    ...deprecations.map((d) => `deprecated configuration: ${d}`),
  ];
}
