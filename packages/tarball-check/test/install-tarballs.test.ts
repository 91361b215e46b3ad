/**
 * The packages as users get them: each published package is packed (`pnpm pack`), the tarballs
 * are installed into a fresh project with npm and with pnpm, offline, and there virsh runs, the
 * virsh library runs a command, and every package and subpath is imported. Needs `pnpm build`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Manifest, packThirdParty, packWorkspacePackage, publishedPackages, type Tarball } from './pack.js';
import { type Installer, installTarballs, type ProcessResult, run } from './temp-project.js';

/** What virsh 9 prints for `list --all` on test:///default. */
const LIST_ALL = ' Id   Name   State\n----------------------\n 1    test   running\n\n';
const DEBIAN_VIRSH = '/usr/bin/virsh';
const xenHere = ['/dev/xen/privcmd', '/proc/xen/privcmd'].some((device) => existsSync(device));

const published = publishedPackages();
const work = mkdtempSync(join(tmpdir(), 'libvirt-ts-tarballs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let ours: Tarball[] = [];
let thirdParty: Tarball[] = [];
beforeAll(() => {
  const unbuilt = published.filter(({ dir }) => !existsSync(join(dir, 'dist/index.js')));
  if (unbuilt.length > 0) throw new Error(`not built: ${unbuilt.map(({ dir }) => dir).join(', ')}: run 'pnpm build' first`);
  const out = join(work, 'tarballs');
  mkdirSync(out);
  ours = published.map((pkg) => packWorkspacePackage(pkg, out));
  thirdParty = packThirdParty(published, out);
}, 120_000);

function tarballOf(name: string): Tarball {
  const tarball = ours.find((t) => t.name === name);
  if (!tarball) throw new Error(`${name} was not packed`);
  return tarball;
}

/** The package.json inside a tarball, as the registry would serve it. */
function packedManifest(name: string): Manifest {
  return JSON.parse(execFileSync('tar', ['-xzOf', tarballOf(name).path, 'package/package.json'], { encoding: 'utf8' })) as Manifest;
}

/** The names each module exports, as plain Node in `cwd` sees them (bare specifiers from cwd). */
function exportNames(cwd: string, specifiers: string[]): string[][] {
  const script = `const names = [];
for (const specifier of process.argv.slice(1)) names.push(Object.keys(await import(specifier)).sort());
console.log(JSON.stringify(names));`;
  const result = run(process.execPath, ['--input-type=module', '-e', script, ...specifiers], cwd);
  if (result.status !== 0) throw new Error(`importing ${specifiers.join(', ')} failed in ${cwd}:\n${result.stderr}`);
  return JSON.parse(result.stdout) as string[][];
}

/** Each export path of a package: the specifier a user imports, and the built file behind it. */
function entryPoints(manifest: Manifest, dir: string): { specifier: string; file: string }[] {
  return Object.entries(manifest.exports ?? {}).map(([subpath, conditions]) => ({
    specifier: manifest.name + subpath.slice(1),
    file: join(dir, (conditions as { default: string }).default),
  }));
}

describe('the packed tarballs', () => {
  it('hold no source maps, build info, sources or tests', () => {
    for (const tarball of ours) {
      const stray = tarball.files.filter((file) => /\.map$|\.tsbuildinfo$|^(src|test|bench|dist\/test)\/|\.(test|bench)\.[cm]?[jt]s$/.test(file));
      expect(stray, tarball.name).toEqual([]);
    }
  });

  it('run nothing on install: no install scripts, no binding.gyp at the root (npm and pnpm would build it)', () => {
    for (const tarball of ours) {
      const scripts = packedManifest(tarball.name).scripts ?? {};
      expect(Object.keys(scripts).filter((name) => /^(pre|post)?install$/.test(name)), tarball.name).toEqual([]);
      expect(tarball.files, tarball.name).not.toContain('binding.gyp');
    }
    expect(tarballOf('@libvirt-ts/hypercall').files).toContain('native/prebuilds/linux-x64/@libvirt-ts+hypercall.node');
  });

  it('virsh ships its bundles (bin, command line, library and its chunks) and declarations, nothing else of tsc', () => {
    const { files } = tarballOf('@libvirt-ts/virsh');
    const javascript = files.filter((file) => /\.[cm]?js$/.test(file));
    expect(javascript.filter((file) => !/^dist\/(virsh\.cjs|cli\.cjs|remote\.cjs|drivers\.cjs|remote-driver\.cjs|index\.js|chunks\/[\w-]+\.js)$/.test(file))).toEqual([]);
    expect(files.filter((file) => file.endsWith('.d.ts') && !file.startsWith('dist/types/'))).toEqual([]);
  });

  it('virsh bundles virt rather than depending on it, and declares the one package its bundle imports', () => {
    const manifest = packedManifest('@libvirt-ts/virsh');
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(Object.keys(manifest.optionalDependencies ?? {})).toEqual(['@libvirt-ts/hypercall']);
  });
});

/** Runs the installed virsh through its bin link, as a user's shell would. */
function virsh(project: string, args: string[]): ProcessResult {
  return run(join(project, 'node_modules/.bin/virsh'), args, project);
}

describe.each<Installer>(['npm', 'pnpm'])('the tarballs installed with %s', (installer) => {
  const project = join(work, installer);
  let install: ProcessResult = { status: null, stdout: '', stderr: '' };
  beforeAll(() => {
    install = installTarballs(project, installer, ours, [...ours, ...thirdParty]);
  }, 180_000);

  it('install offline without errors, approval prompts or held-back build scripts', () => {
    const output = install.stdout + install.stderr;
    expect(install.status, output).toBe(0);
    expect(output).not.toMatch(/ERR_PNPM|IGNORED_BUILDS|approve-builds|install-scripts|allowScripts/);
  });

  it('virsh -c test:///default list --all prints the table', () => {
    const result = virsh(project, ['-c', 'test:///default', 'list', '--all']);
    expect(result).toEqual({ status: 0, stdout: LIST_ALL, stderr: '' });
    if (existsSync(DEBIAN_VIRSH)) expect(result.stdout).toBe(execFileSync(DEBIAN_VIRSH, ['-c', 'test:///default', 'list', '--all'], { encoding: 'utf8' }));
  });

  it('every package and subpath imports with the exports of the workspace build', () => {
    const entries = published.flatMap(({ dir, manifest }) => entryPoints(manifest, dir));
    const installed = exportNames(project, entries.map((entry) => entry.specifier));
    const built = exportNames(process.cwd(), entries.map((entry) => pathToFileURL(entry.file).href));
    entries.forEach(({ specifier }, i) => {
      expect(installed[i]?.length, specifier).toBeGreaterThan(0);
      expect(installed[i], specifier).toEqual(built[i]);
    });
  });

  it("virsh's library entry runs a command", () => {
    const script = `import { runVirsh } from '@libvirt-ts/virsh';
let out = '';
const io = { stdout: { write: (s) => { out += s; } }, stderr: { write: (s) => { out += s; } }, env: {}, stdinIsTTY: false, stderrIsTTY: false };
const status = await runVirsh(['-c', 'test:///default', 'domstate', 'test'], io);
process.stdout.write(JSON.stringify({ status, out }));`;
    const result = run(process.execPath, ['--input-type=module', '-e', script], project);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ status: 0, out: 'running\n\n' });
  });

  it("hypercall's prebuilt addon loads in the installed package", () => {
    const script = `import { openHypervisor } from '@libvirt-ts/hypercall';
await openHypervisor({ devices: ['/nonexistent/privcmd'] }).catch((e) => process.stdout.write(e.code + ': ' + e.message));`;
    const result = run(process.execPath, ['--input-type=module', '-e', script], project);
    // Without the addon the message would be "the hypercall addon did not load (...)".
    expect(result.stdout).toBe('NO_XEN: no Xen hypervisor: could not find /nonexistent/privcmd');
  });

  it.skipIf(xenHere)("virsh's bundle loads hypercall through its own dependency, and tells broken from absent", () => {
    const privcmdMissing = 'could not find /dev/xen/privcmd or /proc/xen/privcmd';
    expect(virsh(project, ['-c', 'xen:///', 'list']).stderr).toContain(privcmdMissing);

    // Installed but broken (here: a missing export; a wrong-ABI addon fails later, as NO_XEN naming it).
    const hypercall = realpathSync(join(project, 'node_modules/@libvirt-ts/hypercall'));
    const entry = join(hypercall, 'dist/index.js');
    rmSync(entry);
    writeFileSync(entry, "export { noSuchExport as openHypervisor } from 'node:fs';\n");
    const broken = virsh(project, ['-c', 'xen:///', 'list']);
    expect(broken.stderr).toContain('@libvirt-ts/hypercall is installed but did not load: ');
    expect(broken.stderr).toContain("does not provide an export named 'noSuchExport'");

    // Not installed: the hypervisor driver steps aside and nothing mentions hypercall.
    rmSync(hypercall, { recursive: true, force: true });
    const absent = virsh(project, ['-c', 'xen:///', 'list']);
    expect(absent.status).toBe(1);
    expect(absent.stderr).not.toMatch(/hypercall|privcmd/);
  });
});
