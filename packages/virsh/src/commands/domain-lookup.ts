import type { Domain } from '@libvirt-ts/virt';
import { VirshError } from '../errors.js';
import { parseInt32 } from '../parse/numbers.js';
import { DebugLevel } from '../session.js';
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
  // The trace lines are built only when -d asks for them: scripts look domains up thousands of times.
  if (session.debugLevel <= DebugLevel.INFO) session.debug(DebugLevel.INFO, `${cmd}: found option <${optionName}>: ${typed}\n`);
  return { domain: await findDomain(ctx, typed, cmd, optionName, ways), typed };
}

/** virshLookupDomainBy: a domain named by a word that is no option of its own (domstats' list); traced as "unknown". */
export function lookupDomainBy(ctx: CommandContext, typed: string): Promise<Domain> {
  return findDomain(ctx, typed, 'unknown', 'domain', ALL_WAYS);
}

async function findDomain(ctx: CommandContext, typed: string, cmd: string, optionName: string, ways: LookupWays): Promise<Domain> {
  const { session } = ctx;
  const trace = session.debugLevel <= DebugLevel.DEBUG;
  const conn = await session.connection();
  let domain: Domain | undefined;
  const id = parseInt32(typed);
  if (ways.id && id !== undefined && id >= 0) {
    if (trace) session.debug(DebugLevel.DEBUG, `${cmd}: <${optionName}> looks like ID\n`);
    domain = await conn.lookupByID(id).catch(notFound);
  }
  if (!domain && ways.uuid && typed.length === 36) {
    if (trace) session.debug(DebugLevel.DEBUG, `${cmd}: <${optionName}> trying as domain UUID\n`);
    domain = await conn.lookupByUUIDString(typed).catch(notFound);
  }
  if (!domain && ways.name) {
    if (trace) session.debug(DebugLevel.DEBUG, `${cmd}: <${optionName}> trying as domain NAME\n`);
    domain = await conn.lookupByName(typed).catch(notFound);
  }
  if (!domain) throw new VirshError({ code: 'COMMAND_FAILED', lines: [`failed to get domain '${typed}'`], command: ctx.options.commandName });
  return domain;
}

/** A failed lookup only means the next way is tried. */
const notFound = (): undefined => undefined;
