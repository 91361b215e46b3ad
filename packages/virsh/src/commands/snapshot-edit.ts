import { DomainSnapshotCreateFlags, DomainSnapshotDeleteFlags, DomainSnapshotXMLFlags } from '@libvirt-ts/virt/constants';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';
import { cleanUp, editMoment, updateFailed } from './moment-edit.js';
import { currentOption, lookupSnapshot, snapshotNameOption } from './snapshot-lookup.js';

export const snapshotEditCommand: CommandDef = {
  name: 'snapshot-edit',
  group: 'snapshot',
  summary: 'edit XML for a snapshot',
  description: 'Edit the domain snapshot XML for a named snapshot',
  options: [
    domainOption(),
    snapshotNameOption(),
    currentOption('also set edited snapshot as current'),
    { name: 'rename', type: 'bool', help: 'allow renaming an existing snapshot' },
    { name: 'clone', type: 'bool', help: 'allow cloning to new name' },
  ],
  async run(ctx) {
    const { options } = ctx;
    options.exclusive('rename', 'clone');
    // --current with a name makes that snapshot current: redefined even when unchanged
    const makeCurrent = options.bool('current') && options.has('snapshotname');
    const { domain } = await lookupDomain(ctx);
    const snapshot = await lookupSnapshot(ctx, domain, 'snapshotname', false);
    const name = snapshot.name();
    const { REDEFINE, CURRENT } = DomainSnapshotCreateFlags;
    await editMoment(ctx, {
      kind: 'Snapshot',
      moment: snapshot,
      xmlFlags: DomainSnapshotXMLFlags.SECURE,
      redefineUnchanged: makeCurrent,
      redefine: (xml) => domain.snapshotCreateXML(xml, REDEFINE | (makeCurrent ? CURRENT : 0)),
      async renamed(edited) {
        const editedName = edited.name();
        if (options.bool('clone')) return `Snapshot ${name} cloned to ${editedName}.\n`;
        // a rename drops the old snapshot; otherwise the new one goes again
        const rename = options.bool('rename');
        await cleanUp(name, rename ? snapshot : edited, DomainSnapshotDeleteFlags.METADATA_ONLY);
        if (!rename) throw updateFailed(name, [`Must use --rename or --clone to change ${name} to ${editedName}`]);
        return '';
      },
    });
  },
};
