import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { failed } from '../errors.js';

/** The characters an editor command may hold to run without a shell (virsh's ACCEPTED_CHARS). */
const PLAIN_COMMAND = /^[A-Za-z0-9\-_.:@/]*$/;
/** Debian's virsh 9 falls back to sensible-editor when neither VISUAL nor EDITOR is set. */
const DEFAULT_EDITOR = 'sensible-editor';

/**
 * vshEditWriteToTempFile + vshEditFile + vshEditReadBackFile: writes `text` to a temporary
 * `virshXXXXXX.xml` under $TMPDIR (or /tmp), runs $VISUAL or $EDITOR on it with the terminal, and
 * returns what the file holds afterwards. The file is removed in every case.
 */
export const editText = (text: string): Promise<string> => withEditedFile(text, async (edit) => edit());

/**
 * Writes `text` to the temporary file and hands `use` a function that runs the editor on it (again
 * on each call: virsh's re-edit keeps the file) and returns what it holds. The file is removed after.
 */
export async function withEditedFile<R>(text: string, use: (edit: () => string) => Promise<R>): Promise<R> {
  const file = createTempFile(text);
  try {
    return await use(() => {
      runEditor(file);
      return readFileSync(file, 'utf8');
    });
  } finally {
    rmSync(file, { force: true });
  }
}

/** mkostemps' `virshXXXXXX.xml`: six random characters, created exclusively (mode 0600). */
function createTempFile(text: string): string {
  const dir = process.env['TMPDIR'] || '/tmp';
  for (;;) {
    // node:crypto is loaded here, when a command edits, not at every start-up (~9 ms of CPU).
    const { randomBytes } = process.getBuiltinModule('node:crypto');
    const name = `virsh${randomBytes(6).toString('base64url').slice(0, 6)}.xml`;
    const file = join(dir, name);
    try {
      writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
      return file;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw failed(`Failed to create temporary file: ${(err as Error).message}`);
    }
  }
}

function runEditor(file: string): void {
  const editor = process.env['VISUAL'] || process.env['EDITOR'] || DEFAULT_EDITOR;
  // an editor with options or shell syntax runs through sh, as virsh runs it
  const [command, args] = PLAIN_COMMAND.test(editor) ? [editor, [file]] : ['sh', ['-c', `${editor} ${file}`]];
  // node:child_process loads here, not at every virsh start-up
  const { spawnSync } = process.getBuiltinModule('node:child_process');
  const result = spawnSync(command, args, { stdio: 'inherit' });
  const shown = `${editor} ${file}`;
  if (result.error) throw failed(`internal error: Cannot find '${editor}' in path: ${result.error.message}`);
  if (result.status !== 0) {
    const how = result.signal ? `fatal signal ${result.signal}` : `unexpected exit status ${result.status}`;
    throw failed(`internal error: Child process (${shown}) ${how}`);
  }
}
