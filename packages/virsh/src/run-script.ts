import type { Connection } from '@libvirt-ts/virt';
import type { CommandDef, OptionValues } from './commands/command.js';
import { commands } from './commands/table.js';
import type { Output } from './output/output.js';
import { bindOptions, OptionBindError } from './parse/bind-options.js';
import type { Script } from './parse/tokenize.js';

interface BoundCommand {
  command: CommandDef;
  options: OptionValues;
}

/**
 * Runs a parsed script as virsh does: every command is bound first (a parse error stops
 * the script before anything runs); a runtime failure does not stop the rest.
 * Returns the exit status of the last command.
 */
export async function runScript(script: Script, out: Output, connection: () => Promise<Connection>): Promise<number> {
  const bound: BoundCommand[] = [];
  for (const [name, ...words] of script) {
    const command = commands.get(name as string);
    if (!command) {
      out.error(`error: unknown command: '${name}'\n`);
      return 1;
    }
    try {
      bound.push({ command, options: bindOptions(command, words) });
    } catch (err) {
      if (!(err instanceof OptionBindError)) throw err;
      out.error(`error: ${err.message}\n`);
      return 1;
    }
  }
  let status = 0;
  for (const { command, options } of bound) {
    let ok: boolean;
    try {
      ok = await command.run({ options, out, connection });
    } catch (err) {
      out.error(`error: ${err instanceof Error ? err.message : String(err)}\n`);
      ok = false;
    }
    out.printExtra('\n');
    status = ok ? 0 : 1;
  }
  return status;
}
