import { DomainCheckpointCreateFlags, DomainCheckpointDeleteFlags, DomainCheckpointXMLFlags } from '@libvirt-ts/virt/constants';
import { errorMessage, VirshError } from '../errors.js';
import { checkpointNameOption, lookupCheckpoint } from './checkpoint-lookup.js';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';
import { editText } from './edit-text.js';

/** cmdCheckpointEdit's failure: libvirt's error (if any), its own lines, then "Failed to update NAME". */
const updateFailed = (name: string, lines: string[], cause?: unknown) =>
  new VirshError({ code: 'COMMAND_FAILED', lines: [...(cause === undefined ? [] : [errorMessage(cause)]), ...lines, `Failed to update ${name}`], cause });

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
    const out = ctx.session.out;
    const xml = await checkpoint.XMLDesc(DomainCheckpointXMLFlags.SECURE);
    const edited = await editText(xml);
    if (edited === xml) {
      out.printExtra(`Checkpoint ${name} XML configuration not changed.\n`);
      return;
    }
    // virsh 9 asks again only on a terminal; elsewhere it crashes on a failed redefine (we report it).
    const redefined = await domain.checkpointCreateXML(edited, DomainCheckpointCreateFlags.REDEFINE).catch((err) => {
      throw updateFailed(name, ['Failed.'], err);
    });
    const editedName = redefined.name();
    if (editedName === name) {
      out.printExtra(`Checkpoint ${name} edited.\n`);
      return;
    }
    // a new name made a new checkpoint: drop it again, as virsh does
    await redefined.delete(DomainCheckpointDeleteFlags.METADATA_ONLY).catch((err) => {
      throw updateFailed(name, [`Failed to clean up ${editedName}`], err);
    });
    throw updateFailed(name, [`Cannot rename checkpoint ${name} to ${editedName}`]);
  },
};
