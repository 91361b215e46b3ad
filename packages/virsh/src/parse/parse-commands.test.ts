import { describe, expect, it } from 'vitest';
import { commandByName } from '../commands/table.js';
import { VirshError } from '../errors.js';
import { parseCommands } from './parse-commands.js';
import { ScriptTokens } from './tokens.js';

const parse = (text: string) =>
  parseCommands(new ScriptTokens(text), commandByName).map((c) => [c.def.name, Object.fromEntries(c.values)]);

/** The "error: ..." lines a parse error prints. */
function parseErrorLines(text: string): readonly string[] {
  try {
    parse(text);
  } catch (err) {
    if (VirshError.isInstance(err) && err.code === 'PARSE') return err.lines;
    throw err;
  }
  throw new Error(`'${text}' parsed`);
}

describe('parseCommands', () => {
  it('binds options by position, by name and with =', () => {
    expect(parse('save test /tmp/x; save --file /tmp/y test; save --domain=t --file=f --verbose')).toEqual([
      ['save', { domain: 'test', file: '/tmp/x' }],
      ['save', { file: '/tmp/y', domain: 'test' }],
      ['save', { domain: 't', file: 'f', verbose: true }],
    ]);
  });

  it('fills string options by position too, but never named-only ones', () => {
    expect(parse('reboot test acpi')).toEqual([['reboot', { domain: 'test', mode: 'acpi' }]]);
    expect(parseErrorLines('dumpxml test //name')).toEqual(["unexpected data '//name'"]);
  });

  it('collects argv words and takes words after -- as data', () => {
    expect(parse('echo a --shell b -- --c')).toEqual([['echo', { string: ['a', 'b', '--c'], shell: true }]]);
  });

  it('turns --help into help for the command, dropping other options', () => {
    expect(parse('list --all --help; dominfo --help')).toEqual([
      ['help', { command: 'list' }],
      ['help', { command: 'dominfo' }],
    ]);
  });

  it('lets help ignore options and words it does not know', () => {
    expect(parse('help --x list extra')).toEqual([['help', { command: 'list' }]]);
  });

  it("reports virsh 9's parse errors", () => {
    expect(parseErrorLines('frob')).toEqual(["unknown command: 'frob'"]);
    expect(parseErrorLines('list --bogus')).toEqual(["command 'list' doesn't support option --bogus"]);
    expect(parseErrorLines('domstate')).toEqual(["command 'domstate' requires <domain> option"]);
    expect(parseErrorLines('save')).toEqual([
      "command 'save' requires <domain> option",
      "command 'save' requires <file> option",
    ]);
    expect(parseErrorLines('setmem test')).toEqual(["command 'setmem' requires --size option"]);
    expect(parseErrorLines('domstate a b')).toEqual(["unexpected data 'b'"]);
    expect(parseErrorLines('list --all=1')).toEqual(["invalid '=' after option --all"]);
    expect(parseErrorLines('dominfo --domain')).toEqual(['expected syntax: --domain <string>']);
    expect(parseErrorLines('setmem --size')).toEqual(['expected syntax: --size <number>']);
    expect(parseErrorLines('list --all --all')).toEqual(['option --all already seen']);
  });

  it("takes an option's aliases as the option, and an alias with a value as option and value", () => {
    expect(parse('echo --str a --hi; setmem t --kilobytes=5; attach-disk t /a vdb --shareable; undefine t --delete-snapshots')).toEqual([
      ['echo', { string: ['a', 'hello'] }],
      ['setmem', { domain: 't', size: '5' }],
      ['attach-disk', { domain: 't', source: '/a', target: 'vdb', mode: 'shareable' }],
      ['undefine', { domain: 't', 'delete-storage-volume-snapshots': true }],
    ]);
    // Errors after the alias is resolved name the option it stands for, as virsh 9's do.
    expect(parseErrorLines('echo --hi=x')).toEqual(["invalid '=' after option --hi"]);
    expect(parseErrorLines('echo --str')).toEqual(['expected syntax: --string <string>']);
    expect(parseErrorLines('setmem t --size 1 --kilobytes 2')).toEqual(['option --size already seen']);
  });

  it('stops at the first error anywhere in the script', () => {
    expect(parseErrorLines('list; suspend test; frob; list --bogus')).toEqual(["unknown command: 'frob'"]);
  });
});
