/**
 * The dom0 runner: boots Xen 4.17 with a Debian 12 dom0 in QEMU (the project's harness in
 * e2e/xen/harness), shares a folder holding this machine's Node binary and the built packages
 * into dom0 at /mnt/share, runs one shell command there, and hands back its output and status.
 *
 * A boot that fails for the harness's own reasons (the images cannot be built, QEMU fails,
 * dom0 never comes up) is retried once and then reported as not booted, with the reason, so
 * a test can skip saying why instead of passing or failing on something it did not check.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onPath, run } from './run.js';

export type ImageVariant = 'plain' | 'libvirt';
export type XenstoredFlavour = 'xenstored' | 'oxenstored';

/** Whether an image has everything another has: the libvirt image is the plain one plus libvirt 9. */
export function imageIncludes(image: ImageVariant, needed: ImageVariant): boolean {
  return image === needed || (image === 'libvirt' && needed === 'plain');
}

/** The harness scripts: build-images.sh, run-in-xen.sh and what they build from. */
export const xenHarnessDir = fileURLToPath(new URL('../../xen/harness/', import.meta.url));

/** The environment variable that opts in to booting Xen (about a minute, 2 CPUs, 2.5 GB a boot). */
export const REAL_XEN_OPT_IN = 'REAL_XEN';

/**
 * Where the images of a variant for this harness's stamp live (built or not). XENCI_IMAGES
 * names another folder instead, for trying an image by hand (run-in-xen.sh honours it too).
 */
export function imagesDir(variant: ImageVariant): string {
  if (process.env['XENCI_IMAGES']) return process.env['XENCI_IMAGES'];
  return execFileSync('bash', ['-c', '. "$0/common.sh" && images_dir "$1"', xenHarnessDir, variant], { encoding: 'utf8' }).trim();
}

function imagesBuilt(variant: ImageVariant): boolean {
  const dir = imagesDir(variant);
  return ['xen.elf', 'vmlinuz', 'initrd.img', 'dom0.ext4', 'STAMP'].every((file) => existsSync(join(dir, file)));
}

/** Why real-Xen tests cannot run on this machine, or undefined when they can. */
export function realXenUnavailable(): string | undefined {
  if (process.env[REAL_XEN_OPT_IN] !== '1') {
    return `opt-in (boots Xen 4.17 in QEMU: about a minute, 2 CPUs, 2.5 GB): set ${REAL_XEN_OPT_IN}=1`;
  }
  if (!onPath('qemu-system-x86_64')) return 'qemu-system-x86_64 is not installed (Debian: qemu-system-x86)';
  if (process.getuid?.() !== 0) return 'building the Xen images needs root (debootstrap, chroot)';
  return undefined;
}

/**
 * A host folder shared into dom0 at /mnt/share (the job's working directory there); or, with a
 * parent, the folder `name` inside the parent's share (one job's folder in a shared boot).
 */
export class Dom0Share {
  readonly dir: string;
  private readonly parent: Dom0Share | undefined;

  constructor(name: string, parent?: Dom0Share) {
    this.parent = parent;
    this.dir = parent ? parent.path(name) : mkdtempSync(join(tmpdir(), `${name}-`));
    if (parent) mkdirSync(this.dir);
    // Readable by unprivileged users in dom0 (9p keeps the host's modes).
    chmodSync(this.dir, 0o755);
  }

  /**
   * This machine's Node as ./node: dom0 has Debian's Node 18, and the same Debian 12 libraries.
   * A hard link to the parent's copy when it has one (a 100 MB copy per job otherwise).
   */
  addNode(): this {
    const parentNode = this.parent?.path('node');
    if (parentNode && existsSync(parentNode)) linkSync(parentNode, this.path('node'));
    else cpSync(process.execPath, this.path('node'));
    return this;
  }

  /** Copies a file or folder to `name` inside the share. */
  addFile(source: string, name = basename(source)): this {
    cpSync(source, join(this.dir, name), { recursive: true, dereference: true });
    return this;
  }

  /**
   * Copies the built package at `packageRoot` and its runtime dependency closure into one flat
   * node_modules in the share, as an installer would; workspace packages as published
   * (package.json, dist, prebuilds), others whole.
   */
  addPackages(packageRoot: string): this {
    for (const [name, dir] of runtimeClosure(packageRoot)) {
      const target = join(this.dir, 'node_modules', name);
      mkdirSync(target, { recursive: true });
      const parts = name.startsWith('@libvirt-ts/') ? ['package.json', 'dist', 'native/prebuilds', 'prebuilds'] : ['.'];
      for (const part of parts) {
        if (existsSync(join(dir, part))) cpSync(join(dir, part), join(target, part), { recursive: true, dereference: true });
      }
      rmSync(join(target, 'node_modules'), { recursive: true, force: true });
    }
    return this;
  }

  path(...parts: string[]): string {
    return join(this.dir, ...parts);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

interface PackageJson {
  name: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** A package and what it needs at run time, by name -> package folder. */
function runtimeClosure(packageRoot: string): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (dir: string) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
    if (found.has(manifest.name)) return;
    found.set(manifest.name, dir);
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) visit(packageDir(dep, dir));
  };
  visit(packageRoot);
  return found;
}

/** Where Node finds `dep` from `dir` (node_modules up the tree), without going through `exports`. */
function packageDir(dep: string, dir: string): string {
  for (let at = dir; ; at = dirname(at)) {
    const candidate = join(at, 'node_modules', dep);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (at === dirname(at)) throw new Error(`cannot find ${dep} from ${dir}`);
  }
}

/** The built workspace packages of a closure that are not built yet (no dist/). */
export function unbuiltPackages(packageRoot: string): string[] {
  return [...runtimeClosure(packageRoot)]
    .filter(([name, dir]) => name.startsWith('@libvirt-ts/') && !existsSync(join(dir, 'dist')))
    .map(([name]) => name);
}

/**
 * Why a job cannot stage these packages into dom0: `not built: NAMES (pnpm build)` when a
 * workspace package of their closures has no dist/, or a built file the job runs (`builtFiles`,
 * each `[package name, path]`) is missing; undefined when everything is built.
 */
export function notBuilt(packageRoots: string[], builtFiles: [name: string, path: string][] = []): string | undefined {
  const names = new Set([
    ...builtFiles.filter(([, path]) => !existsSync(path)).map(([name]) => name),
    ...packageRoots.flatMap((root) => unbuiltPackages(root)),
  ]);
  return names.size > 0 ? `not built: ${[...names].join(', ')} (pnpm build)` : undefined;
}

export interface Dom0Job {
  variant: ImageVariant;
  share: Dom0Share;
  /** A shell command run in dom0, in /mnt/share. */
  command: string;
  /** For the command and power-off, from dom0 ready (default 600); the boot has its own timeout. */
  timeoutSeconds?: number;
  /** Which xenstored dom0 runs: Xen's C one (default) or the OCaml one. */
  xenstored?: XenstoredFlavour;
}

/** Until dom0 is ready: about 20 s on an idle machine, minutes on a busy one. */
const BOOT_TIMEOUT_SECONDS = 420;
/** Building both image variants: about 2 minutes idle, 20 on a busy machine. */
const IMAGE_BUILD_SECONDS = 1800;

/**
 * A vitest timeout (ms) for a test that calls runInDom0 once with this job timeout: room for
 * an image build and two boots, so that the harness's own trouble ends in a skip, not a timeout.
 */
export function dom0TestTimeout(jobTimeoutSeconds = 600): number {
  return (IMAGE_BUILD_SECONDS + 2 * (BOOT_TIMEOUT_SECONDS + jobTimeoutSeconds + 60)) * 1000;
}

export type Dom0Run =
  | {
      booted: true;
      /** The command's exit status; null when it never finished (timeout, crash). */
      code: number | null;
      /** The command's stdout and stderr, then the harness's summary lines. */
      output: string;
      /** Seconds from QEMU's start until xenstored answered in dom0. */
      readySeconds: number;
      totalSeconds: number;
      boots: number;
    }
  | { booted: false; reason: string; output: string; boots: number };

/** Builds the variant's images unless cached (one try more if that fails); the reason when it cannot. */
export async function ensureImages(variant: ImageVariant): Promise<string | undefined> {
  let last = '';
  for (let attempt = 1; attempt <= 2; attempt++) {
    if (imagesBuilt(variant)) return undefined;
    const build = await run('bash', [join(xenHarnessDir, 'build-images.sh'), variant]);
    if (build.code === 0 && imagesBuilt(variant)) return undefined;
    last = build.output.trim().split('\n').slice(-8).join('\n');
  }
  return `the ${variant} Xen images could not be built (twice):\n${last}`;
}

/** Parses run-in-xen.sh's `result` line: ready=SEC|never rc=N|none killed=... total=SEC. */
function parseResult(line: string): Record<string, string> {
  return Object.fromEntries(line.trim().split(/\s+/).map((field) => field.split('=', 2) as [string, string]));
}

/**
 * Boots dom0 and runs the job once. A failed boot (images, QEMU, dom0 never ready) is tried
 * once more; after that the run is `booted: false` with the reason.
 */
export async function runInDom0(job: Dom0Job): Promise<Dom0Run> {
  const unbuildable = await ensureImages(job.variant);
  if (unbuildable) return { booted: false, reason: unbuildable, output: '', boots: 0 };
  const jobDir = `${job.share.dir}.job`;
  let failure = { reason: '', output: '' };
  for (let boots = 1; boots <= 2; boots++) {
    const booted = await run(
      'bash',
      [
        join(xenHarnessDir, 'run-in-xen.sh'),
        ...['-I', job.variant, '-b', String(BOOT_TIMEOUT_SECONDS), '-t', String(job.timeoutSeconds ?? 600)],
        ...['-x', job.xenstored ?? 'xenstored'],
        ...['-k', jobDir, '-s', job.share.dir, '--', job.command],
      ],
      { timeoutMs: ((job.timeoutSeconds ?? 600) + BOOT_TIMEOUT_SECONDS + 60) * 1000 },
    );
    const result = existsSync(join(jobDir, 'result')) ? parseResult(readFileSync(join(jobDir, 'result'), 'utf8')) : {};
    if (result['ready'] !== undefined && result['ready'] !== 'never') {
      const code = result['rc'] === 'none' ? null : Number(result['rc']);
      // kept when the job failed: its console.log shows what dom0 and Xen said
      if (code === 0) rmSync(jobDir, { recursive: true, force: true });
      return {
        booted: true,
        code,
        output: code === 0 ? booted.output : `${booted.output}\n(job folder kept: ${jobDir})`,
        readySeconds: Number(result['ready']),
        totalSeconds: Number(result['total']),
        boots,
      };
    }
    const why = result['killed'] && result['killed'] !== 'no' ? ` (${result['killed']})` : '';
    failure = { reason: `dom0 did not come up${why}, qemu status ${result['qemu_rc'] ?? booted.code}`, output: booted.output };
    console.warn(`boot ${boots} of Xen (${job.variant}) failed: ${failure.reason}\n${booted.output.split('\n').slice(-15).join('\n')}`);
  }
  rmSync(jobDir, { recursive: true, force: true });
  return { booted: false, reason: `${failure.reason}, twice`, output: failure.output, boots: 2 };
}

/**
 * Skips the running test, saying why, when dom0 never booted (the harness's fault, not the
 * code under test); printed too, so a skipped real-Xen check is never silent.
 */
export function skipUnlessBooted<Outcome extends { booted: true } | { booted: false; reason: string }>(
  context: { skip: (note?: string) => never },
  outcome: Outcome,
): asserts outcome is Extract<Outcome, { booted: true }> {
  if (outcome.booted) return;
  const { reason } = outcome as { reason: string };
  console.warn(`SKIPPED real-Xen check: ${reason}`);
  context.skip(reason);
}
