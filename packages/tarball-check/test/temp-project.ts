/**
 * A fresh project outside the workspace that installs tarballs as a user would (`npm install
 * <tarballs>`, `pnpm add <tarballs>`), offline, with an empty cache and store of its own: every
 * package name is pinned to its tarball (overrides), so nothing is looked up anywhere else.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tarball } from './pack.js';

export type Installer = 'npm' | 'pnpm';

export interface ProcessResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment without what the workspace's own pnpm run set (npm_config_*, pnpm_*). */
export function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm|pnpm)_/i.test(key)));
}

export function run(command: string, args: string[], cwd: string, timeoutMs = 60_000): ProcessResult {
  const result = spawnSync(command, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout: timeoutMs });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function overrides(tarballs: Tarball[]): Record<string, string> {
  return Object.fromEntries(tarballs.map((tarball) => [tarball.name, `file:${tarball.path}`]));
}

/** Writes the project and installs `direct` (tarballs) into it with `installer`. */
export function installTarballs(dir: string, installer: Installer, direct: Tarball[], all: Tarball[]): ProcessResult {
  mkdirSync(dir, { recursive: true });
  const manifest: Record<string, unknown> = { name: `${installer}-user`, version: '1.0.0', private: true, type: 'module' };
  const paths = direct.map((tarball) => tarball.path);
  if (installer === 'npm') {
    // npm refuses an override of a direct dependency (EOVERRIDE); the direct ones need none.
    const indirect = all.filter((tarball) => !direct.includes(tarball));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...manifest, overrides: overrides(indirect) }, null, 2));
    const cache = join(dir, '.npm-cache');
    return run('npm', ['install', '--offline', '--no-audit', '--no-fund', `--cache=${cache}`, ...paths], dir, 120_000);
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  // pnpm reads overrides and its directories from the workspace file, not package.json.
  const settings = [
    `storeDir: ${JSON.stringify(join(dir, '.pnpm-store'))}`,
    `cacheDir: ${JSON.stringify(join(dir, '.pnpm-cache'))}`,
    'overrides:',
    ...Object.entries(overrides(all)).map(([name, spec]) => `  ${JSON.stringify(name)}: ${JSON.stringify(spec)}`),
  ];
  writeFileSync(join(dir, 'pnpm-workspace.yaml'), `${settings.join('\n')}\n`);
  return run('pnpm', ['add', '--offline', ...paths], dir, 120_000);
}
