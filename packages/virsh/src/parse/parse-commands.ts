import type { CommandDef, OptionAlias, OptionDef } from '../commands/command.js';
import { parseError, VirshError } from '../errors.js';
import type { OptionValue } from './command-options.js';
import type { TokenSource } from './tokens.js';

/** A command with its options bound, ready to run. */
export interface ParsedCommand {
  def: CommandDef;
  values: Map<string, OptionValue>;
}

/** Every command accepts --help, which turns it into `help <command>`. */
const HELP_OPTION: OptionDef = { name: 'help', type: 'bool', help: 'print help for this function' };

const isAlphanumeric = (ch: string | undefined) =>
  ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'));

/** What an option name on the command line stands for: an option, maybe through an alias. */
interface NamedOption {
  opt: OptionDef;
  alias?: OptionAlias;
}

interface OptionIndex {
  /** Options and their aliases by the names the command line may use. */
  byName: Map<string, NamedOption>;
  /** The options a bare word can fill, in declaration order (virsh's opts_need_arg). */
  positional: OptionDef[];
  /** The options the command cannot run without. */
  required: OptionDef[];
}

/** Per-command lookups, built once: scripts repeat the same commands many times. */
const indexes = new WeakMap<CommandDef, OptionIndex>();

function indexOf(def: CommandDef): OptionIndex {
  let index = indexes.get(def);
  if (!index) {
    index = {
      byName: new Map(
        def.options.flatMap((opt) => [
          [opt.name, { opt }] as const,
          ...(opt.aliases ?? []).map((alias) => [alias.name, { opt, alias }] as const),
        ]),
      ),
      positional: def.options.filter((o) => o.type !== 'bool' && !o.namedOnly),
      required: def.options.filter((o) => o.required),
    };
    indexes.set(def, index);
  }
  return index;
}

/**
 * Binds tokens to commands as virsh 9's vshCommandParse does. The whole script is
 * parsed before anything runs: the first error throws a PARSE VirshError.
 */
export function parseCommands(tokens: TokenSource, lookup: (name: string) => CommandDef | undefined): ParsedCommand[] {
  const parsed: ParsedCommand[] = [];
  for (;;) {
    const { command, last } = parseOneCommand(tokens, lookup);
    if (command) parsed.push(command);
    if (last) return parsed;
  }
}

/** The rest of a commented-out command: its words up to the `;` or end of line. */
function skipComment(tokens: TokenSource): { command: undefined; last: boolean } {
  for (;;) {
    const token = tokens.next();
    if (token.kind !== 'word') return { command: undefined, last: token.kind === 'end' };
  }
}

function parseOneCommand(
  tokens: TokenSource,
  lookup: (name: string) => CommandDef | undefined,
): { command: ParsedCommand | undefined; last: boolean } {
  let def: CommandDef | undefined;
  let index: OptionIndex | undefined;
  const values = new Map<string, OptionValue>();
  // Options still free to take a bare word, in declaration order (virsh's opts_need_arg).
  let positional: OptionDef[] = [];
  let dataOnly = false;
  let helpSeen = false;
  for (;;) {
    const token = tokens.next();
    if (token.kind !== 'word') {
      if (!def) return { command: undefined, last: token.kind === 'end' };
      return { command: finishCommand(def, values, helpSeen, lookup), last: token.kind === 'end' };
    }
    const word = token.text;
    if (!def) {
      // A first word starting with '#' (written `\#`, or after quoting) comments out its command.
      if (word.startsWith('#')) return skipComment(tokens);
      def = lookup(word);
      if (!def) throw parseError(`unknown command: '${word}'`);
      index = indexOf(def);
      positional = index.positional;
      continue;
    }
    if (!dataOnly && word.startsWith('--') && isAlphanumeric(word[2])) {
      const eq = word.indexOf('=');
      const name = eq < 0 ? word.slice(2) : word.slice(2, eq);
      let inline = eq < 0 ? undefined : word.slice(eq + 1);
      const named = name === 'help' ? { opt: HELP_OPTION } : index?.byName.get(name);
      if (!named) {
        // `help` ignores options it does not know.
        if (def.name === 'help') continue;
        throw parseError(`command '${def.name}' doesn't support option --${name}`, def.name);
      }
      const { opt, alias } = named;
      // An alias with a value is a whole option and value already (virsh's "string=hello").
      if (alias?.value !== undefined) {
        if (inline !== undefined) throw parseError(`invalid '=' after option --${alias.name}`, def.name);
        inline = alias.value;
      }
      if (opt === HELP_OPTION) {
        if (inline !== undefined) throw parseError(`invalid '=' after option --help`, def.name);
        helpSeen = true;
        continue;
      }
      if (values.has(opt.name) && opt.type !== 'argv') {
        throw parseError(`option --${opt.name} already seen`, def.name);
      }
      if (opt.type === 'bool') {
        if (inline !== undefined) throw parseError(`invalid '=' after option --${opt.name}`, def.name);
        values.set(opt.name, true);
        continue;
      }
      let value = inline;
      if (value === undefined) {
        const next = tokens.next();
        if (next.kind !== 'word') {
          throw parseError(`expected syntax: --${opt.name} <${opt.type === 'number' ? 'number' : 'string'}>`, def.name);
        }
        value = next.text;
      }
      if (opt.type !== 'argv') positional = positional.filter((o) => o !== opt);
      setValue(values, opt, value);
      continue;
    }
    if (!dataOnly && word === '--') {
      dataOnly = true;
      continue;
    }
    const slot = positional[0];
    if (!slot) {
      // `help` ignores words it does not need.
      if (def.name === 'help') continue;
      throw parseError(`unexpected data '${word}'`, def.name);
    }
    if (slot.type !== 'argv') positional = positional.slice(1);
    setValue(values, slot, word);
  }
}

function setValue(values: Map<string, OptionValue>, opt: OptionDef, value: string): void {
  if (opt.type === 'argv') {
    const list = values.get(opt.name);
    values.set(opt.name, Array.isArray(list) ? [...list, value] : [value]);
  } else {
    values.set(opt.name, value);
  }
}

function finishCommand(
  def: CommandDef,
  values: Map<string, OptionValue>,
  helpSeen: boolean,
  lookup: (name: string) => CommandDef | undefined,
): ParsedCommand {
  if (helpSeen) {
    const help = lookup('help');
    if (!help) throw new Error('the command table has no help command');
    return { def: help, values: new Map([['command', def.name]]) };
  }
  const missing = indexOf(def).required.filter((o) => !values.has(o.name));
  if (missing.length > 0) {
    const lines = missing.map((o) =>
      o.type === 'data' || o.type === 'argv'
        ? `command '${def.name}' requires <${o.name}> option`
        : `command '${def.name}' requires --${o.name} option`,
    );
    throw new VirshError({ code: 'PARSE', lines, command: def.name });
  }
  return { def, values };
}
