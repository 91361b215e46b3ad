import { describe, expect, it } from 'vitest';
import { allCommands, commandByName } from '../commands/table.js';
import { type CompletionSources, complete } from './completer.js';

const sources: CompletionSources = {
  commands: allCommands,
  commandByName,
  domains: async (kind) => ({ all: ['test', 'web', 'db'], active: ['test'], inactive: ['web', 'db'] })[kind],
  files: async (prefix) => ['/tmp/a.xml', '/tmp/b/'].filter((f) => f.startsWith(prefix)),
};

describe('complete', () => {
  it('completes command names at the start of a command', async () => {
    expect(await complete('dom', sources)).toEqual([['domblkinfo', 'domblklist', 'domid', 'domiflist', 'dominfo', 'dommemstat', 'domname', 'domstate', 'domstats', 'domuuid', 'domxml-from-native', 'domxml-to-native'], 'dom']);
    expect(await complete('list; sus', sources)).toEqual([['suspend'], 'sus']);
  });

  it('completes option names not given yet', async () => {
    expect((await complete('list --al', sources))[0]).toEqual(['--all']);
    expect((await complete('list --all --a', sources))[0]).toEqual(['--autostart']);
  });

  it('completes domain names for the domain option, filtered by what the command needs', async () => {
    expect(await complete('dominfo ', sources)).toEqual([['db', 'test', 'web'], '']);
    expect((await complete('start w', sources))[0]).toEqual(['web']);
    expect((await complete('suspend ', sources))[0]).toEqual(['test']);
    expect((await complete('setmem --domain ', sources))[0]).toEqual(['db', 'test', 'web']);
  });

  it('completes files, commands and modes for their options', async () => {
    expect((await complete('create /tmp/', sources))[0]).toEqual(['/tmp/a.xml', '/tmp/b/']);
    expect((await complete('save test /tmp/a', sources))[0]).toEqual(['/tmp/a.xml']);
    expect((await complete('help nod', sources))[0]).toEqual(['nodeinfo']);
    expect((await complete('shutdown test --mode a', sources))[0]).toEqual(['acpi', 'agent']);
  });

  it('offers options once the positionals are filled', async () => {
    expect((await complete('dominfo test ', sources))[0]).toEqual(['--domain', '--json']);
  });
});
