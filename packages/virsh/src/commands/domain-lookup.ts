import { VirshError } from '../errors.js';
import { parseInt32 } from '../parse/numbers.js';
import { DebugLevel } from '../session.js';
import type { Domain } from '@libvirt-ts/virt';
import type { CommandContext } from './command.js';

/** Which ways a command lets the user name a domain (virsh's VIRSH_BYID/BYUUID/BYNAME). */
export interface LookupWays {
  id?: boolean;
  uuid?: boolean;
  name?: boolean;
}

const ALL_WAYS: LookupWays = { id: true, uuid: true, name: true };

export interface FoundDomain {
  domain: Domain;
  /** The domain as the user typed it: virsh echoes this in its messages. */
  typed: string;
}

/**
 * Finds the domain named by an option as virsh 9's virshLookupDomainBy does: a
 * non-negative integer is tried as an id, a 36-character string as a UUID, then the
 * name. Not found is one line, "failed to get domain '<typed>'".
 */
export async function lookupDomain(ctx: CommandContext, optionName = 'domain', ways = ALL_WAYS): Promise<FoundDomain> {
  const { session } = ctx;
  const typed = ctx.options.requiredString(optionName);
  const cmd = ctx.options.commandName;
  session.debug(DebugLevel.INFO, `${cmd}: found option <${optionName}>: ${typed}\n`);
  const conn = await session.connection();
  const attempt = async (find: () => Promise<Domain>) => find().catch(() => undefined);
  let domain: Domain | undefined;
  const id = parseInt32(typed);
  if (ways.id && id !== undefined && id >= 0) {
    session.debug(DebugLevel.DEBUG, `${cmd}: <${optionName}> looks like ID\n`);
    domain = await attempt(() => conn.lookupByID(id));
  }
  if (!domain && ways.uuid && typed.length === 36) {
    session.debug(DebugLevel.DEBUG, `${cmd}: <${optionName}> trying as domain UUID\n`);
    domain = await attempt(() => conn.lookupByUUIDString(typed));
  }
  if (!domain && ways.name) {
    session.debug(DebugLevel.DEBUG, `${cmd}: <${optionName}> trying as domain NAME\n`);
    domain = await attempt(() => conn.lookupByName(typed));
  }
  if (!domain) throw new VirshError({ code: 'COMMAND_FAILED', lines: [`failed to get domain '${typed}'`], command: cmd });
  return { domain, typed };
}
