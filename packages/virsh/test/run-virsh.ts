import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const bundlePath = fileURLToPath(new URL('../dist/virsh.js', import.meta.url));

export interface VirshRun {
  stdout: string;
  stderr: string;
  status: number;
}

/** Runs the built virsh bundle as a whole process, as a user would. */
export function runOurVirsh(args: string[], env: NodeJS.ProcessEnv = {}): VirshRun {
  if (!existsSync(bundlePath)) throw new Error(`${bundlePath} is missing: run 'pnpm build' first`);
  return runProgram(process.execPath, [bundlePath, ...args], env);
}

/** Debian's virsh 9, where installed (CI installs libvirt-clients). */
export const realVirshPath = ['/usr/bin/virsh'].find((p) => existsSync(p));

export function runRealVirsh(args: string[], env: NodeJS.ProcessEnv = {}): VirshRun {
  if (!realVirshPath) throw new Error('Debian virsh is not installed');
  return runProgram(realVirshPath, args, env);
}

function runProgram(file: string, args: string[], env: NodeJS.ProcessEnv): VirshRun {
  const result = spawnSync(file, args, {
    encoding: 'utf8',
    env: { ...process.env, LIBVIRT_DEFAULT_URI: undefined, VIRSH_DEFAULT_CONNECT_URI: undefined, ...env },
    input: '',
    timeout: 20_000,
  });
  if (result.error) throw result.error;
  return { stdout: result.stdout, stderr: result.stderr, status: result.status ?? -1 };
}
