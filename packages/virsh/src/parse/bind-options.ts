import type { CommandDef, OptionValues } from '../commands/command.js';

export class OptionBindError extends Error {
  override readonly name = 'OptionBindError';
}

/** Binds a command's words to its options: `--name value`, `--name=value`, or positionally. */
export function bindOptions(command: CommandDef, words: string[]): OptionValues {
  const values: OptionValues = new Map();
  const positionals = command.options.filter((o) => o.positional);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (word.startsWith('--') && word.length > 2) {
      const eq = word.indexOf('=');
      const name = eq < 0 ? word.slice(2) : word.slice(2, eq);
      const opt = command.options.find((o) => o.name === name);
      if (!opt) throw new OptionBindError(`command '${command.name}' doesn't support option --${name}`);
      if (opt.type === 'bool') {
        if (eq >= 0) throw new OptionBindError(`invalid '=' after option --${name}`);
        values.set(name, true);
      } else if (eq >= 0) {
        values.set(name, word.slice(eq + 1));
      } else {
        if (i + 1 >= words.length) throw new OptionBindError(`expected syntax: --${name} <${opt.type}>`);
        values.set(name, words[++i] as string);
      }
      continue;
    }
    const slot = positionals.find((o) => !values.has(o.name));
    if (!slot) throw new OptionBindError(`unexpected data '${word}'`);
    values.set(slot.name, word);
  }
  for (const opt of command.options) {
    if (opt.required && !values.has(opt.name)) {
      throw new OptionBindError(`command '${command.name}' requires <${opt.name}> option`);
    }
  }
  return values;
}
