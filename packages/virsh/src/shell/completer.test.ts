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
  it('completes command names at the start of a command, in help order, hidden ones left out', async () => {
    expect(await complete('dom', sources)).toEqual([['domid', 'domname', 'domrename', 'domuuid', 'domxml-from-native', 'domxml-to-native', 'domblkinfo', 'domblklist', 'domcontrol', 'domiflist', 'dominfo', 'dommemstat', 'domstate', 'domstats'], 'dom']);
    expect(await complete('list; sus', sources)).toEqual([['suspend'], 'sus']);
    expect((await complete('compl', sources))[0]).toEqual([]);
  });

  it('completes command names after an unknown command, as virsh 9', async () => {
    expect((await complete('frobnicate su', sources))[0]).toEqual(['suspend']);
  });

  it('completes option names not given yet', async () => {
    expect((await complete('list --al', sources))[0]).toEqual(['--all']);
    expect((await complete('list --all --a', sources))[0]).toEqual(['--autostart']);
  });

  it('completes domain names for the domain option, filtered by what the command needs', async () => {
    expect(await complete('dominfo t', sources)).toEqual([['test'], 't']);
    expect((await complete('start w', sources))[0]).toEqual(['web']);
    expect((await complete('suspend w', sources))[0]).toEqual([]);
    expect((await complete('setmem --domain ', sources))[0]).toEqual(['test', 'web', 'db']);
    expect((await complete('domstate --domain --r', sources))[0]).toEqual([]);
  });

  it('offers options, not values, for an empty word after the command (virsh 9)', async () => {
    expect((await complete('dominfo ', sources))[0]).toEqual(['--domain']);
    expect((await complete('domstate --reason ', sources))[0]).toEqual(['--domain']);
    expect((await complete('domstate --reason --domain test ', sources))[0]).toEqual([]);
  });

  it('takes words after -- as data', async () => {
    expect((await complete('echo -- --s', sources))[0]).toEqual([]);
    expect((await complete('domstate -- t', sources))[0]).toEqual(['test']);
    expect((await complete('echo -- ', sources))[0]).toEqual(['--shell', '--xml', '--split', '--err', '--string']);
  });

  it('completes files, commands and modes for their options', async () => {
    expect((await complete('create /tmp/', sources))[0]).toEqual(['/tmp/a.xml', '/tmp/b/']);
    expect((await complete('save test /tmp/a', sources))[0]).toEqual(['/tmp/a.xml']);
    expect((await complete('help nod', sources))[0]).toEqual(['nodeinfo']);
    expect((await complete('shutdown test --mode a', sources))[0]).toEqual(['acpi', 'agent']);
  });

  it('offers the options not filled yet, by name or position, in definition order, without extensions', async () => {
    expect((await complete('dominfo test ', sources))[0]).toEqual([]);
    expect((await complete('domstate test ', sources))[0]).toEqual(['--reason']);
    expect((await complete('echo --xml ', sources))[0]).toEqual(['--shell', '--split', '--err', '--string']);
    expect((await complete('echo --nonexistant-arg --xml ', sources))[0]).toEqual(['--shell', '--xml', '--split', '--err', '--string']);
  });
});
