import { DomainModificationImpact } from '@libvirt-ts/virt/constants';
import type { CommandContext } from './command.js';

/** --config/--live/--current (SCOPE_OPTIONS) as virsh reads them: --current excludes the others; VIR_DOMAIN_AFFECT_* flags (0 is current). */
export function scopeFlags(ctx: CommandContext): number {
  ctx.options.exclusive('current', 'live');
  ctx.options.exclusive('current', 'config');
  const { AFFECT_LIVE, AFFECT_CONFIG } = DomainModificationImpact;
  return (ctx.options.bool('live') ? AFFECT_LIVE : 0) | (ctx.options.bool('config') ? AFFECT_CONFIG : 0);
}
