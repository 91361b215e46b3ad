import type { Domain } from '@libvirt-ts/virt';
import { DomainSnapshotCreateFlags } from '@libvirt-ts/virt/constants';
import { failed } from '../errors.js';
import { escapeXml } from '../output/vir-buffer.js';
import { readXmlFile } from '../read-file.js';
import { commaFields } from './comma-fields.js';
import type { CommandContext, CommandDef, OptionDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';

/** The creation flags both commands take, by option, in virsh 9's order. */
const CREATE_FLAG_OPTIONS: ReadonlyArray<[OptionDef, number]> = [
  [{ name: 'no-metadata', type: 'bool', help: 'take snapshot but create no metadata' }, DomainSnapshotCreateFlags.NO_METADATA],
  [{ name: 'halt', type: 'bool', help: 'halt domain after snapshot is created' }, DomainSnapshotCreateFlags.HALT],
  [{ name: 'disk-only', type: 'bool', help: 'capture disk state but not vm state' }, DomainSnapshotCreateFlags.DISK_ONLY],
  [{ name: 'reuse-external', type: 'bool', help: 'reuse any existing external files' }, DomainSnapshotCreateFlags.REUSE_EXT],
  [{ name: 'quiesce', type: 'bool', help: "quiesce guest's file systems" }, DomainSnapshotCreateFlags.QUIESCE],
  [{ name: 'atomic', type: 'bool', help: 'require atomic operation' }, DomainSnapshotCreateFlags.ATOMIC],
  [{ name: 'live', type: 'bool', help: 'take a live snapshot' }, DomainSnapshotCreateFlags.LIVE],
  [{ name: 'validate', type: 'bool', help: 'validate the XML against the schema' }, DomainSnapshotCreateFlags.VALIDATE],
];

function createFlags(ctx: CommandContext): number {
  let flags = 0;
  for (const [option, bit] of CREATE_FLAG_OPTIONS) if (ctx.options.bool(option.name)) flags |= bit;
  if (ctx.options.bool('redefine')) flags |= DomainSnapshotCreateFlags.REDEFINE;
  if (ctx.options.bool('current')) flags |= DomainSnapshotCreateFlags.CURRENT;
  return flags;
}

/** virshSnapshotCreate: creates and says so (`from`: the file the XML came from). */
async function createAndReport(ctx: CommandContext, domain: Domain, xml: string, flags: number, from?: string): Promise<void> {
  const snapshot = await domain.snapshotCreateXML(xml, flags);
  const name = snapshot.name();
  ctx.session.out.printExtra(from === undefined ? `Domain snapshot ${name} created` : `Domain snapshot ${name} created from '${from}'`);
}

export const snapshotCreateCommand: CommandDef = {
  name: 'snapshot-create',
  group: 'snapshot',
  summary: 'Create a snapshot from XML',
  description: 'Create a snapshot (disk and RAM) from XML',
  options: [
    domainOption(),
    { name: 'xmlfile', type: 'string', help: 'domain snapshot XML' },
    { name: 'redefine', type: 'bool', help: 'redefine metadata for existing snapshot' },
    { name: 'current', type: 'bool', help: 'with redefine, set current snapshot' },
    ...CREATE_FLAG_OPTIONS.map(([option]) => option),
  ],
  async run(ctx) {
    const flags = createFlags(ctx);
    const { domain } = await lookupDomain(ctx);
    const from = ctx.options.string('xmlfile');
    const xml = from === undefined ? '<domainsnapshot/>' : readXmlFile(from);
    await createAndReport(ctx, domain, xml, flags, from);
  },
};

export const snapshotCreateAsCommand: CommandDef = {
  name: 'snapshot-create-as',
  group: 'snapshot',
  summary: 'Create a snapshot from a set of args',
  description: 'Create a snapshot (disk and RAM) from arguments',
  options: [
    domainOption(),
    { name: 'name', type: 'string', help: 'name of snapshot' },
    { name: 'description', type: 'string', help: 'description of snapshot' },
    { name: 'print-xml', type: 'bool', help: 'print XML document rather than create' },
    ...CREATE_FLAG_OPTIONS.map(([option]) => option),
    { name: 'memspec', type: 'string', namedOnly: true, help: 'memory attributes: [file=]name[,snapshot=type]' },
    { name: 'diskspec', type: 'argv', help: 'disk attributes: disk[,snapshot=type][,driver=type][,stype=type][,file=name]' },
  ],
  async run(ctx) {
    if (ctx.options.bool('no-metadata') && ctx.options.bool('print-xml')) throw failed('--print-xml is incompatible with --no-metadata');
    const flags = createFlags(ctx);
    const { domain } = await lookupDomain(ctx);
    const name = ctx.options.string('name');
    const description = ctx.options.string('description');
    const lines = ['<domainsnapshot>'];
    if (name !== undefined) lines.push(`  <name>${escapeXml(name)}</name>`);
    if (description !== undefined) lines.push(`  <description>${escapeXml(description)}</description>`);
    const memspec = ctx.options.string('memspec');
    if (memspec !== undefined) lines.push(`  ${memoryElement(memspec)}`);
    const diskspecs = ctx.options.words('diskspec');
    if (diskspecs.length > 0) {
      lines.push('  <disks>');
      for (const spec of diskspecs) lines.push(...diskElement(spec).map((line) => `    ${line}`));
      lines.push('  </disks>');
    }
    lines.push('</domainsnapshot>');
    const xml = `${lines.join('\n')}\n`;
    if (ctx.options.bool('print-xml')) {
      ctx.session.out.print(`${xml}\n`);
      return;
    }
    await createAndReport(ctx, domain, xml, flags);
  },
};

/** virshParseSnapshotMemspec: `[file=]name[,snapshot=type]`. */
function memoryElement(spec: string): string {
  let snapshot: string | undefined;
  let file: string | undefined;
  for (const field of commaFields(spec)) {
    if (snapshot === undefined && field.startsWith('snapshot=')) snapshot = field.slice('snapshot='.length);
    else if (file === undefined && field.startsWith('file=')) file = field.slice('file='.length);
    else if (file === undefined && field.startsWith('/')) file = field;
    else throw failed(`unable to parse memspec: ${spec}`);
  }
  const attributes = [snapshot === undefined ? '' : ` snapshot='${escapeXml(snapshot)}'`, file === undefined ? '' : ` file='${escapeXml(file)}'`];
  return `<memory${attributes.join('')}/>`;
}

/** virshParseSnapshotDiskspec: `disk[,snapshot=type][,driver=type][,stype=type][,file=name]`, as lines. */
function diskElement(spec: string): string[] {
  const [name = '', ...rest] = commaFields(spec);
  const values: Record<string, string | undefined> = {};
  for (const field of rest) {
    const key = ['snapshot', 'driver', 'stype', 'file'].find((k) => values[k] === undefined && field.startsWith(`${k}=`));
    if (key === undefined) throw failed(`unable to parse diskspec: ${spec}`);
    values[key] = field.slice(key.length + 1);
  }
  const { snapshot, driver, stype, file } = values;
  const head = `<disk name='${escapeXml(name)}'${snapshot === undefined ? '' : ` snapshot='${escapeXml(snapshot)}'`}${stype === undefined ? '' : ` type='${escapeXml(stype)}'`}`;
  if (driver === undefined && file === undefined) return [`${head}/>`];
  const sourceAttribute = stype === 'block' ? 'dev' : 'file';
  return [
    `${head}>`,
    ...(driver === undefined ? [] : [`  <driver type='${escapeXml(driver)}'/>`]),
    ...(file === undefined ? [] : [`  <source ${sourceAttribute}='${escapeXml(file)}'/>`]),
    '</disk>',
  ];
}
