import { failed } from '../errors.js';
import type { CommandOptions } from '../parse/command-options.js';
import { parseUnsignedLongLong } from '../parse/numbers.js';
import type { CommandDef, OptionDef } from './command.js';
import { domainOption } from './common-options.js';
import { formatDeviceAddress, parseDeviceAddress } from './device-address.js';
import { attachBuiltDevice, DEVICE_SCOPE_OPTIONS, readDeviceScope } from './device-scope.js';

/** libvirt 9's virDomainNetType names: any other type is refused before the rates are read. */
const NET_TYPES = new Set([
  'user', 'ethernet', 'vhostuser', 'server', 'client', 'mcast', 'network', 'bridge', 'internal', 'direct',
  'hostdev', 'udp', 'vdpa', 'null', 'vds',
]);

const SOURCE_MODES = new Set(['server', 'client']);

const RATE_FIELDS = ['average', 'peak', 'burst', 'floor'] as const;
type Rate = Record<(typeof RATE_FIELDS)[number], bigint>;

/** virshParseRateStr: 'average,peak,burst,floor', any field empty or left out (then 0). */
function parseRate(text: string): Rate {
  const fields = text.split(',');
  if (fields.length > RATE_FIELDS.length) throw failed(`Rate string '${text}' has too many fields`);
  const rate: Rate = { average: 0n, peak: 0n, burst: 0n, floor: 0n };
  RATE_FIELDS.forEach((name, i) => {
    const field = fields[i];
    if (field === undefined || field === '') return;
    const value = parseUnsignedLongLong(field);
    if (value === undefined) throw failed(`field '${name}' is malformed`);
    rate[name] = value;
  });
  return rate;
}

/** ` average='1' peak='2'`...: the fields given (non-zero), in virsh 9's order. */
const rateAttributes = (rate: Rate, fields: readonly (keyof Rate)[]) =>
  fields
    .filter((name) => rate[name] > 0n)
    .map((name) => ` ${name}='${rate[name]}'`)
    .join('');

/** The `<bandwidth>` lines, when --inbound or --outbound was given. */
function bandwidthLines(inbound: Rate | undefined, outbound: Rate | undefined): string[] {
  if (!inbound && !outbound) return [];
  const lines = ['<bandwidth>'];
  if (inbound) lines.push(`  <inbound${rateAttributes(inbound, RATE_FIELDS)}/>`);
  if (outbound) lines.push(`  <outbound${rateAttributes(outbound, ['average', 'peak', 'burst'])}/>`);
  return [...lines, '</bandwidth>'];
}

/** The `<source>` lines for the interface types attach-interface can describe. */
function sourceLines(type: string, source: string, sourceMode: string | undefined): string[] {
  switch (type) {
    case 'network':
    case 'bridge':
      return [`<source ${type}='${source}'/>`];
    case 'direct':
      return [`<source dev='${source}'/>`];
    case 'hostdev': {
      const address = parseDeviceAddress(`pci:${source}`, false);
      if (!address) throw failed(`cannot parse pci address '${source}' for network interface`);
      return ['<source>', `  ${formatDeviceAddress(address)}`, '</source>'];
    }
    case 'vhostuser':
      if (sourceMode === undefined) throw failed('source-mode is mandatory');
      return [`<source type='unix' path='${source}' mode='${sourceMode}'/>`];
    default:
      throw failed(`No support for ${type} in command 'attach-interface'`);
  }
}

/**
 * virsh 9's cmdAttachInterface XML: built from the options in virsh itself, values written as
 * given (virsh does not escape them); each check fails with virsh 9's message, in its order.
 */
export function buildInterfaceXml(options: CommandOptions): string {
  const [type, source, target, mac, script, model, alias, inboundText, outboundText, sourceModeText] = [
    'type', 'source', 'target', 'mac', 'script', 'model', 'alias', 'inbound', 'outbound', 'source-mode',
  ].map((name) => options.string(name));
  if (type === undefined || source === undefined) throw new Error('attach-interface parsed without <type> or <source>');
  if (!NET_TYPES.has(type)) throw failed(`No support for ${type} in command 'attach-interface'`);
  if (sourceModeText !== undefined && !SOURCE_MODES.has(sourceModeText)) throw failed(`Invalid source mode: ${sourceModeText}`);
  const inbound = inboundText === undefined ? undefined : parseRate(inboundText);
  if (inbound && inbound.average === 0n && inbound.floor === 0n) throw failed('either inbound average or floor is mandatory');
  const outbound = outboundText === undefined ? undefined : parseRate(outboundText);
  if (outbound?.average === 0n) throw failed('outbound average is mandatory');
  if (outbound && outbound.floor > 0n) throw failed('outbound floor is unsupported yet');
  const optional = (value: string | undefined, line: (v: string) => string) => (value === undefined ? [] : [line(value)]);
  const lines = [
    ...sourceLines(type, source, sourceModeText),
    ...optional(target, (v) => `<target dev='${v}'/>`),
    ...optional(mac, (v) => `<mac address='${v}'/>`),
    ...optional(script, (v) => `<script path='${v}'/>`),
    ...optional(model, (v) => `<model type='${v}'/>`),
    ...optional(alias, (v) => `<alias name='${v}'/>`),
    ...bandwidthLines(inbound, outbound),
  ];
  const managed = options.bool('managed') ? " managed='yes'" : '';
  return `<interface type='${type}'${managed}>\n${lines.map((line) => `  ${line}\n`).join('')}</interface>\n`;
}

const stringOption = (name: string, help: string): OptionDef => ({ name, type: 'string', help });

export const attachInterfaceCommand: CommandDef = {
  name: 'attach-interface',
  group: 'domain',
  summary: 'attach network interface',
  description: 'Attach new network interface.',
  options: [
    domainOption(),
    { name: 'type', type: 'data', required: true, help: 'network interface type' },
    { name: 'source', type: 'data', required: true, help: 'source of network interface' },
    stringOption('target', 'target network name'),
    stringOption('mac', 'MAC address'),
    stringOption('script', 'script used to bridge network interface'),
    stringOption('model', 'model type'),
    stringOption('alias', 'custom alias name of interface device'),
    stringOption('inbound', "control domain's incoming traffics"),
    stringOption('outbound', "control domain's outgoing traffics"),
    ...DEVICE_SCOPE_OPTIONS,
    { name: 'print-xml', type: 'bool', help: 'print XML document rather than attach the interface' },
    { name: 'managed', type: 'bool', help: 'libvirt will automatically detach/attach the device from/to host' },
    stringOption('source-mode', 'mode attribute of <source/> element'),
  ],
  async run(ctx) {
    const scope = readDeviceScope(ctx);
    const xml = buildInterfaceXml(ctx.options);
    await attachBuiltDevice(ctx, scope, xml, 'interface');
  },
};
