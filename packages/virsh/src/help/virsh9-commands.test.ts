import { describe, expect, it } from 'vitest';
import { allCommands } from '../commands/table.js';
import { VIRSH9_GROUPS, virsh9Group, virsh9Position } from './virsh9-commands.js';

describe("virsh 9's command order", () => {
  it('lists each command once', () => {
    const names = VIRSH9_GROUPS.flatMap((g) => g.commands);
    expect(names.length).toBe(new Set(names).size);
  });

  it('has every command help lists, in the group virsh 9 has it in', () => {
    for (const def of allCommands().filter((c) => !c.hidden)) {
      expect(virsh9Group(def.name), def.name).toBe(def.group);
    }
  });

  it('orders the table as virsh 9 lists the commands, whatever order they were added in', () => {
    const listed = allCommands().filter((c) => !c.hidden);
    const positions = listed.map((c) => virsh9Position(c.name) as number);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(allCommands().slice(listed.length).every((c) => c.hidden)).toBe(true);
  });
});
