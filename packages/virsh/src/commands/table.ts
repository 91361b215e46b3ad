import type { CommandDef } from './command.js';
import { listCommand } from './list.js';

/** Every command virsh knows, by name. */
export const commands: ReadonlyMap<string, CommandDef> = new Map([listCommand].map((c) => [c.name, c]));
