import { statSync } from 'node:fs';
import { failed } from '../errors.js';
import { escapedAttribute, formatElement } from '../output/vir-buffer.js';
import type { CommandContext, CommandDef, OptionDef } from './command.js';
import { domainOption } from './common-options.js';
import { formatDeviceAddress, parseDeviceAddress } from './device-address.js';
import { attachBuiltDevice, DEVICE_SCOPE_OPTIONS, readDeviceScope } from './device-scope.js';

const SOURCE_TYPES = ['file', 'block', 'network'] as const;
type SourceType = (typeof SOURCE_TYPES)[number];

/** The string options read, in virsh 9's order (an empty one fails in this order). */
const STRING_OPTIONS = [
  'driver',
  'subdriver',
  'type',
  'mode',
  'iothread',
  'cache',
  'io',
  'serial',
  'wwn',
  'address',
  'targetbus',
  'alias',
  'sourcetype',
  'source-protocol',
  'source-host-name',
  'source-host-transport',
  'source-host-socket',
] as const;
type StringOption = (typeof STRING_OPTIONS)[number];

/** `<driver>`'s attributes, in order, and the options they come from. */
const DRIVER_ATTRIBUTES: ReadonlyArray<[string, StringOption]> = [
  ['name', 'driver'],
  ['type', 'subdriver'],
  ['iothread', 'iothread'],
  ['cache', 'cache'],
  ['io', 'io'],
];

/** virValidateWWN: 16 hex digits, with an optional 0x. */
function checkWwn(wwn: string): void {
  const digits = wwn.startsWith('0x') ? wwn.slice(2) : wwn;
  if (!/^[0-9a-fA-F]{16}$/.test(digits)) throw failed(`internal error: Malformed wwn: ${wwn}`);
}

/** The source type when --sourcetype is not given: network with a protocol, block for a block device, else file. */
function guessSourceType(source: string, driver: string | undefined, protocol: string | undefined): SourceType {
  if (protocol !== undefined) return 'network';
  if (driver !== 'file' && driver !== 'tap') {
    const stat = statSync(source, { throwIfNoEntry: false });
    if (stat?.isBlockDevice()) return 'block';
  }
  return 'file';
}

/** The `<address>` line for --address, checked against the target's bus as virsh 9 does. */
function addressLine(text: string, target: string, multifunction: boolean): string {
  const address = parseDeviceAddress(text, multifunction);
  if (!address) throw failed('Invalid address.');
  if (target.startsWith('vd') && address.type !== 'pci' && address.type !== 'ccw') {
    throw failed('expecting a pci:0000.00.00.00 or ccw:00.0.0000 address.');
  }
  if (target.startsWith('sd') && address.type !== 'scsi' && address.type !== 'usb' && address.type !== 'sata') {
    throw failed('expecting a scsi:00.00.00 or usb:00.00 or sata:00.00.00 address.');
  }
  if (target.startsWith('hd') && address.type !== 'ide') throw failed('expecting an ide:00.00.00 address.');
  return formatDeviceAddress(address);
}

/** The `<source>` element's lines for the source type. */
function sourceLines(type: SourceType, source: string, get: (name: StringOption) => string | undefined): string[] {
  if (type === 'file') return formatElement('source', escapedAttribute('file', source), []);
  if (type === 'block') return formatElement('source', escapedAttribute('dev', source), []);
  let host = escapedAttribute('transport', get('source-host-transport')) + escapedAttribute('socket', get('source-host-socket'));
  const hostName = get('source-host-name');
  if (hostName !== undefined) {
    const colon = hostName.indexOf(':');
    host += escapedAttribute('name', colon < 0 ? hostName : hostName.slice(0, colon));
    host += escapedAttribute('port', colon < 0 ? undefined : hostName.slice(colon + 1));
  }
  const attributes = escapedAttribute('protocol', get('source-protocol')) + escapedAttribute('name', source);
  return formatElement('source', attributes, formatElement('host', host, []));
}

/** cmdAttachDisk's XML, built from the options as virsh 9 builds it (checks in its order). */
function diskXml(ctx: CommandContext): string {
  const { options } = ctx;
  const source = options.requiredString('source');
  const target = options.requiredString('target');
  const values = new Map<StringOption, string | undefined>();
  for (const name of STRING_OPTIONS) values.set(name, options.string(name));
  const get = (name: StringOption) => values.get(name);

  const stype = get('sourcetype');
  if (stype !== undefined && stype !== '' && !(SOURCE_TYPES as readonly string[]).includes(stype)) {
    throw failed(`Unknown source type: '${stype}'`);
  }
  const protocol = get('source-protocol');
  const type = stype ? (stype as SourceType) : guessSourceType(source, get('driver'), protocol);
  if ((type === 'network') !== (protocol !== undefined)) throw failed('--source-protocol option requires --sourcetype network');
  const mode = get('mode');
  if (mode !== undefined && mode !== 'readonly' && mode !== 'shareable') {
    throw failed(`No support for ${mode} in command 'attach-disk'`);
  }
  const wwn = get('wwn');
  if (wwn !== undefined) checkWwn(wwn);

  let diskAttributes = ` type='${type}'` + escapedAttribute('device', get('type'));
  if (options.bool('rawio')) diskAttributes += " rawio='yes'";
  const driverAttributes = DRIVER_ATTRIBUTES.map(([attr, option]) => escapedAttribute(attr, get(option))).join('');
  const targetBus = get('targetbus');
  const children = [
    ...formatElement('driver', driverAttributes, []),
    ...sourceLines(type, source, get),
    `<target dev='${target}'${targetBus === undefined ? '' : ` bus='${targetBus}'`}/>`,
  ];
  if (mode !== undefined) children.push(`<${mode}/>`);
  const serial = get('serial');
  if (serial !== undefined) children.push(`<serial>${serial}</serial>`);
  const alias = get('alias');
  if (alias !== undefined) children.push(`<alias name='${alias}'/>`);
  if (wwn !== undefined) children.push(`<wwn>${wwn}</wwn>`);
  const address = get('address');
  if (address !== undefined) children.push(addressLine(address, target, options.bool('multifunction')));
  return formatElement('disk', diskAttributes, children).map((line) => `${line}\n`).join('');
}

const stringOption = (name: string, help: string): OptionDef => ({ name, type: 'string', help });

export const attachDiskCommand: CommandDef = {
  name: 'attach-disk',
  group: 'domain',
  summary: 'attach disk device',
  description: 'Attach new disk device.',
  options: [
    domainOption(),
    { name: 'source', type: 'data', required: true, emptyOk: true, help: 'source of disk device or name of network disk' },
    { name: 'target', type: 'data', required: true, help: 'target of disk device' },
    stringOption('targetbus', 'target bus of disk device'),
    stringOption('driver', 'driver of disk device'),
    stringOption('subdriver', 'subdriver of disk device'),
    stringOption('iothread', 'IOThread to be used by supported device'),
    stringOption('cache', 'cache mode of disk device'),
    stringOption('io', 'io policy of disk device'),
    stringOption('type', 'target device type'),
    { ...stringOption('mode', 'mode of device reading and writing'), aliases: [{ name: 'shareable', value: 'shareable' }] },
    stringOption('sourcetype', 'type of source (block|file|network)'),
    stringOption('serial', 'serial of disk device'),
    stringOption('wwn', 'wwn of disk device'),
    stringOption('alias', 'custom alias name of disk device'),
    { name: 'rawio', type: 'bool', help: 'needs rawio capability' },
    stringOption('address', 'address of disk device'),
    { name: 'multifunction', type: 'bool', help: 'use multifunction pci under specified address' },
    { name: 'print-xml', type: 'bool', help: 'print XML document rather than attach the disk' },
    stringOption('source-protocol', 'protocol used by disk device source'),
    stringOption('source-host-name', 'host name for source of disk device'),
    stringOption('source-host-transport', 'host transport for source of disk device'),
    stringOption('source-host-socket', 'host socket for source of disk device'),
    ...DEVICE_SCOPE_OPTIONS,
  ],
  async run(ctx) {
    const scope = readDeviceScope(ctx);
    ctx.options.requires('source-host-name', 'source-protocol');
    ctx.options.requires('source-host-transport', 'source-protocol');
    ctx.options.requires('source-host-socket', 'source-protocol');
    ctx.options.requires('source-host-socket', 'source-host-transport');
    ctx.options.exclusive('source-host-name', 'source-host-socket');
    const xml = diskXml(ctx);
    await attachBuiltDevice(ctx, scope, xml, 'disk');
  },
};
