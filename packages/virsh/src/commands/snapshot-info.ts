import { DomainSnapshotCreateFlags, DomainSnapshotListFlags, DomainSnapshotXMLFlags } from '@libvirt-ts/virt/constants';
import { failed } from '../errors.js';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';
import { currentOption, lookupSnapshot, snapshotNameOption } from './snapshot-lookup.js';
import { snapshotFields } from './snapshot-xml-fields.js';
import { rejectUnsupported } from './unsupported.js';

const SECURITY_INFO = { name: 'security-info', type: 'bool', help: 'include security sensitive information in XML dump' } as const;

export const snapshotInfoCommand: CommandDef = {
  name: 'snapshot-info',
  group: 'snapshot',
  summary: 'snapshot information',
  description: 'Returns basic information about a snapshot.',
  options: [domainOption(), snapshotNameOption(), currentOption('info on current snapshot')],
  async run(ctx) {
    const { domain } = await lookupDomain(ctx);
    const snapshot = await lookupSnapshot(ctx, domain, 'snapshotname', true);
    const out = ctx.session.out;
    const line = (label: string, value: string | number) => out.print(`${label.padEnd(15)} ${value}\n`);
    line('Name:', snapshot.name());
    line('Domain:', domain.name());
    line('Current:', (await snapshot.isCurrent()) ? 'yes' : 'no');
    const fields = snapshotFields(await snapshot.XMLDesc());
    if (fields.state === undefined) throw failed('unexpected problem reading snapshot xml');
    line('State:', fields.state);
    line('Location:', fields.external ? 'external' : 'internal');
    line('Parent:', fields.parent ?? '-');
    line('Children:', await snapshot.numChildren());
    line('Descendants:', await snapshot.numChildren(DomainSnapshotListFlags.DESCENDANTS));
    line('Metadata:', (await snapshot.hasMetadata()) ? 'yes' : 'no');
  },
};

export const snapshotDumpxmlCommand: CommandDef = {
  name: 'snapshot-dumpxml',
  group: 'snapshot',
  summary: 'Dump XML for a domain snapshot',
  description: 'Snapshot Dump XML',
  options: [
    domainOption(),
    { name: 'snapshotname', type: 'data', required: true, help: 'snapshot name' },
    SECURITY_INFO,
    { name: 'xpath', type: 'string', namedOnly: true, help: 'xpath expression to filter the XML document' },
    { name: 'wrap', type: 'bool', help: 'wrap xpath results in an common root element' },
  ],
  async run(ctx) {
    const name = ctx.options.requiredString('snapshotname');
    const { domain } = await lookupDomain(ctx);
    const snapshot = await domain.snapshotLookupByName(name);
    rejectUnsupported(ctx, ['xpath', 'wrap'], 'virDomainSnapshotGetXMLDesc');
    ctx.session.out.print(await snapshot.XMLDesc(ctx.options.bool('security-info') ? DomainSnapshotXMLFlags.SECURE : 0));
  },
};

export const snapshotCurrentCommand: CommandDef = {
  name: 'snapshot-current',
  group: 'snapshot',
  summary: 'Get or set the current snapshot',
  description: 'Get or set the current snapshot',
  options: [
    domainOption(),
    { name: 'name', type: 'bool', help: 'list the name, rather than the full xml' },
    SECURITY_INFO,
    { name: 'snapshotname', type: 'string', help: 'name of existing snapshot to make current' },
  ],
  async run(ctx) {
    ctx.options.exclusive('name', 'snapshotname');
    const { domain, typed } = await lookupDomain(ctx);
    const out = ctx.session.out;
    const wanted = ctx.options.string('snapshotname');
    if (wanted !== undefined) {
      // virsh makes a snapshot current by redefining it as current.
      const xml = await (await domain.snapshotLookupByName(wanted)).XMLDesc(DomainSnapshotXMLFlags.SECURE);
      const { REDEFINE, CURRENT, DISK_ONLY } = DomainSnapshotCreateFlags;
      const diskOnly = xml.includes('<state>disk-snapshot</state>') ? DISK_ONLY : 0;
      await domain.snapshotCreateXML(xml, REDEFINE | CURRENT | diskOnly);
      out.printExtra(`Snapshot ${wanted} set as current`);
      return;
    }
    if (!(await domain.hasCurrentSnapshot())) throw failed(`domain '${typed}' has no current snapshot`);
    const current = await domain.snapshotCurrent();
    if (ctx.options.bool('name')) out.print(current.name());
    else out.print(await current.XMLDesc(ctx.options.bool('security-info') ? DomainSnapshotXMLFlags.SECURE : 0));
  },
};

export const snapshotParentCommand: CommandDef = {
  name: 'snapshot-parent',
  group: 'snapshot',
  summary: 'Get the name of the parent of a snapshot',
  description: "Extract the snapshot's parent, if any",
  options: [domainOption(), snapshotNameOption('find parent of snapshot name'), currentOption('find parent of current snapshot')],
  async run(ctx) {
    const { domain } = await lookupDomain(ctx);
    const snapshot = await lookupSnapshot(ctx, domain, 'snapshotname', true);
    const parent = await snapshot.parent().then(
      (p) => p.name(),
      (err: unknown) => {
        if ((err as { code?: string }).code === 'NO_DOMAIN_SNAPSHOT') return undefined;
        throw err;
      },
    );
    if (parent === undefined) throw failed(`snapshot '${snapshot.name()}' has no parent`);
    ctx.session.out.print(parent);
  },
};
