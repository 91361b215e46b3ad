import type { Output } from '../output/output.js';
import { withEditedFile } from './edit-text.js';
import { askReedit } from './reedit-prompt.js';

export interface EditAndDefine<T> {
  xml: string;
  /** Redefines even an unchanged document (snapshot-edit making a named snapshot current). */
  redefineUnchanged?: boolean;
  /** The define can be retried without validation (virsh's EDIT_RELAX): the prompt offers 'i'. */
  relaxable?: boolean;
  define(edited: string, relaxed: boolean): Promise<T>;
}

export type EditOutcome<T> =
  | { kind: 'unchanged' }
  | { kind: 'defined'; defined: T }
  /** Off a terminal nobody is asked: the define's failure, for the command to report. */
  | { kind: 'failed'; cause: unknown }
  /** 'n' at the prompt: the changes are thrown away. */
  | { kind: 'abandoned' };

/**
 * virsh-edit.c: the XML goes to the editor in a temporary file; an unchanged document ends there,
 * an edited one is defined. A failed define asks on a terminal whether to edit again, force the
 * define again (or without validation), or give up.
 */
export function editAndDefine<T>(out: Output, spec: EditAndDefine<T>): Promise<EditOutcome<T>> {
  return withEditedFile(spec.xml, async (edit): Promise<EditOutcome<T>> => {
    let relaxed = false;
    for (;;) {
      let relaxAvailable = spec.relaxable ?? false;
      const edited = edit();
      if (edited === spec.xml && !spec.redefineUnchanged) return { kind: 'unchanged' };
      for (;;) {
        try {
          return { kind: 'defined', defined: await spec.define(edited, relaxed) };
        } catch (cause) {
          const answer = askReedit(out, cause, 'Failed.', relaxAvailable);
          if (answer === undefined) return { kind: 'failed', cause };
          if (answer === 'n') return { kind: 'abandoned' };
          if (answer === 'y') break;
          if (answer === 'i') [relaxed, relaxAvailable] = [true, false];
        }
      }
    }
  });
}
