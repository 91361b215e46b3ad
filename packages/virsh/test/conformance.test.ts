import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { CASES } from './conformance-cases.js';
import { expectConformant, expectedDir, runCase } from './conformance-harness.js';
import { realVirshPath, runOurVirsh, runRealVirsh, type VirshRun } from './run-virsh.js';

// With Debian's virsh installed (CI installs it) every case is compared with a live run;
// without it, with the output stored from such a run. UPDATE_VIRSH_FIXTURES=1 rewrites
// the stored outputs from the live virsh.
const update = process.env['UPDATE_VIRSH_FIXTURES'] === '1';

function expected(name: string, live: () => VirshRun): VirshRun {
  const file = join(expectedDir, `${name}.json`);
  if (realVirshPath) {
    const result = live();
    if (update || !existsSync(file)) {
      mkdirSync(expectedDir, { recursive: true });
      writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    }
    return result;
  }
  return JSON.parse(readFileSync(file, 'utf8')) as VirshRun;
}

describe(`conformance with virsh 9 (${realVirshPath ? `live ${realVirshPath}` : 'stored outputs'})`, () => {
  for (const c of CASES) {
    it(c.name, () => {
      const theirs = expected(c.name, () => runCase(runRealVirsh, c));
      const ours = runCase(runOurVirsh, c);
      expectConformant(c, ours, theirs);
      // Room for Debian's virsh to hang on a save and be run again (see run-virsh.ts).
    }, 60_000);
  }
});
