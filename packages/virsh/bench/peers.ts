import { spawnSync } from 'node:child_process';
import { bundlePath, realVirshPath } from '../test/run-virsh.js';

/** One whole process of our virsh; its output is thrown away. */
export function ourVirsh(args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(process.execPath, [bundlePath, ...args], { stdio: 'ignore', env });
  if (result.status !== 0) throw new Error(`virsh ${args.join(' ')} exited with ${result.status}`);
}

/** One whole process of Debian's virsh 9. */
export function realVirsh(args: string[]): void {
  const result = spawnSync(realVirshPath as string, args, { stdio: 'ignore', timeout: 30_000 });
  if (result.status !== 0) throw new Error(`Debian virsh ${args.join(' ')} exited with ${result.status}`);
}

export const hasRealVirsh = realVirshPath !== undefined;
