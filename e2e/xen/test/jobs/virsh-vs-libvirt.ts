/**
 * Our virsh against libvirt 9's on a real Xen 4.17, a job of the libvirt image's boot: the
 * scenarios of ../../scenarios/scenarios.mjs run in dom0 with libvirt 9's virsh on
 * xen:///system, then with ours (this machine's Node and the built virsh bundle staged into dom0)
 * on xen:///. Each scenario is one test: any difference after masking CPU time and guest ids is a
 * failure; scenarios in ../../scenarios/expected-failures.mjs run as expected failures, with their
 * reason.
 */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { type Dom0JobRun, type Dom0JobSpec, type Dom0Share, skipUnlessBooted } from '@libvirt-ts/test-utils';
import { afterAll, expect, it, type TestContext } from 'vitest';
import { expectedFailures } from '../../scenarios/expected-failures.mjs';
import { mask } from '../../scenarios/mask.mjs';
import { scenarios, timed } from '../../scenarios/scenarios.mjs';
import { stageVirsh, virshNotBuilt } from './virsh-build.js';

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

/** Both sides' records, once the job ran and left them. */
function readSides(share: Dom0Share): { libvirt: SideRecord; ours: SideRecord } | undefined {
  const read = (side: string) =>
    existsSync(share.path(`out/${side}.json`)) ? (JSON.parse(readFileSync(share.path(`out/${side}.json`), 'utf8')) as SideRecord) : undefined;
  const [libvirt, ours] = [read('libvirt'), read('ours')];
  return libvirt && ours ? { libvirt, ours } : undefined;
}

export const virshVsLibvirtJob: Dom0JobSpec = {
  name: 'virsh-vs-libvirt',
  title: 'virsh -c xen:/// vs libvirt 9 virsh -c xen:///system on Xen 4.17',
  variant: 'libvirt',
  unavailable: virshNotBuilt,
  stage: (share) => stageVirsh(share, ['scenarios.mjs', 'run-scenarios.mjs', 'in-dom0.sh', 'libvirtd.sh']),
  command: 'sh in-dom0.sh',
  /** Both sides' scenarios in dom0: a few minutes; each side stops at its budget (run-scenarios.mjs). */
  timeoutSeconds: 1200,
  tests(outcome, share) {
    let sides: ReturnType<typeof readSides>;
    let read = false;
    /** The job's run, and both sides' records when it left them. */
    const job = (): { run: Dom0JobRun; sides: typeof sides } => {
      const run = outcome();
      if (!read && run.booted) sides = readSides(share());
      read = true;
      return { run, sides };
    };

    afterAll(() => {
      const { sides: records } = job();
      if (records) {
        const { ours, libvirt } = records;
        const ms = (values: number[] | undefined) => `${median(values ?? []).toFixed(0)} ms`;
        const row = (command: string) =>
          `${command}: ours ${ms(ours.timings[command])} (${ms(ours.inProcessTimings?.[command])} in process), libvirt 9 ${ms(libvirt.timings[command])}`;
        console.log(`real Xen, same boot, process start to exit, medians (TCG-emulated dom0): ${timed.map(row).join('; ')}`);
      }
      // XEN_E2E_RECORDS_DIR keeps both sides' records and dom0's `xl info` for a closer look
      const keep = process.env.XEN_E2E_RECORDS_DIR;
      if (keep && existsSync(share().path('out'))) cpSync(share().path('out'), keep, { recursive: true });
    });

    it('records every scenario on both sides', (context) => {
      const { run, sides: records } = job();
      skipUnlessBooted(context, run);
      expect(records, `no records from dom0 (status ${run.code}):\n${run.output.slice(-4000)}`).toBeDefined();
      expect(run.code).toBe(0);
    });

    /** The two sides' records of one scenario; skips when dom0 never booted or left no records. */
    function recordsOf(context: TestContext, name: string) {
      const { run, sides: records } = job();
      skipUnlessBooted(context, run);
      if (!records) return context.skip('no records from dom0 (see "records every scenario on both sides")');
      const find = (side: SideRecord) => side.scenarios.find((s) => s.name === name)!;
      return { libvirt: find(records.libvirt), ours: find(records.ours) };
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
  },
};
