import type { Domain, DomainSnapshot } from '@libvirt-ts/virt';
import { failed } from '../errors.js';
import type { CommandContext, OptionDef } from './command.js';

/** `--current` of the snapshot commands, with its help. */
export function currentOption(help: string): OptionDef {
  return { name: 'current', type: 'bool', help };
}

/** `[--snapshotname] <string>` as the snapshot commands name it. */
export function snapshotNameOption(help = 'snapshot name'): OptionDef {
  return { name: 'snapshotname', type: 'string', help };
}

/**
 * virshLookupSnapshot: the snapshot named by option `arg`, or with `--current` the current one.
 * `exclusive` refuses both at once.
 */
export async function lookupSnapshot(ctx: CommandContext, domain: Domain, arg: string, exclusive: boolean): Promise<DomainSnapshot> {
  const current = ctx.options.bool('current');
  const name = ctx.options.string(arg);
  if (exclusive && current && name !== undefined) throw failed(`--${arg} and --current are mutually exclusive`);
  if (name !== undefined) return domain.snapshotLookupByName(name);
  if (current) return domain.snapshotCurrent();
  throw failed(`--${arg} or --current is required`);
}
