import { describe, expect, it } from 'vitest';
import type { CommandDef, OptionDef } from './command.js';
import { definitionDefect } from './self-test.js';
import { allCommands } from './table.js';

const withOptions = (...options: OptionDef[]): CommandDef => ({
  name: 'c',
  group: 'virsh',
  summary: 'a command',
  description: '',
  options,
  async run() {},
});

describe('self-test checks (vshCmddefCheckInternals)', () => {
  it('finds nothing wrong in our command table', () => {
    expect(allCommands().flatMap((def) => definitionDefect(def) ?? [])).toEqual([]);
  });

  it("reports a broken definition in virsh 9's words", () => {
    const flag: OptionDef = { name: 'f', type: 'bool', help: 'h' };
    const data: OptionDef = { name: 'd', type: 'data', required: true, help: 'h' };
    expect(definitionDefect({ ...withOptions(), summary: '' })).toBe("command 'c' lacks help");
    expect(definitionDefect(withOptions(flag, data))).toBe("parameter 'd' of command 'c' must be listed before optional parameters");
    expect(definitionDefect(withOptions({ ...data, required: false }))).toBe("parameter 'd' of command 'c' must use VSH_OFLAG_REQ flag");
    expect(definitionDefect(withOptions({ name: 'a', type: 'argv', help: 'h' }, flag))).toBe("parameter 'a' of command 'c' must be listed last");
    expect(definitionDefect(withOptions({ ...flag, aliases: [{ name: 'g', value: 'x' }] }))).toBe(
      "alias 'g' of command 'c' has mismatched alias type",
    );
    expect(definitionDefect(withOptions({ ...flag, aliases: [{ name: 'd' }] }, data))).toBe("option name 'd' of command 'c' is used twice");
  });
});
