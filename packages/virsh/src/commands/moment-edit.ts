import { errorMessage, VirshError } from '../errors.js';
import type { CommandContext } from './command.js';
import { editAndDefine } from './edit-loop.js';

/** What snapshot-edit and checkpoint-edit need of a snapshot or a checkpoint. */
export interface Moment {
  name(): string;
  XMLDesc(flags: number): Promise<string>;
  delete(flags: number): Promise<void>;
}

/** The failure of cmdSnapshotEdit/cmdCheckpointEdit: libvirt's error (if any), its own lines, then "Failed to update NAME". */
export const updateFailed = (name: string, lines: string[], cause?: unknown) =>
  new VirshError({ code: 'COMMAND_FAILED', lines: [...(cause === undefined ? [] : [errorMessage(cause)]), ...lines, `Failed to update ${name}`], cause });

/** Drops a moment's metadata only (what virsh's edits undo), failing as "Failed to clean up NAME". */
export async function cleanUp(original: string, moment: Moment, metadataOnly: number): Promise<void> {
  await moment.delete(metadataOnly).catch((err) => {
    throw updateFailed(original, [`Failed to clean up ${moment.name()}`], err);
  });
}

export interface MomentEdit<M extends Moment> {
  /** "Snapshot" or "Checkpoint", as the messages start. */
  kind: string;
  moment: M;
  xmlFlags: number;
  /** Redefines even an unchanged document (snapshot-edit making a named snapshot current). */
  redefineUnchanged?: boolean;
  redefine(xml: string): Promise<M>;
  /** A redefinition under another name made a new moment: the line to print, or a thrown failure. */
  renamed(edited: M): Promise<string>;
}

/**
 * virsh-edit.c's loop for snapshot-edit and checkpoint-edit off a terminal: edit the moment's XML,
 * report an unchanged document, redefine it, and say what became of the name.
 */
export async function editMoment<M extends Moment>(ctx: CommandContext, edit: MomentEdit<M>): Promise<void> {
  const out = ctx.session.out;
  const name = edit.moment.name();
  const xml = await edit.moment.XMLDesc(edit.xmlFlags);
  const outcome = await editAndDefine(out, { xml, redefineUnchanged: edit.redefineUnchanged, define: (edited) => edit.redefine(edited) });
  if (outcome.kind === 'unchanged') {
    out.printExtra(`${edit.kind} ${name} XML configuration not changed.\n`);
    return;
  }
  if (outcome.kind === 'abandoned') throw updateFailed(name, []);
  // virsh 9 crashes on a failed redefine off a terminal: we report it.
  if (outcome.kind === 'failed') throw updateFailed(name, ['Failed.'], outcome.cause);
  const redefined = outcome.defined;
  out.printExtra(redefined.name() === name ? `${edit.kind} ${name} edited.\n` : await edit.renamed(redefined));
}
