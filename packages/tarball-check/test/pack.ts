/**
 * Makes the tarballs a user would install: each published workspace package with `pnpm pack`,
 * and the third-party packages they need at run time, taken as tarballs from the copies pnpm
 * installed in the workspace, so installing them needs no registry and no cache.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  exports?: Record<string, unknown>;
  bin?: Record<string, string>;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export interface WorkspacePackage {
  dir: string;
  manifest: Manifest;
}

export interface Tarball {
  name: string;
  path: string;
  /** Paths inside the tarball, without the leading `package/`. */
  files: string[];
}

const packagesDir = fileURLToPath(new URL('../..', import.meta.url));

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** Every packages/* that is published (not private), in directory order. */
export function publishedPackages(): WorkspacePackage[] {
  return readdirSync(packagesDir)
    .map((name) => join(packagesDir, name))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: readManifest(dir) }))
    .filter(({ manifest }) => !manifest.private);
}

/** `pnpm pack` of one workspace package into `outDir`, as `pnpm publish` would make it. */
export function packWorkspacePackage(pkg: WorkspacePackage, outDir: string): Tarball {
  const report = JSON.parse(
    execFileSync('pnpm', ['pack', '--json', '--pack-destination', outDir], { cwd: pkg.dir, encoding: 'utf8' }),
  ) as { name: string; filename: string; files: { path: string }[] };
  return { name: report.name, path: report.filename, files: report.files.map((file) => file.path) };
}

/** Where Node finds `dependency` from `dir` (node_modules up the tree). */
function installedDir(dependency: string, dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    const candidate = join(at, 'node_modules', dependency);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (at === dirname(at)) return undefined;
  }
}

/**
 * The third-party packages the workspace packages load at run time (dependencies and installed
 * optionalDependencies, transitively), each made into a tarball of its installed directory.
 */
export function packThirdParty(packages: WorkspacePackage[], outDir: string): Tarball[] {
  const seen = new Map<string, string>();
  const visit = (dir: string, manifest: Manifest, optional: Set<string>) => {
    for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      if (dependency.startsWith('@libvirt-ts/') || seen.has(dependency)) continue;
      const found = installedDir(dependency, dir);
      if (!found) {
        if (optional.has(dependency)) continue;
        throw new Error(`${dependency}, needed by ${manifest.name}, is not installed: run pnpm install`);
      }
      seen.set(dependency, found);
      const own = readManifest(found);
      visit(found, own, new Set(Object.keys(own.optionalDependencies ?? {})));
    }
  };
  for (const { dir, manifest } of packages) visit(dir, manifest, new Set(Object.keys(manifest.optionalDependencies ?? {})));

  return [...seen].map(([name, dir]) => {
    const path = join(outDir, `${name.replace('@', '').replace('/', '-')}-${readManifest(dir).version}.tgz`);
    // npm's tarball layout: everything under package/; a nested node_modules is not part of it.
    execFileSync('tar', ['-czf', path, '--exclude=./node_modules', '--transform=s,^\\.,package,', '-C', dir, '.']);
    return { name, path, files: [] };
  });
}
