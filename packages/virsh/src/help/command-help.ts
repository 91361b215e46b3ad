import type { CommandDef, OptionDef } from '../commands/command.js';

/** The options `help` shows: virsh 9's, not our extensions. */
export const documentedOptions = (def: CommandDef) => def.options.filter((o) => !o.extension);

/** One option in the SYNOPSIS line, as virsh 9's vshCmddefHelp. `shortopt`: words may fill earlier options. */
function synopsisWord(opt: OptionDef, shortopt: boolean): string {
  switch (opt.type) {
    case 'bool':
      return `[--${opt.name}]`;
    case 'number':
      return opt.required ? `<${opt.name}>` : `[--${opt.name} <number>]`;
    case 'string':
      return `[--${opt.name} <string>]`;
    case 'data':
      return opt.required ? `<${opt.name}>` : `[<${opt.name}>]`;
    case 'argv':
      if (shortopt) return opt.required ? `{[--${opt.name}] <string>}...` : `[[--${opt.name}] <string>]...`;
      return opt.required ? `<${opt.name}>...` : `[<${opt.name}>]...`;
  }
}

/** The option column of the OPTIONS section. */
export function optionLabel(opt: OptionDef, shortopt: boolean): string {
  switch (opt.type) {
    case 'bool':
      return `--${opt.name}`;
    case 'number':
      return opt.required ? `[--${opt.name}] <number>` : `--${opt.name} <number>`;
    case 'string':
      return `--${opt.name} <string>`;
    case 'data':
      return `[--${opt.name}] <string>`;
    case 'argv':
      return shortopt ? `[--${opt.name}] <string>` : `<${opt.name}>`;
  }
}

/** The SYNOPSIS line and option labels, tracking virsh's shortopt as it goes. */
export function describeOptions(def: CommandDef): { synopsis: string; labels: Array<[OptionDef, string]> } {
  let shortopt = false;
  const words: string[] = [def.name];
  const labels: Array<[OptionDef, string]> = [];
  for (const opt of documentedOptions(def)) {
    words.push(synopsisWord(opt, shortopt));
    labels.push([opt, optionLabel(opt, shortopt)]);
    if (opt.type !== 'bool' && opt.type !== 'argv' && !opt.namedOnly) shortopt = true;
  }
  return { synopsis: words.join(' '), labels };
}

/** `help <command>`, byte for byte as virsh 9 prints it. */
export function formatCommandHelp(def: CommandDef): string {
  const { synopsis, labels } = describeOptions(def);
  let text = `  NAME\n    ${def.name} - ${def.summary}\n\n  SYNOPSIS\n    ${synopsis}\n`;
  if (def.description) text += `\n  DESCRIPTION\n    ${def.description}\n`;
  if (labels.length > 0) {
    text += '\n  OPTIONS\n';
    for (const [opt, label] of labels) text += `    ${label.padEnd(15)}  ${opt.help}\n`;
  }
  return `${text}\n`;
}
