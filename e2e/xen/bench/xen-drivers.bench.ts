/**
 * virt's xenlight driver (our virsh on xen:///system, no daemon) against its peer, libvirt 9's
 * libxl driver (Debian's virsh 9 through libvirtd), on the real Xen 4.17 that e2e/xen boots in
 * QEMU: one boot of the libvirt image, one dom0 job (xen-drivers-in-dom0.sh) that measures CPU
 * time of whole virsh processes, rounds of both sides interleaved. Printed: start-up
 * (`list --all`), and per-command cost, (CPU of N commands in one invocation - CPU of one) / N,
 * of `dominfo Domain-0`, `domstate Domain-0` and `list --all`, each with its ratio (target: 0.5x
 * of virsh 9's or less), and libvirtd's own CPU meanwhile (the peer's other process). CPU under
 * TCG emulation: the ratios are what to read, not the milliseconds. A round takes about 3 minutes
 * there (each of our Node starts costs about 10 s of emulated CPU). Opt-in with REAL_XEN=1.
 */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Dom0Share, realXenUnavailable, runJobsInDom0 } from '@libvirt-ts/test-utils';
import { bench, describe } from 'vitest';
import { stageVirsh, virshNotBuilt } from '../test/jobs/virsh-build.js';

const JOB = 'xen-drivers-bench';
const COMMANDS = ['dominfo Domain-0', 'domstate Domain-0', 'list --all'];
/** Forwarded into dom0: commands per bulk invocation, rounds, and a folder to keep a CPU profile of ours in. */
const count = Number(process.env['XEN_BENCH_COUNT'] ?? 200);
const rounds = Number(process.env['XEN_BENCH_ROUNDS'] ?? 3);
const profileDir = process.env['XEN_BENCH_PROFILE_DIR'];

interface Sample {
  side: string;
  what: string;
  cpuMs: number;
  libvirtdMs: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Runs the job in one boot; its samples, or why there are none. */
async function measureInDom0(): Promise<Sample[] | string> {
  const root = new Dom0Share('xen-bench').addNode();
  try {
    const share = new Dom0Share(JOB, root);
    stageVirsh(share, ['libvirtd.sh']);
    share.addFile(fileURLToPath(new URL('./xen-drivers-in-dom0.sh', import.meta.url)));
    const env = `XEN_BENCH_COUNT=${count} XEN_BENCH_ROUNDS=${rounds}${profileDir ? ' XEN_BENCH_PROFILE=1' : ''}`;
    const runs = await runJobsInDom0({ variant: 'libvirt' }, root, [{ name: JOB, command: `${env} sh xen-drivers-in-dom0.sh`, timeoutSeconds: 900 }]);
    const run = runs.get(JOB)!;
    if (!run.booted) return `dom0 did not boot: ${run.reason}`;
    console.log(`real Xen: dom0 ready after ${run.boot.readySeconds} s, bench job status ${run.code} in ${run.seconds} s`);
    if (profileDir && existsSync(share.path('out/profile'))) cpSync(share.path('out/profile'), profileDir, { recursive: true });
    if (run.code !== 0 || !existsSync(share.path('out/cpu.tsv'))) return `the job failed (status ${run.code}):\n${run.output.slice(-3000)}`;
    return readFileSync(share.path('out/cpu.tsv'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => {
        const [side, what, , cpuMs, libvirtdMs] = line.split('\t');
        return { side: side!, what: what!, cpuMs: Number(cpuMs), libvirtdMs: Number(libvirtdMs) };
      });
  } finally {
    root.remove();
  }
}

/** Median CPU of one measurement of one side, its own and libvirtd's, ms. */
function cost(samples: Sample[], side: string, what: string): { own: number; daemon: number } {
  const mine = samples.filter((sample) => sample.side === side && sample.what === what);
  return { own: median(mine.map((s) => s.cpuMs)), daemon: median(mine.map((s) => s.libvirtdMs)) };
}

function report(samples: Sample[]): void {
  const start = { ours: cost(samples, 'ours', '1 x list --all'), peer: cost(samples, 'libvirt', '1 x list --all') };
  console.log(
    `real Xen, start-up "list --all" (CPU of the whole process, median of ${rounds}): ours ${start.ours.own.toFixed(0)} ms, ` +
      `virsh 9 ${start.peer.own.toFixed(0)} ms (+ libvirtd ${start.peer.daemon.toFixed(0)} ms): ${(start.ours.own / start.peer.own).toFixed(2)}x, ` +
      `${(start.ours.own / (start.peer.own + start.peer.daemon)).toFixed(2)}x with libvirtd`,
  );
  for (const command of COMMANDS) {
    const perCommand = (side: string) => {
      const [one, bulk] = [cost(samples, side, `1 x ${command}`), cost(samples, side, `${count} x ${command}`)];
      return { own: ((bulk.own - one.own) / count) * 1000, daemon: ((bulk.daemon - one.daemon) / count) * 1000 };
    };
    const [ours, peer] = [perCommand('ours'), perCommand('libvirt')];
    console.log(
      `real Xen, per-command CPU of "${command}" ((${count} in one invocation - 1) / ${count}): ours ${ours.own.toFixed(0)} us, ` +
        `virsh 9 ${peer.own.toFixed(0)} us + libvirtd ${peer.daemon.toFixed(0)} us: ${(ours.own / peer.own).toFixed(2)}x virsh 9's, ` +
        `${(ours.own / (peer.own + peer.daemon)).toFixed(2)}x with libvirtd (target 0.5x)`,
    );
  }
}

const unavailable = realXenUnavailable() ?? virshNotBuilt();
let outcome: Sample[] | string = `skipped: ${unavailable}`;
if (unavailable === undefined) outcome = await measureInDom0();
if (typeof outcome === 'string') console.log(`xen-drivers bench (xenlight driver against libvirt 9's libxl driver): ${outcome}`);
else report(outcome);

// vitest bench wants a bench in the file: what reading the job's samples costs, when there are some.
describe.skipIf(typeof outcome === 'string')('xen-drivers bench (results printed above)', () => {
  bench('median of the job samples', () => void report.length, { iterations: 1, time: 0 });
});
