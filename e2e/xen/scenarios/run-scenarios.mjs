// Runs in dom0 (see in-dom0.sh): every scenario of scenarios.mjs with one side's virsh, and the
// timed commands several times, writing out/SIDE.json. It checks nothing itself: the host test
// compares the two sides' records.
// usage: node run-scenarios.mjs libvirt|ours
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { scenarios, timed } from './scenarios.mjs';

const side = process.argv[2];
if (side !== 'libvirt' && side !== 'ours') throw new Error(`usage: run-scenarios.mjs libvirt|ours (got ${side})`);
const virshCommand =
  side === 'libvirt'
    ? () => ['virsh', ['-c', 'xen:///system']]
    : (uri) => [process.execPath, [new URL('./node_modules/@libvirt-ts/virsh/dist/virsh.cjs', import.meta.url).pathname, '-c', uri ?? 'xen:///']];
/** One command must not hold up the rest: libvirt 9 and ours both answer in seconds. */
const STEP_TIMEOUT_MS = 60_000;
/**
 * A side that is this slow in all (a driver that stalls on every command) stops here: its
 * remaining steps are recorded as not run, so they fail and the boot stays within its timeout.
 * libvirt 9's side, the reference, has more (its commands take 1-8 s each in the emulated dom0).
 */
const SIDE_BUDGET_MS = side === 'ours' ? 700_000 : 600_000;
const sideStart = Date.now();

function runStep(step, oursUri) {
  if (Date.now() - sideStart > SIDE_BUDGET_MS) {
    return { stdout: '', stderr: `not run: this side used up its ${SIDE_BUDGET_MS / 1000} s\n`, rc: null, signal: null, ms: 0 };
  }
  const start = process.hrtime.bigint();
  let result;
  if (step.sh !== undefined) {
    result = spawnSync('sh', ['-c', step.sh], { encoding: 'utf8', timeout: STEP_TIMEOUT_MS });
  } else {
    const [command, base] = virshCommand(oursUri);
    const args = [...base, ...(step.readOnly ? ['-r'] : []), ...step.virsh.split(' ')];
    result = spawnSync(command, args, { encoding: 'utf8', timeout: STEP_TIMEOUT_MS });
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { stdout: result.stdout ?? '', stderr: result.stderr ?? '', rc: result.status, signal: result.signal, error: result.error?.message, ms };
}

const record = { side, scenarios: [], timings: {} };
for (const scenario of scenarios) {
  const steps = [];
  for (const step of scenario.steps) {
    if (step.side !== undefined && step.side !== side) continue;
    const outcome = runStep(step, scenario.oursUri);
    steps.push({ ...step, ...outcome });
    console.log(`${side} | ${scenario.name} | ${step.virsh ?? step.sh} -> ${outcome.rc} (${Math.round(outcome.ms)} ms)`);
  }
  record.scenarios.push({ name: scenario.name, steps });
}
for (const command of timed) {
  record.timings[command] = Array.from({ length: 5 }, () => runStep({ virsh: command }).ms);
}
mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
writeFileSync(new URL(`./out/${side}.json`, import.meta.url), `${JSON.stringify(record, null, 1)}\n`);
console.log(`${side}: ${record.scenarios.length} scenarios recorded`);
