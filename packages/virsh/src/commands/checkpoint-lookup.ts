import type { Domain, DomainCheckpoint } from '@libvirt-ts/virt';
import { errorMessage, failed, VirshError } from '../errors.js';
import type { CommandContext, OptionDef } from './command.js';

/** `[--checkpointname] <string>` as the checkpoint commands name it. */
export function checkpointNameOption(help = 'checkpoint name'): OptionDef {
  return { name: 'checkpointname', type: 'string', help };
}

/** virshLookupCheckpoint: the checkpoint named by option `arg`, which must be given. */
export async function lookupCheckpoint(ctx: CommandContext, domain: Domain, arg: string): Promise<DomainCheckpoint> {
  const name = ctx.options.string(arg);
  if (name === undefined) throw failed(`--${arg} is required`);
  return domain.checkpointLookupByName(name);
}

/**
 * virshGetCheckpointParent: the parent's name, undefined for a root (NO_DOMAIN_CHECKPOINT); any
 * other failure is reported with virsh's own line after libvirt's.
 */
export async function checkpointParentName(checkpoint: DomainCheckpoint, extra: string[] = []): Promise<string | undefined> {
  try {
    return (await checkpoint.parent()).name();
  } catch (err) {
    if ((err as { code?: string }).code === 'NO_DOMAIN_CHECKPOINT') return undefined;
    // libvirt's error first, then virsh's lines (vshReportError before vshError)
    throw new VirshError({ code: 'COMMAND_FAILED', lines: [errorMessage(err), 'unable to determine if checkpoint has parent', ...extra], cause: err });
  }
}
