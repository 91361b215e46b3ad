import { failed } from '../errors.js';
import type { CommandDef, OptionDef } from './command.js';
import { allCommands } from './table.js';

/** virsh's limit: option sets are bitmaps of 64 bits. */
const MAX_OPTIONS = 64;

/**
 * What virsh 9's vshCmddefCheckInternals finds wrong in a command's definition, in its words;
 * undefined when the definition is sound. Our table has no command aliases, and an option's
 * aliases live on the option itself, so only their names and values can go wrong.
 */
export function definitionDefect(def: CommandDef): string | undefined {
  if (!def.summary) return `command '${def.name}' lacks help`;
  if (def.options.length > MAX_OPTIONS) return `command '${def.name}' has too many options`;
  const names = new Set<string>();
  let seenOptional = false;
  for (const [i, opt] of def.options.entries()) {
    const where = `of command '${def.name}'`;
    for (const name of [opt.name, ...(opt.aliases ?? []).map((a) => a.name)]) {
      // Not one of virsh's checks: its table cannot name an option twice unnoticed, ours could.
      if (names.has(name)) return `option name '${name}' ${where} is used twice`;
      names.add(name);
    }
    const valuedAlias = opt.aliases?.find((a) => a.value !== undefined);
    if (valuedAlias && opt.type === 'bool') return `alias '${valuedAlias.name}' ${where} has mismatched alias type`;
    switch (opt.type) {
      case 'bool':
        if (opt.completer) return `bool parameter '${opt.name}' ${where} has completer set`;
        seenOptional = true;
        break;
      case 'string':
        if (opt.required) return `parameter '${opt.name}' ${where} misused VSH_OFLAG_REQ`;
        seenOptional = true;
        break;
      case 'argv':
        if (i !== def.options.length - 1) return `parameter '${opt.name}' ${where} must be listed last`;
        break;
      case 'data':
        if (!opt.required) return `parameter '${opt.name}' ${where} must use VSH_OFLAG_REQ flag`;
        if (seenOptional) return `parameter '${opt.name}' ${where} must be listed before optional parameters`;
        break;
      case 'number':
        if (!opt.required) seenOptional = true;
        else if (seenOptional) return `parameter '${opt.name}' ${where} must be listed before optional parameters`;
        break;
    }
  }
  return undefined;
}

/** The string options of a command that tab completion has nothing to offer for. */
const withoutCompleter = (def: CommandDef): OptionDef[] =>
  def.options.filter((o) => (o.type === 'string' || o.type === 'data') && !o.completer);

export const selfTestCommand: CommandDef = {
  name: 'self-test',
  group: 'virsh',
  summary: 'internal command for testing virt shells',
  description: 'internal use only',
  hidden: true,
  options: [
    { name: 'completers-missing', type: 'bool', help: 'output the list of options which are missing completers' },
  ],
  async run({ options, session }) {
    const listMissing = options.bool('completers-missing');
    for (const def of allCommands()) {
      const defect = definitionDefect(def);
      if (defect) throw failed(defect);
      const missing = listMissing ? withoutCompleter(def) : [];
      if (missing.length > 0) session.out.printExtra(`${def.name}: ${missing.map((o) => o.name).join(', ')}\n`);
    }
  },
};
