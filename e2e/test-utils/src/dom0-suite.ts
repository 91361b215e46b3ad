/**
 * Real-Xen tests as jobs of a shared boot: a job stages its folder, names its command, and
 * registers its own tests, which read its outcome once the boot is done. describeDom0Boot boots
 * dom0 once for all the jobs given (in beforeAll) and gives each job a describe of its own, so a
 * failure names the job and the check. A job that cannot run here (REAL_XEN unset, packages not
 * built, an image or xenstored it does not fit) is left out of the boot and its tests skip, with
 * the reason printed.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { type Dom0Boot, type Dom0JobRun, bootTimeoutSeconds, runJobsInDom0 } from './dom0-jobs.js';
import { Dom0Share, dom0TestTimeout, type ImageVariant, imageIncludes, realXenUnavailable, type XenstoredFlavour } from './dom0.js';

export interface Dom0JobSpec {
  /** A folder name: the job's folder in the boot's share. */
  name: string;
  /** The describe its tests go in. */
  title: string;
  /** The smallest image the job needs (the libvirt image has everything the plain one has). */
  variant: ImageVariant;
  /** The xenstored the job needs, when it needs one in particular. */
  xenstored?: XenstoredFlavour;
  /** Why the job cannot run on this machine besides realXenUnavailable() (e.g. not built), or undefined. */
  unavailable(): string | undefined;
  /** Fills the job's folder (its working directory in dom0): Node, packages, scripts. */
  stage(share: Dom0Share): void;
  /** A shell command run in dom0, in the job's folder. */
  command: string;
  timeoutSeconds: number;
  /**
   * Registers the job's tests. `outcome()` is the job's run once the boot is done, and `share()`
   * its folder (what the job wrote there), until the boot's describe ends.
   */
  tests(outcome: () => Dom0JobRun, share: () => Dom0Share): void;
}

/** Why a job does not fit a boot, or undefined. */
function mismatch(boot: Dom0Boot, job: Dom0JobSpec): string | undefined {
  if (!imageIncludes(boot.variant, job.variant)) return `needs the ${job.variant} image, this boot has the ${boot.variant} one`;
  const xenstored = boot.xenstored ?? 'xenstored';
  if (job.xenstored !== undefined && job.xenstored !== xenstored) return `needs ${job.xenstored}, this boot runs ${xenstored}`;
  return undefined;
}

/** One boot of dom0 running `jobs` in order, each job's tests in a describe of its own. */
export function describeDom0Boot(title: string, boot: Dom0Boot, jobs: readonly Dom0JobSpec[]): void {
  const host = realXenUnavailable();
  const skipped = new Map(jobs.map((job) => [job.name, host ?? mismatch(boot, job) ?? job.unavailable()]));
  if (host !== undefined) console.warn(`skipping the real-Xen jobs of ${title} (${jobs.map((job) => job.name).join(', ')}): ${host}`);
  else {
    for (const job of jobs) {
      const reason = skipped.get(job.name);
      if (reason !== undefined) console.warn(`skipping the real-Xen job ${job.name} (${job.title}): ${reason}`);
    }
  }
  const runnable = jobs.filter((job) => skipped.get(job.name) === undefined);

  describe(title, () => {
    // made in beforeAll, not here: the body of a describe whose tests all skip still runs
    let root: Dom0Share | undefined;
    const shares = new Map<string, Dom0Share>();
    let outcomes = new Map<string, Dom0JobRun>();

    beforeAll(async () => {
      if (runnable.length === 0) return;
      root = new Dom0Share('xen-boot').addNode();
      for (const job of runnable) {
        const share = new Dom0Share(job.name, root);
        job.stage(share);
        shares.set(job.name, share);
      }
      outcomes = await runJobsInDom0(boot, root, runnable);
      for (const job of runnable) {
        const run = outcomes.get(job.name)!;
        if (run.booted) console.log(`real Xen (${title}): job ${job.name} status ${run.code} in ${run.seconds} s`);
      }
      const first = outcomes.values().next().value;
      if (first?.booted) console.log(`real Xen (${title}): dom0 ready after ${first.boot.readySeconds} s, boot and jobs ${first.boot.totalSeconds} s, ${first.boot.boots} boot(s)`);
    }, dom0TestTimeout(bootTimeoutSeconds(runnable)));
    afterAll(() => root?.remove());

    for (const job of jobs) {
      describe.skipIf(skipped.get(job.name) !== undefined)(job.title, () => {
        job.tests(
          // no outcome only when the boot's beforeAll threw, which fails the tests themselves
          () => outcomes.get(job.name) ?? { booted: false, reason: 'the boot did not run (its beforeAll failed)', output: '', boots: 0 },
          () => shares.get(job.name)!,
        );
      });
    }
  });
}
