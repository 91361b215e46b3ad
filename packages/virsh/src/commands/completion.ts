import { readdirSync } from 'node:fs';
import { ConnectListAllDomainsFlags } from '@libvirt-ts/virt/constants';
import { failed, silentFailure } from '../errors.js';
import { bashCompletion, zshCompletion } from '../extras/completion-script.js';
import type { Session } from '../session.js';
import { complete } from '../shell/completer.js';
import type { CommandDef } from './command.js';
import { allCommands, commandByName } from './table.js';

/** Domain names for completion from the session's connection (opened on demand here). */
export function completionSources(session: Session, connectIfNeeded: boolean) {
  return {
    commands: allCommands,
    commandByName,
    async domains(kind: 'all' | 'active' | 'inactive') {
      if (!session.connected && !connectIfNeeded) return [];
      const conn = await session.connection();
      const { ACTIVE, INACTIVE } = ConnectListAllDomainsFlags;
      const all = await conn.listAllDomains((kind !== 'inactive' ? ACTIVE : 0) | (kind !== 'active' ? INACTIVE : 0));
      return all.map((d) => d.name());
    },
    async files(prefix: string) {
      const slash = prefix.lastIndexOf('/');
      const dir = slash >= 0 ? prefix.slice(0, slash + 1) : '';
      const entries = readdirSync(dir === '' ? '.' : dir, { withFileTypes: true });
      return entries.map((e) => dir + e.name + (e.isDirectory() ? '/' : ''));
    },
  };
}

export const completionCommand: CommandDef = {
  name: 'completion',
  group: 'virsh',
  summary: 'print a shell completion script (libvirt-ts extension)',
  description: 'Prints a bash or zsh completion script generated from the command table.',
  noConnect: true,
  hidden: true,
  options: [{ name: 'shell', type: 'data', required: true, help: 'bash or zsh' }],
  async run({ options, session }) {
    const shell = options.requiredString('shell');
    if (shell === 'bash') session.out.print(bashCompletion(allCommands()));
    else if (shell === 'zsh') session.out.print(zshCompletion(allCommands()));
    else throw failed(`unsupported shell '${shell}': expecting 'bash' or 'zsh'`);
  },
};

export const completeCommand: CommandDef = {
  name: 'complete',
  group: 'virsh',
  summary: 'internal command for autocompletion',
  description: 'internal use only',
  noConnect: true,
  hidden: true,
  options: [{ name: 'string', type: 'argv', help: 'partial string to autocomplete' }],
  async run({ options, session }) {
    const words = options.words('string');
    // File names are readline's own completion in virsh 9's shell; its complete command lists none.
    const [found] = await complete(words.join(' '), { ...completionSources(session, true), files: async () => [] });
    // virsh 9 hands readline the last argument whole as the word to complete, spaces and all.
    const text = words.at(-1) ?? '';
    const candidates = found.filter((c) => c.startsWith(text));
    // No candidate fails without a message, as virsh 9's cmdComplete.
    if (candidates.length === 0) throw silentFailure();
    session.out.print(candidates.map((c) => `${c}\n`).join(''));
  },
};
