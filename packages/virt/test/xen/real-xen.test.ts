/**
 * The Xen drivers on a real Xen 4.17 host: boots ../shared/xen-qemu's QEMU image, stages the built
 * packages (a flat node_modules) and this machine's Node 20 into dom0, and runs real-xen/in-dom0.mjs
 * there, which opens xen:/// and checks every answer against `xl`. Needs qemu-system-x86_64, the
 * images (build-images.sh) and `pnpm build`; opt-in with VIRT_REAL_XEN=1 (as .ci/run's real-Xen
 * step sets it); skips with the reason otherwise.
 */
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
const xenciDir = process.env['XENCI_DIR'] ?? '/work/shared/xen-qemu';
const images = process.env['XENCI_IMAGES'] ?? '/var/tmp/xenci/images';
const runInXen = join(xenciDir, 'run-in-xen.sh');
/** What ends up in dom0 of each package: enough for Node to import and run it. */
const PACKAGE_PARTS = ['package.json', 'dist', 'native/prebuilds'];

interface PackageJson {
  name: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

function onPath(command: string): boolean {
  return (process.env['PATH'] ?? '').split(':').some((dir) => existsSync(join(dir, command)));
}

/** The runtime dependency closure of virt, by name -> package directory. */
function runtimeClosure(): Map<string, string> {
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

const unbuilt = () => [...runtimeClosure()].filter(([name, dir]) => name.startsWith('@libvirt-ts/') && !existsSync(join(dir, 'dist/index.js')));

const missing = process.env['VIRT_REAL_XEN'] !== '1'
  ? 'opt-in (about 2 minutes, 2 CPUs, 2.5 GB): set VIRT_REAL_XEN=1 to boot Xen in QEMU for it'
  : !onPath('qemu-system-x86_64')
  ? 'qemu-system-x86_64 is not installed (Debian: qemu-system-x86)'
  : !existsSync(runInXen)
    ? `${runInXen} not found (set XENCI_DIR)`
    : !['xen.elf', 'vmlinuz', 'initrd.img', 'dom0.ext4'].every((f) => existsSync(join(images, f)))
      ? `no Xen images in ${images} (run build-images.sh with XENCI_IMAGES=${images})`
      : unbuilt().length > 0
        ? `not built: ${unbuilt()
            .map(([name]) => name)
            .join(', ')} (pnpm build)`
        : undefined;
if (missing) console.warn(`skipping the real-Xen test of the Xen drivers: ${missing}`);

/** Copies every package of the closure into one flat node_modules, as an installer would. */
function stagePackages(share: string): void {
  for (const [name, dir] of runtimeClosure()) {
    const target = join(share, 'node_modules', name);
    mkdirSync(target, { recursive: true });
    const parts = name.startsWith('@libvirt-ts/') ? PACKAGE_PARTS : ['.'];
    for (const part of parts) {
      if (existsSync(join(dir, part))) cpSync(join(dir, part), join(target, part), { recursive: true, dereference: true });
    }
    rmSync(join(target, 'node_modules'), { recursive: true, force: true });
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe.skipIf(missing !== undefined)('the Xen drivers on a real Xen 4.17 (QEMU)', () => {
  const share = mkdtempSync(join(tmpdir(), 'virt-xen-'));
  chmodSync(share, 0o755);
  afterAll(() => rmSync(share, { recursive: true, force: true }));

  it('opens xen:/// read-only over privcmd and xenstored and answers as xl does', { timeout: 600_000 }, async () => {
    // dom0 has Node 18; the host's Node 20 binary runs there (same Debian 12 libraries)
    cpSync(process.execPath, join(share, 'node'));
    stagePackages(share);
    cpSync(join(packageRoot, 'test/xen/real-xen/in-dom0.mjs'), join(share, 'in-dom0.mjs'));

    const { code, output } = await run('bash', [runInXen, '-t', '480', '-k', join(share, 'job'), '-s', share, '--', './node in-dom0.mjs'], {
      ...process.env,
      XENCI_IMAGES: images,
    });
    expect(output, output).toContain('ALL-CHECKS-PASSED');
    expect(code).toBe(0);

    const result = JSON.parse(readFileSync(join(share, 'out/result.json'), 'utf8')) as { steps: { name: string; [k: string]: unknown }[] };
    const step = (name: string) => result.steps.find((s) => s.name === name);
    expect(step('read-only')).toMatchObject({ drivers: ['Xen', 'XenStore'], type: 'Xen', version: 4_017_000 });
    expect(step('read-write')).toMatchObject({ error: { code: 'NO_CONNECT', domain: 'XEND' } });
    expect(step('paused')).toMatchObject({ state: 3 });
    expect(step('capabilities')).toMatchObject({ guestTypes: expect.arrayContaining(['xen/x86_64']) });
    expect(step('errors')).toMatchObject({ denied: { code: 'OPERATION_DENIED' }, missing: { code: 'NO_DOMAIN' } });
  });
});
