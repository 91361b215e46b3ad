import { describe, expect, it } from 'vitest';
import { nodesDir } from './conformance-harness.js';
import { runOurVirsh } from './run-virsh.js';

// --json prints the same facts as the text (which the conformance suite checks
// against virsh 9), under the field names the README documents.
const node = ['-c', `test://${nodesDir}/node-states.xml`];

function json(args: string[]): unknown {
  const run = runOurVirsh(['-q', ...args]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout);
}

const text = (args: string[]) => runOurVirsh(['-q', ...args]).stdout;

/** "Label:   value" lines of dominfo/nodeinfo as a map. */
const labelled = (output: string) =>
  new Map(output.split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));

describe('--json', () => {
  it('list: id (null when inactive), name, uuid, state, in list order', () => {
    const rows = json([...node, 'list', '--all', '--json']) as Array<Record<string, unknown>>;
    const table = text([...node, 'list', '--all']).trimEnd().split('\n').map((l) => l.trim().split(/ {3,}/));
    expect(rows.map((r) => [r['id'] === null ? '-' : String(r['id']), r['name'], r['state']])).toEqual(table);
    const uuids = text([...node, 'list', '--all', '--uuid']).trimEnd().split('\n');
    expect(rows.map((r) => r['uuid'])).toEqual(uuids);
    expect(Object.keys(rows[0] ?? {})).toEqual(['id', 'name', 'uuid', 'state']);
  });

  it('list --title adds the title', () => {
    const rows = json([...node, 'list', '--all', '--title', '--json']) as Array<Record<string, unknown>>;
    expect(rows.find((r) => r['name'] === 'beta-paused')?.['title']).toBe('paused one');
  });

  it('dominfo: the facts of the text output, typed', () => {
    const info = json([...node, 'dominfo', 'beta-paused', '--json']) as Record<string, unknown>;
    const lines = labelled(text([...node, 'dominfo', 'beta-paused']));
    expect(info).toMatchObject({
      id: Number(lines.get('Id')),
      name: lines.get('Name'),
      uuid: lines.get('UUID'),
      osType: lines.get('OS Type'),
      state: lines.get('State'),
      cpus: Number(lines.get('CPU(s)')),
      maxMemoryKiB: Number.parseInt(lines.get('Max memory') ?? '', 10),
      usedMemoryKiB: Number.parseInt(lines.get('Used memory') ?? '', 10),
      persistent: lines.get('Persistent') === 'yes',
      autostart: lines.get('Autostart') === 'enable',
      managedSave: lines.get('Managed save') === 'yes',
      security: { model: lines.get('Security model'), doi: '', label: 'libvirt-test', enforcing: true },
      messages: [],
    });
    expect(typeof info['cpuTimeNs']).toBe('string');
    expect(BigInt(info['cpuTimeNs'] as string)).toBeGreaterThan(0n);
    const inactive = json([...node, 'dominfo', 'delta', '--json']) as Record<string, unknown>;
    expect(inactive).toMatchObject({ id: null, state: 'shut off', security: { label: null } });
  });

  it('domstate: state and reason words', () => {
    expect(json([...node, 'domstate', 'beta-paused', '--json'])).toEqual({ state: 'paused', reason: text([...node, 'domstate', 'beta-paused', '--reason']).match(/\((.*)\)/)?.[1] });
  });

  it('nodeinfo: the eight numbers of the text output', () => {
    const info = json(['-c', `test://${nodesDir}/node1.xml`, 'nodeinfo', '--json']);
    const lines = labelled(text(['-c', `test://${nodesDir}/node1.xml`, 'nodeinfo']));
    expect(info).toEqual({
      model: lines.get('CPU model'),
      cpus: Number(lines.get('CPU(s)')),
      mhz: Number.parseInt(lines.get('CPU frequency') ?? '', 10),
      sockets: Number(lines.get('CPU socket(s)')),
      coresPerSocket: Number(lines.get('Core(s) per socket')),
      threadsPerCore: Number(lines.get('Thread(s) per core')),
      numaCells: Number(lines.get('NUMA cell(s)')),
      memoryKiB: Number.parseInt(lines.get('Memory size') ?? '', 10),
    });
  });

  it('version: the versions of the text output', () => {
    const version = json(['-c', 'test:///default', 'version', '--daemon', '--json']);
    const lines = labelled(text(['-c', 'test:///default', 'version', '--daemon']));
    expect(version).toEqual({
      compiledAgainst: lines.get('Compiled against library')?.replace('libvirt ', ''),
      library: lines.get('Using library')?.replace('libvirt ', ''),
      hypervisorType: lines.get('Using API')?.split(' ')[0],
      api: lines.get('Using API')?.split(' ')[1],
      hypervisor: lines.get('Running hypervisor')?.split(' ')[1],
      daemon: lines.get('Running against daemon'),
    });
  });

  it('is left out of help, which stays byte-identical to virsh 9', () => {
    expect(text(['help', 'list'])).not.toContain('--json');
  });
});
