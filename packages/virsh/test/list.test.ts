import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realVirshPath, runOurVirsh, runRealVirsh } from './run-virsh.js';

const capture = (name: string, file: string) =>
  readFileSync(new URL(`./fixtures/captures/${name}/${file}`, import.meta.url), 'utf8');

describe('virsh -c test:///default list', () => {
  const ours = runOurVirsh(['-c', 'test:///default', 'list']);

  it('prints the bytes of the stored virsh 9 capture', () => {
    expect(ours.stdout).toBe(capture('s01-list', 'stdout'));
    expect(ours.stderr).toBe(capture('s01-list', 'stderr'));
    expect(ours.status).toBe(Number(capture('s01-list', 'rc').trim()));
  });

  it.skipIf(!realVirshPath)('prints the same bytes as the installed Debian virsh', () => {
    expect(ours).toEqual(runRealVirsh(['-c', 'test:///default', 'list']));
  });
});
