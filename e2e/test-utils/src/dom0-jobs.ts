/**
 * Several jobs in one boot of dom0: a boot costs 20-80 s (more under load) before any job runs,
 * so the real-Xen suite shares a few boots among its jobs. Each job has its own folder of the
 * boot's share (its working directory in dom0), its own time limit and its own outcome, and
 * starts from dom0 as it booted: the harness's run-jobs.sh puts dom0 back after each one.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Dom0Share, type ImageVariant, runInDom0, type XenstoredFlavour, xenHarnessDir } from './dom0.js';

/** The image and xenstored of a boot. */
export interface Dom0Boot {
  variant: ImageVariant;
  /** Xen's C xenstored (default) or the OCaml one. */
  xenstored?: XenstoredFlavour;
}

export interface Dom0BootJob {
  /** Its folder in the boot's share (staged before the boot) and the name its outcome goes by. */
  name: string;
  /** A shell command run in dom0, in the job's folder. */
  command: string;
  timeoutSeconds: number;
}

export type Dom0JobRun =
  | {
      booted: true;
      /** The job's exit status; 124 when it hit its limit, null when it never finished (dom0 died, the boot timed out). */
      code: number | null;
      /** The job's stdout and stderr (with a note when it did not finish). */
      output: string;
      seconds: number;
      boot: { readySeconds: number; totalSeconds: number; boots: number };
    }
  | { booted: false; reason: string; output: string; boots: number };

/** Seconds run-jobs.sh may take to put dom0 back after a job. */
const RESET_SECONDS = 30;

/** The job timeout of a boot running these jobs: each one's limit and the reset after it. */
export function bootTimeoutSeconds(jobs: readonly Pick<Dom0BootJob, 'timeoutSeconds'>[]): number {
  return jobs.reduce((total, job) => total + job.timeoutSeconds + RESET_SECONDS, 0);
}

/**
 * Boots dom0 once and runs the jobs in order, each in `share`'s folder of its name (staged by the
 * caller). A boot that fails for the harness's own reasons is tried once more (runInDom0); then
 * every job's outcome is `booted: false` with the reason.
 */
export async function runJobsInDom0(boot: Dom0Boot, share: Dom0Share, jobs: readonly Dom0BootJob[]): Promise<Map<string, Dom0JobRun>> {
  const control = share.path('.jobs');
  mkdirSync(control, { recursive: true });
  copyFileSync(join(xenHarnessDir, 'run-jobs.sh'), join(control, 'run-jobs.sh'));
  for (const job of jobs) {
    mkdirSync(join(control, job.name));
    writeFileSync(join(control, job.name, 'command'), `${job.command}\n`);
  }
  writeFileSync(join(control, 'order'), jobs.map((job) => `${job.name} ${job.timeoutSeconds}\n`).join(''));

  const run = await runInDom0({
    variant: boot.variant,
    share,
    command: 'sh .jobs/run-jobs.sh',
    timeoutSeconds: bootTimeoutSeconds(jobs),
    xenstored: boot.xenstored ?? 'xenstored',
  });
  const outcomes = new Map<string, Dom0JobRun>();
  for (const job of jobs) {
    if (!run.booted) {
      outcomes.set(job.name, run);
      continue;
    }
    const read = (file: string) => (existsSync(join(control, job.name, file)) ? readFileSync(join(control, job.name, file), 'utf8') : undefined);
    const rc = read('rc')?.trim();
    const code = rc === undefined ? null : Number(rc);
    let output = read('out.log') ?? '';
    if (code === null) output += `\n(no exit status: the boot ended before this job did; the boot's last lines:\n${run.output.split('\n').slice(-25).join('\n')})`;
    else if (code === 124) output += `\n(stopped at its limit of ${job.timeoutSeconds} s)`;
    outcomes.set(job.name, {
      booted: true,
      code,
      output,
      seconds: Number(read('seconds') ?? Number.NaN),
      boot: { readySeconds: run.readySeconds, totalSeconds: run.totalSeconds, boots: run.boots },
    });
  }
  return outcomes;
}
