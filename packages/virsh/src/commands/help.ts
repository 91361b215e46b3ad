import { failed } from '../errors.js';
import { formatCommandHelp } from '../help/command-help.js';
import { formatAllGroups, formatGroupHelp } from '../help/group-help.js';
import type { CommandDef } from './command.js';
import { allCommands, commandByName } from './table.js';

export const helpCommand: CommandDef = {
  name: 'help',
  group: 'virsh',
  summary: 'print help',
  description: 'Prints global help, command specific help, or help for a\n    group of related commands',
  noConnect: true,
  options: [
    {
      name: 'command',
      type: 'string',
      help: 'Prints global help, command specific help, or help for a group of related commands',
      completer: 'command',
    },
  ],
  async run({ options, session }) {
    const name = options.string('command');
    if (name === undefined) {
      session.out.print(formatAllGroups(allCommands()));
      return;
    }
    const def = commandByName(name);
    const text = def ? formatCommandHelp(def) : formatGroupHelp(name, allCommands());
    if (text === undefined) throw failed(`command or command group '${name}' doesn't exist`);
    session.out.print(text);
  },
};
