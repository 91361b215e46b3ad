import type { CommandDef } from '../commands/command.js';
import { GROUPS, groupsWithCommands } from './groups.js';

/** One group's heading and command lines (virsh's vshCmdGrpHelp). */
export function formatGroupHelp(keyword: string, commands: readonly CommandDef[]): string | undefined {
  const group = GROUPS.find((g) => g.keyword === keyword || g.title === keyword);
  if (!group) return undefined;
  let text = ` ${group.title} (help keyword '${group.keyword}'):\n`;
  for (const def of commands) {
    if (def.group === group.keyword && !def.hidden) text += `    ${def.name.padEnd(30)} ${def.summary}\n`;
  }
  return text;
}

/** `help` with no argument: every group that has commands here, each followed by a blank line. */
export function formatAllGroups(commands: readonly CommandDef[]): string {
  let text = 'Grouped commands:\n\n';
  for (const group of groupsWithCommands(commands)) text += `${formatGroupHelp(group.keyword, commands)}\n`;
  return text;
}
