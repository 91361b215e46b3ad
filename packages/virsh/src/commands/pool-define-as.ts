import { failedBecause } from '../errors.js';
import type { CommandOptions } from '../parse/command-options.js';
import type { CommandDef, OptionDef } from './command.js';

/** The string options of pool-define-as after <name>, <type> and --print-xml, in virsh 9's order. */
const POOL_STRING_OPTIONS: ReadonlyArray<readonly [string, string]> = [
  ['source-host', 'source-host for underlying storage'],
  ['source-path', 'source path for underlying storage'],
  ['source-dev', 'source device for underlying storage'],
  ['source-name', 'source name for underlying storage'],
  ['target', 'target for underlying storage'],
  ['source-format', 'format for underlying storage'],
  ['auth-type', 'auth type to be used for underlying storage'],
  ['auth-username', 'auth username to be used for underlying storage'],
  ['secret-usage', 'auth secret usage to be used for underlying storage'],
  ['secret-uuid', 'auth secret UUID to be used for underlying storage'],
  ['adapter-name', 'adapter name to be used for underlying storage'],
  ['adapter-wwnn', 'adapter wwnn to be used for underlying storage'],
  ['adapter-wwpn', 'adapter wwpn to be used for underlying storage'],
  ['adapter-parent', 'adapter parent scsi_hostN to be used for underlying vHBA storage'],
  ['adapter-parent-wwnn', 'adapter parent scsi_hostN wwnn to be used for underlying vHBA storage'],
  ['adapter-parent-wwpn', 'adapter parent scsi_hostN wwpn to be used for underlying vHBA storage'],
  ['adapter-parent-fabric-wwn', 'adapter parent scsi_hostN fabric_wwn to be used for underlying vHBA storage'],
  ['source-protocol-ver', 'nfsvers value for NFS pool mount option'],
  ['source-initiator', 'initiator iqn for underlying storage'],
];

/** virsh 9's VIRSH_COMMON_OPT_POOL_X_AS: the options of pool-define-as (and pool-create-as). */
const POOL_X_AS_OPTIONS: OptionDef[] = [
  { name: 'name', type: 'data', required: true, help: 'name of the pool' },
  { name: 'type', type: 'data', required: true, help: 'type of the pool' },
  { name: 'print-xml', type: 'bool', help: "print XML document, but don't define/create" },
  ...POOL_STRING_OPTIONS.map(([name, help]): OptionDef => ({ name, type: 'string', help })),
];

/** Indents each line of `lines` by two spaces (virBufferAdjustIndent). */
const indented = (lines: string[]): string[] => lines.map((line) => `  ${line}`);

/** The `<adapter>` element: fc_host when both wwnn and wwpn are given, else scsi_host by name. */
function adapterLines(get: (name: string) => string | undefined): string[] {
  const [wwnn, wwpn, name] = [get('adapter-wwnn'), get('adapter-wwpn'), get('adapter-name')];
  if (wwnn !== undefined && wwpn !== undefined) {
    const [parent, parentWwnn, parentWwpn, fabric] = [
      get('adapter-parent'),
      get('adapter-parent-wwnn'),
      get('adapter-parent-wwpn'),
      get('adapter-parent-fabric-wwn'),
    ];
    let parentAttrs = '';
    if (parent !== undefined) parentAttrs = ` parent='${parent}'`;
    else if (parentWwnn !== undefined && parentWwpn !== undefined) parentAttrs = ` parent_wwnn='${parentWwnn}' parent_wwpn='${parentWwpn}'`;
    else if (fabric !== undefined) parentAttrs = ` parent_fabric_wwn='${fabric}'`;
    return [`<adapter type='fc_host'${parentAttrs} wwnn='${wwnn}' wwpn='${wwpn}'/>`];
  }
  return name === undefined ? [] : [`<adapter type='scsi_host' name='${name}'/>`];
}

/** The `<source>` element's children, in virsh 9's order; `<auth>` only with a type, a user and a secret. */
function sourceLines(get: (name: string) => string | undefined): string[] {
  const lines: string[] = [];
  const add = (option: string, line: (value: string) => string) => {
    const value = get(option);
    if (value !== undefined) lines.push(line(value));
  };
  add('source-host', (v) => `<host name='${v}'/>`);
  add('source-path', (v) => `<dir path='${v}'/>`);
  add('source-dev', (v) => `<device path='${v}'/>`);
  const initiator = get('source-initiator');
  if (initiator !== undefined) lines.push('<initiator>', `  <iqn name='${initiator}'/>`, '</initiator>');
  lines.push(...adapterLines(get));
  const [authType, username, usage, uuid] = [get('auth-type'), get('auth-username'), get('secret-usage'), get('secret-uuid')];
  if (authType !== undefined && username !== undefined && (usage !== undefined || uuid !== undefined)) {
    const secret = usage !== undefined ? `usage='${usage}'` : `uuid='${uuid}'`;
    lines.push(`<auth type='${authType}' username='${username}'>`, `  <secret ${secret}/>`, '</auth>');
  }
  add('source-format', (v) => `<format type='${v}'/>`);
  add('source-name', (v) => `<name>${v}</name>`);
  add('source-protocol-ver', (v) => `<protocol ver='${v}'/>`);
  return lines;
}

/**
 * virsh 9's virshBuildPoolXML: the `<pool>` document from the options, values written as given
 * (virsh does not escape them). Options are read (and an empty one refused) in virsh's order.
 */
export function buildPoolXml(options: CommandOptions): { name: string; xml: string } {
  options.exclusive('secret-usage', 'secret-uuid');
  const name = options.requiredString('name');
  const type = options.requiredString('type');
  const values = new Map(POOL_STRING_OPTIONS.map(([option]) => [option, options.string(option)]));
  const get = (option: string) => values.get(option);
  const hasSource =
    ['source-host', 'source-path', 'source-dev', 'source-initiator', 'source-format', 'source-name', 'adapter-name'].some(
      (o) => get(o) !== undefined,
    ) ||
    (get('adapter-wwnn') !== undefined && get('adapter-wwpn') !== undefined);
  const lines = [`<name>${name}</name>`];
  if (hasSource) lines.push('<source>', ...indented(sourceLines(get)), '</source>');
  const target = get('target');
  if (target !== undefined) lines.push('<target>', `  <path>${target}</path>`, '</target>');
  return { name, xml: `<pool type='${type}'>\n${indented(lines).join('\n')}\n</pool>\n` };
}

export const poolDefineAsCommand: CommandDef = {
  name: 'pool-define-as',
  group: 'pool',
  summary: 'define a pool from a set of args',
  description: 'Define a pool.',
  options: POOL_X_AS_OPTIONS,
  async run({ options, session }) {
    const { name, xml } = buildPoolXml(options);
    if (options.bool('print-xml')) {
      session.out.print(xml);
      return;
    }
    const connection = await session.connection();
    try {
      await connection.storagePoolDefineXML(xml);
    } catch (err) {
      throw failedBecause(`Failed to define pool ${name}`, err);
    }
    session.out.printExtra(`Pool ${name} defined\n`);
  },
};
