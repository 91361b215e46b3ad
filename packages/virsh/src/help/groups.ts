import type { CommandDef } from '../commands/command.js';
import { type GroupName, VIRSH9_GROUPS } from './virsh9-commands.js';

/** virsh 9's help groups, in its order, with their titles and keywords. */
export const GROUPS: ReadonlyArray<{ keyword: GroupName; title: string }> = VIRSH9_GROUPS.map(({ keyword, title }) => ({ keyword, title }));

/** The groups that hold at least one of `commands` that help lists (not hidden), in virsh 9's order. */
export function groupsWithCommands(commands: readonly CommandDef[]): ReadonlyArray<{ keyword: GroupName; title: string }> {
  return GROUPS.filter((g) => commands.some((c) => c.group === g.keyword && !c.hidden));
}
