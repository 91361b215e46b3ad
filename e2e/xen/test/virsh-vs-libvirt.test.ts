/**
 * Our virsh against libvirt 9's on a real Xen 4.17, in one boot of the libvirt image: the
 * scenarios of ../scenarios/scenarios.mjs run in dom0 with libvirt 9's virsh on xen:///system,
 * then with ours (this machine's Node and the built virsh bundle shared into dom0) on xen:///.
 * Each scenario is one test: any difference after masking CPU time and guest ids is a failure;
 * scenarios in ../scenarios/expected-failures.mjs run as expected failures, with their reason.
 * Opt-in with REAL_XEN=1 (.ci/run's real-Xen suite sets it); a boot that fails for the
 * harness's own reasons skips every scenario, saying why.
 */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type Dom0Run,
  Dom0Share,
  dom0TestTimeout,
  realXenUnavailable,
  runInDom0,
  skipUnlessBooted,
  unbuiltPackages,
} from '@libvirt-ts/test-utils';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { expectedFailures } from '../scenarios/expected-failures.mjs';
import { mask } from '../scenarios/mask.mjs';
import { scenarios, timed } from '../scenarios/scenarios.mjs';

/** Both sides' scenarios in dom0: a few minutes; each side stops at its budget (run-scenarios.mjs). */
const SUITE_TIMEOUT_SECONDS = 1200;
const scenarioDir = fileURLToPath(new URL('../scenarios/', import.meta.url));
const virshRoot = fileURLToPath(new URL('../../../packages/virsh/', import.meta.url));
const unbuilt = unbuiltPackages(virshRoot);
const missing =
  realXenUnavailable() ??
  (unbuilt.length > 0 || !existsSync(`${virshRoot}/dist/virsh.cjs`) ? `not built: ${['@libvirt-ts/virsh', ...unbuilt].join(', ')} (pnpm build)` : undefined);
if (missing) console.warn(`skipping the virsh vs libvirt 9 real-Xen suite: ${missing}`);

interface StepRecord {
  virsh?: string;
  sh?: string;
  readOnly?: boolean;
  side?: 'libvirt' | 'ours';
  expect?: string | { stdout: string; stderr: string; rc: number };
  stdout: string;
  stderr: string;
  rc: number | null;
  ms: number;
}
interface SideRecord {
  scenarios: { name: string; steps: StepRecord[] }[];
  /** Each timed command run as a process of its own, ms. */
  timings: Record<string, number[]>;
  /** Ours only: the same command through runVirsh in the running scenario process, ms. */
  inProcessTimings?: Record<string, number[]>;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const label = (step: StepRecord) => `${step.readOnly ? '-r ' : ''}${step.virsh ?? `sh: ${step.sh}`}`;
/** What is compared of a virsh step: its output masked, and its exit status. */
const observed = (step: StepRecord) => ({
  stdout: mask(step.virsh ?? '', step.stdout),
  stderr: mask(step.virsh ?? '', step.stderr),
  rc: step.rc,
});

describe.skipIf(missing !== undefined)('virsh -c xen:/// vs libvirt 9 virsh -c xen:///system, one boot of Xen 4.17', () => {
  let share: Dom0Share | undefined; // made in beforeAll: a skipped suite's body still runs
  let dom0: Dom0Run | undefined;
  let sides: { libvirt: SideRecord; ours: SideRecord } | undefined;

  beforeAll(async () => {
    const staged = new Dom0Share('xen-e2e').addNode().addPackages(virshRoot);
    for (const file of ['scenarios.mjs', 'run-scenarios.mjs', 'in-dom0.sh', 'libvirtd.sh']) staged.addFile(`${scenarioDir}/${file}`);
    share = staged;
    dom0 = await runInDom0({ variant: 'libvirt', share: staged, command: 'sh in-dom0.sh', timeoutSeconds: SUITE_TIMEOUT_SECONDS });
    if (dom0.booted) {
      const read = (side: string) =>
        existsSync(staged.path(`out/${side}.json`)) ? (JSON.parse(readFileSync(staged.path(`out/${side}.json`), 'utf8')) as SideRecord) : undefined;
      const [libvirt, ours] = [read('libvirt'), read('ours')];
      if (libvirt && ours) sides = { libvirt, ours };
    }
  }, dom0TestTimeout(SUITE_TIMEOUT_SECONDS));
  afterAll(() => {
    if (sides) {
      const { ours, libvirt } = sides;
      const ms = (values: number[] | undefined) => `${median(values ?? []).toFixed(0)} ms`;
      const row = (command: string) =>
        `${command}: ours ${ms(ours.timings[command])} (${ms(ours.inProcessTimings?.[command])} in process), libvirt 9 ${ms(libvirt.timings[command])}`;
      console.log(`real Xen, same boot, process start to exit, medians (TCG-emulated dom0): ${timed.map(row).join('; ')}`);
    }
    if (dom0?.booted) console.log(`real Xen: dom0 ready after ${dom0.readySeconds} s, boot and suite ${dom0.totalSeconds} s, ${dom0.boots} boot(s)`);
    // XEN_E2E_RECORDS_DIR keeps both sides' records and dom0's `xl info` for a closer look
    const keep = process.env.XEN_E2E_RECORDS_DIR;
    if (keep && share && existsSync(share.path('out'))) cpSync(share.path('out'), keep, { recursive: true });
    share?.remove();
  });

  it('boots and records every scenario on both sides', (context) => {
    const run = dom0!;
    skipUnlessBooted(context, run);
    expect(sides, `no records from dom0 (status ${run.code}):\n${run.output.slice(-4000)}`).toBeDefined();
    expect(run.code).toBe(0);
  });

  /** The two sides' records of one scenario; skips when dom0 never booted or left no records. */
  function recordsOf(context: TestContext, name: string) {
    skipUnlessBooted(context, dom0!);
    if (!sides) return context.skip('no records from dom0 (see "boots and records every scenario on both sides")');
    const find = (side: SideRecord) => side.scenarios.find((s) => s.name === name)!;
    return { libvirt: find(sides.libvirt), ours: find(sides.ours) };
  }

  for (const scenario of scenarios) {
    const reason = (expectedFailures as Record<string, string>)[scenario.name];
    const test = reason ? it.fails : it;
    test(reason ? `${scenario.name} [expected failure: ${reason}]` : scenario.name, (context) => {
      const { libvirt, ours } = recordsOf(context, scenario.name);
      const peerSteps = libvirt.steps.filter((step) => step.side === undefined);
      const ourSteps = ours.steps.filter((step) => step.side === undefined);
      for (const [index, step] of ourSteps.entries()) {
        if (step.virsh !== undefined && step.expect === undefined) {
          expect(observed(step), `virsh ${label(step)} (libvirt 9 printed the expected side)`).toEqual(observed(peerSteps[index]!));
        }
      }
      // State checks against xl, and the steps whose outcome is stated instead of libvirt 9's.
      for (const [where, record] of [['libvirt 9', libvirt], ['ours', ours]] as const) {
        for (const step of record.steps) {
          if (typeof step.expect === 'string') expect(step.stdout, `${where}: ${label(step)}`).toBe(step.expect);
          else if (step.expect !== undefined) expect(observed(step), `${where}: virsh ${label(step)}`).toEqual(step.expect);
        }
      }
    });
  }
});
