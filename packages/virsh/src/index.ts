export type { CommandDef, OptionDef } from './commands/command.js';
export { commands } from './commands/table.js';
export { tokenizeScript } from './parse/tokenize.js';
export { bindOptions } from './parse/bind-options.js';
export { formatTable } from './output/table.js';
