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

/** Which option a value typed now would fill: the one just named, or the next free positional. */
function optionForValue(def: CommandDef, words: string[]): OptionDef | undefined {
  const previous = words[words.length - 1];
  if (previous?.startsWith('--') && !previous.includes('=')) {
    const named = def.options.find((o) => o.name === previous.slice(2));
    if (named && named.type !== 'bool') return named;
  }
  const used = new Set(words.filter((w) => w.startsWith('--')).map((w) => w.slice(2).split('=')[0]));
  let positionalWords = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (w.startsWith('--')) {
      const opt = def.options.find((o) => o.name === w.slice(2).split('=')[0]);
      if (opt && opt.type !== 'bool' && !w.includes('=')) i++;
    } else {
      positionalWords++;
    }
  }
  const free = def.options.filter((o) => o.type !== 'bool' && !o.namedOnly && !used.has(o.name));
  return free[positionalWords] ?? free.find((o) => o.type === 'argv');
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
 * Completes the word under the cursor as virsh 9's readline does: command names
 * first, then option names (`--...`), then values (domain names from the live
 * connection, files, ...). Returns the candidates and the word they replace.
 */
export async function complete(line: string, sources: CompletionSources): Promise<[string[], string]> {
  const { words, current } = lastCommandWords(line);
  const sorted = (names: Iterable<string>) => [...new Set(names)].filter((n) => n.startsWith(current)).sort();
  if (words.length === 0) return [sorted(sources.commands().map((c) => c.name)), current];
  const def = sources.commandByName(words[0] as string);
  if (!def) return [[], current];
  const args = words.slice(1);
  const optionNames = () => {
    const given = new Set(args.filter((w) => w.startsWith('--')).map((w) => w.slice(2).split('=')[0]));
    return def.options.filter((o) => o.type === 'argv' || !given.has(o.name)).map((o) => `--${o.name}`);
  };
  if (current.startsWith('-')) return [sorted(optionNames()), current];
  const slot = optionForValue(def, args);
  if (slot?.completer) {
    const values = await valuesFor(slot.completer, current, sources).catch(() => []);
    return [sorted(values), current];
  }
  return [current === '' ? sorted(optionNames()) : [], current];
}
