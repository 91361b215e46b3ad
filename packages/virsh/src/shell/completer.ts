import type { CommandDef, Completer, OptionDef } from '../commands/command.js';
import { SHUTDOWN_MODE_WORDS } from '../commands/lifecycle.js';
import { ScriptTokens } from '../parse/tokens.js';

/** Where completion gets live values from (domain names come from the connection). */
export interface CompletionSources {
  commands(): readonly CommandDef[];
  commandByName(name: string): CommandDef | undefined;
  domains(kind: 'all' | 'active' | 'inactive'): Promise<string[]>;
  files(prefix: string): Promise<string[]>;
}

/** The words of the last command of a line, and the (partial) word under the cursor. */
function lastCommandWords(line: string): { words: string[]; current: string } {
  const segment = line.slice(lastSeparator(line) + 1);
  const words: string[] = [];
  try {
    const tokens = new ScriptTokens(segment);
    for (let t = tokens.next(); t.kind === 'word'; t = tokens.next()) words.push(t.text);
  } catch {
    // An open quote: complete what is there.
  }
  const endsInBlank = segment === '' || /[ \t]$/.test(segment);
  const current = endsInBlank ? '' : (words.pop() ?? '');
  return { words, current };
}

/** Index of the last `;` outside quotes. */
function lastSeparator(line: string): number {
  let quote: string | undefined;
  let last = -1;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '\\') i++;
    else if (ch === ';' || ch === '\n') last = i;
  }
  return last;
}

/** What the words after the command fill, as virsh 9's partial parse sees them. */
interface ArgScan {
  /** Options given by name or filled by position (an argv option never counts: it takes more). */
  present: Set<string>;
  /** A named option still waiting for its value: the word being completed is that value. */
  awaitingValue?: OptionDef;
  /** The positional option the next plain word would fill. */
  nextPositional?: OptionDef;
  /** `--` was given: every later word is data, never an option. */
  dataOnly: boolean;
}

function scanArgs(def: CommandDef, words: string[]): ArgScan {
  const present = new Set<string>();
  let dataOnly = false;
  const positional = () =>
    def.options.find((o) => o.type !== 'bool' && !o.namedOnly && (o.type === 'argv' || !present.has(o.name)));
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (!dataOnly && word === '--') {
      dataOnly = true;
    } else if (!dataOnly && word.startsWith('--')) {
      const [name, value] = word.slice(2).split('=', 2);
      const opt = def.options.find((o) => o.name === name);
      // virsh 9's partial parse stops at an unknown option: nothing after it counts as given.
      if (!opt) break;
      present.add(opt.name);
      if (opt.type === 'bool' || value !== undefined) continue;
      if (i + 1 === words.length) return { present, awaitingValue: opt, dataOnly };
      i++;
    } else {
      const opt = positional();
      if (opt && opt.type !== 'argv') present.add(opt.name);
    }
  }
  return { present, nextPositional: positional(), dataOnly };
}

async function valuesFor(completer: Completer, prefix: string, sources: CompletionSources): Promise<string[]> {
  switch (completer) {
    case 'domain':
      return sources.domains('all');
    case 'active-domain':
      return sources.domains('active');
    case 'inactive-domain':
      return sources.domains('inactive');
    case 'file':
      return sources.files(prefix);
    case 'command':
      return sources.commands().map((c) => c.name);
    case 'shutdown-mode':
      return SHUTDOWN_MODE_WORDS;
  }
}

/**
 * Completes the word under the cursor as virsh 9 does (vshReadlineParse): command names
 * (in `help`'s order, hidden ones left out) until there is a known command; then, for an
 * empty word or one starting with `--`, the options not given yet in definition order; for
 * the value of a named option or a plain word, that option's values (domain names from the
 * live connection, ...). Only candidates starting with the word are kept.
 */
export async function complete(line: string, sources: CompletionSources): Promise<[string[], string]> {
  const { words, current } = lastCommandWords(line);
  const matching = (names: readonly string[]) => names.filter((n) => n.startsWith(current));
  const def = words.length === 0 ? undefined : sources.commandByName(words[0] as string);
  if (!def) return [matching(sources.commands().filter((c) => !c.hidden).map((c) => c.name)), current];
  const scan = scanArgs(def, words.slice(1));
  const optionWord = current === '' || (current.startsWith('--') && !scan.dataOnly);
  if (scan.awaitingValue === undefined && optionWord) {
    const options = def.options.filter((o) => !o.extension && (o.type === 'argv' || !scan.present.has(o.name)));
    return [matching(options.map((o) => `--${o.name}`)), current];
  }
  const slot = scan.awaitingValue ?? scan.nextPositional;
  if (!slot?.completer) return [[], current];
  const values = await valuesFor(slot.completer, current, sources).catch(() => []);
  return [matching([...new Set(values)]), current];
}
