// Runs in dom0 (see in-dom0.sh): every scenario of scenarios.mjs with one side's virsh, and the
// timed commands several times, writing out/SIDE.json. It checks nothing itself: the host test
// compares the two sides' records.
//
// libvirt 9's side runs its virsh binary per step. Ours runs every step in this one Node process,
// through the virsh package's runVirsh(argv, io), the function its bin runs: a fresh Node start
// costs about 3.5 s in the TCG-emulated dom0, which made our side take 400 s. The timed commands
// are still run as real processes on both sides, so the report compares what a user waits for.
// usage: node run-scenarios.mjs libvirt|ours
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { scenarios, timed } from './scenarios.mjs';

const side = process.argv[2];
if (side !== 'libvirt' && side !== 'ours') throw new Error(`usage: run-scenarios.mjs libvirt|ours (got ${side})`);
const OURS_BIN = new URL('./node_modules/@libvirt-ts/virsh/dist/virsh.cjs', import.meta.url).pathname;
const { runVirsh } = side === 'ours' ? await import('./node_modules/@libvirt-ts/virsh/dist/index.js') : {};
/** One command must not hold up the rest: libvirt 9 and ours both answer in seconds (creates in 30 s under load). */
const STEP_TIMEOUT_MS = 90_000;
/** A shell step waits for the guest (its loops stop at 180 s). */
const SHELL_TIMEOUT_MS = 200_000;
/** How often each timed command runs as a process (the report gives the median). */
const TIMED_RUNS = 3;
/**
 * A side that is this slow in all (a driver that stalls on every command) stops here: its
 * remaining steps are recorded as not run, so they fail and the boot stays within its timeout.
 * Each side's 75 steps took 140-450 s in the emulated dom0 (idle to heavily loaded machine);
 * both budgets together stay within the job's limit (test/jobs/virsh-vs-libvirt.ts).
 */
const SIDE_BUDGET_MS = side === 'ours' ? 480_000 : 540_000;
const sideStart = Date.now();

/** virsh's arguments for a step: the side's URI, -r, then the step's words. */
function virshArgs(step, uri) {
  return ['-c', uri, ...(step.readOnly ? ['-r'] : []), ...step.virsh.split(' ')];
}

/** A step as its own process: libvirt 9's virsh, a shell command, or our bin (timings). */
function spawned(command, args, timeout = STEP_TIMEOUT_MS) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout });
  return { stdout: result.stdout ?? '', stderr: result.stderr ?? '', rc: result.status, signal: result.signal, error: result.error?.message };
}

/** Our virsh in this process: what the bin would print and its exit status. */
async function inProcess(args) {
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: {
      write(text) {
        out.stdout += text;
      },
    },
    stderr: {
      write(text) {
        out.stderr += text;
      },
    },
    env: process.env,
    stdinIsTTY: false,
    stderrIsTTY: false,
  };
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve(null), STEP_TIMEOUT_MS);
  });
  try {
    const rc = await Promise.race([runVirsh(args, io), timeout]);
    return { ...out, rc, ...(rc === null ? { error: `no answer within ${STEP_TIMEOUT_MS} ms` } : {}) };
  } catch (error) {
    return { ...out, rc: null, error: `runVirsh threw: ${error?.stack ?? error}` };
  } finally {
    clearTimeout(timer);
  }
}

async function runStep(step, oursUri) {
  if (Date.now() - sideStart > SIDE_BUDGET_MS) {
    return { stdout: '', stderr: `not run: this side used up its ${SIDE_BUDGET_MS / 1000} s\n`, rc: null, ms: 0 };
  }
  const start = process.hrtime.bigint();
  let result;
  if (step.sh !== undefined) result = spawned('sh', ['-c', step.sh], SHELL_TIMEOUT_MS);
  else if (side === 'libvirt') result = spawned('virsh', virshArgs(step, 'xen:///system'));
  else result = await inProcess(virshArgs(step, oursUri ?? 'xen:///'));
  return { ...result, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

/** One timed command as a process of its own, as a user runs it. */
function timedRun(command) {
  const start = process.hrtime.bigint();
  const args = virshArgs({ virsh: command }, side === 'libvirt' ? 'xen:///system' : 'xen:///');
  const result = side === 'libvirt' ? spawned('virsh', args) : spawned(process.execPath, [OURS_BIN, ...args]);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.rc !== 0) console.log(`${side} | timed ${command} failed (${result.rc}): ${result.stderr}`);
  return ms;
}

const record = { side, scenarios: [], timings: {}, inProcessTimings: {} };
for (const scenario of scenarios) {
  const steps = [];
  for (const step of scenario.steps) {
    if (step.side !== undefined && step.side !== side) continue;
    const outcome = await runStep(step, scenario.oursUri);
    steps.push({ ...step, ...outcome });
    console.log(`${side} | ${scenario.name} | ${step.virsh ?? step.sh} -> ${outcome.rc} (${Math.round(outcome.ms)} ms)`);
  }
  record.scenarios.push({ name: scenario.name, steps });
}
for (const command of timed) {
  record.timings[command] = Array.from({ length: TIMED_RUNS }, () => timedRun(command));
  if (side === 'ours') record.inProcessTimings[command] = [(await runStep({ virsh: command })).ms];
}
mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
writeFileSync(new URL(`./out/${side}.json`, import.meta.url), `${JSON.stringify(record, null, 1)}\n`);
console.log(`${side}: ${record.scenarios.length} scenarios recorded in ${Math.round((Date.now() - sideStart) / 1000)} s`);
