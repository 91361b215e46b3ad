import { DomainCheckpointCreateFlags, DomainCheckpointDeleteFlags, DomainCheckpointXMLFlags } from '@libvirt-ts/virt/constants';
import { checkpointNameOption, lookupCheckpoint } from './checkpoint-lookup.js';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';
import { cleanUp, editMoment, updateFailed } from './moment-edit.js';

export const checkpointEditCommand: CommandDef = {
  name: 'checkpoint-edit',
  group: 'checkpoint',
  summary: 'edit XML for a checkpoint',
  description: 'Edit the domain checkpoint XML for a named checkpoint',
  options: [domainOption(), checkpointNameOption()],
  async run(ctx) {
    const { domain } = await lookupDomain(ctx);
    const checkpoint = await lookupCheckpoint(ctx, domain, 'checkpointname');
    const name = checkpoint.name();
    await editMoment(ctx, {
      kind: 'Checkpoint',
      moment: checkpoint,
      xmlFlags: DomainCheckpointXMLFlags.SECURE,
      redefine: (xml) => domain.checkpointCreateXML(xml, DomainCheckpointCreateFlags.REDEFINE),
      // a new name made a new checkpoint: drop it again, as virsh does
      async renamed(edited) {
        await cleanUp(name, edited, DomainCheckpointDeleteFlags.METADATA_ONLY);
        throw updateFailed(name, [`Cannot rename checkpoint ${name} to ${edited.name()}`]);
      },
    });
  },
};
