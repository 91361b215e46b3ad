import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const bundlePath = fileURLToPath(new URL('../dist/virsh.cjs', import.meta.url));

export interface VirshRun {
  stdout: string;
  stderr: string;
  status: number;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  input?: string;
  /** Run as nobody (through setpriv, environment kept) when this process is root. */
  unprivileged?: boolean;
}

/** nobody's user and group ids on Debian. */
const NOBODY = '65534';

/** Runs the built virsh bundle as a whole process, as a user would. */
export function runOurVirsh(args: string[], options: RunOptions = {}): VirshRun {
  if (!existsSync(bundlePath)) throw new Error(`${bundlePath} is missing: run 'pnpm build' first`);
  return runProgram(process.execPath, [bundlePath, ...args], options);
}

/**
 * Debian's virsh 9, where installed (CI installs libvirt-clients). VIRSH_PEER=none runs
 * the suite as on a machine without it: against the stored outputs.
 */
export const realVirshPath =
  process.env['VIRSH_PEER'] === 'none' ? undefined : ['/usr/bin/virsh'].find((p) => existsSync(p));

/**
 * Runs Debian's virsh. It hangs now and then on a failing save (see the peer
 * captures' notes), so a run that times out is tried again.
 */
export function runRealVirsh(args: string[], options: RunOptions = {}): VirshRun {
  if (!realVirshPath) throw new Error('Debian virsh is not installed');
  for (let attempt = 1; ; attempt++) {
    try {
      return runProgram(realVirshPath, args, options, 10_000);
    } catch (err) {
      if (attempt >= 3 || (err as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw err;
    }
  }
}

function runProgram(file: string, args: string[], options: RunOptions, timeout = 20_000): VirshRun {
  const asNobody = options.unprivileged === true && process.getuid?.() === 0;
  const command = asNobody ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--', file, ...args] : [file, ...args];
  const result = spawnSync(command[0] as string, command.slice(1), {
    encoding: 'utf8',
    cwd: options.cwd,
    env: {
      ...process.env,
      LIBVIRT_DEFAULT_URI: undefined,
      VIRSH_DEFAULT_CONNECT_URI: undefined,
      LC_ALL: 'C.UTF-8',
      ...options.env,
    },
    input: options.input ?? '',
    timeout,
  });
  if (result.error) throw result.error;
  return { stdout: result.stdout, stderr: result.stderr, status: result.status ?? -1 };
}
