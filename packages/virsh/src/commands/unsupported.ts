import { VirshError } from '../errors.js';
import type { CommandContext } from './command.js';

/**
 * Options virsh 9 accepts but the virt API here cannot honour: asking for one is a
 * NO_SUPPORT failure worded as libvirt's, never silently ignored.
 */
export function rejectUnsupported(ctx: CommandContext, options: string[], apiName: string): void {
  const given = options.filter((name) => ctx.options.has(name));
  if (given.length === 0) return;
  throw new VirshError({ code: 'COMMAND_FAILED', lines: [
    `this function is not supported by the connection driver: ${apiName} with ${given.map((n) => `--${n}`).join(' ')}`,
  ] });
}
