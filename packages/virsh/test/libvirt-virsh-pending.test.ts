import { describe, expect, it } from 'vitest';
import { commandByName } from '../src/commands/table.js';
import { DIFFERING, LIBVIRT_CASES, PENDING, pendingFor, usedCommands } from './libvirt-virsh-cases.js';

/** True while our virsh lacks the command, or the `command --option`, libvirt's tests use. */
function missing(entry: string): boolean {
  const [name, option] = entry.split(' --') as [string, string | undefined];
  const def = commandByName(name);
  if (!def) return true;
  // An option counts under its own name or one of its aliases (echo --str is echo --string).
  return option !== undefined && !def.options.some((o) => o.name === option || o.aliases?.some((a) => a.name === option));
}

const pendingCases = LIBVIRT_CASES.filter((c) => pendingFor(c).length > 0);
const differing = Object.keys(DIFFERING).length;
const identical = LIBVIRT_CASES.length - pendingCases.length - differing;
const perEntry = PENDING.map((p) => `${p} (${LIBVIRT_CASES.filter((c) => pendingFor(c).includes(p)).length})`).join(', ');

// The transcribed cases that run are in the conformance suite (conformance.test.ts); these
// hold the ones waiting for a command, and fail as soon as that command exists so they run.
describe(`libvirt's virsh tests: ${LIBVIRT_CASES.length} cases, ${identical} identical, ${differing} differ, ${pendingCases.length} pending`, () => {
  it(`pending entries are all still missing from our virsh: ${perEntry}`, () => {
    const added = PENDING.filter((p) => !missing(p));
    expect(added, 'these exist now: take them out of PENDING in libvirt-virsh-cases.ts so their cases run').toEqual([]);
  });

  it('every command the cases use that our virsh lacks is pending', () => {
    const lacking = new Set(
      LIBVIRT_CASES.flatMap(usedCommands).filter((used) => !used.includes(' ') && !commandByName(used)),
    );
    expect([...lacking].filter((name) => !PENDING.includes(name)).sort()).toEqual([]);
  });

  it('every pending entry holds back at least one case', () => {
    expect(PENDING.filter((p) => !LIBVIRT_CASES.some((c) => pendingFor(c).includes(p)))).toEqual([]);
  });

  it('the differing cases are cases, and run (none is pending)', () => {
    const byName = new Map(LIBVIRT_CASES.map((c) => [c.name, c]));
    for (const name of Object.keys(DIFFERING)) {
      const c = byName.get(name);
      expect(c, name).toBeDefined();
      expect(pendingFor(c as (typeof LIBVIRT_CASES)[number]), name).toEqual([]);
    }
  });

  it('case names are unique', () => {
    const names = LIBVIRT_CASES.map((c) => c.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});
