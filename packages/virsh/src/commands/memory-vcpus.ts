import { failed, failedBecause } from '../errors.js';
import type { VirtDomain } from '../virt-api.js';
import type { CommandContext, CommandDef } from './command.js';
import { domainOption, SCOPE_OPTIONS } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';
import { rejectUnsupported } from './unsupported.js';

/** The API's unsigned long, in KiB; bytes up to this many are accepted. */
const ULONG_MAX = 0xffffffffffffffffn;

/**
 * --config/--live/--current as virsh reads them. This API changes the current
 * state only, so --config is NO_SUPPORT and --live needs a running domain.
 */
async function checkScope(ctx: CommandContext, domain: VirtDomain, api: string): Promise<void> {
  ctx.options.exclusive('current', 'live');
  ctx.options.exclusive('current', 'config');
  rejectUnsupported(ctx, ['config'], api);
  if (ctx.options.bool('live') && !(await domain.isActive())) {
    throw failed('Requested operation is not valid: domain is not running');
  }
}

/** A <size> in KiB, from a number with an optional unit (KiB when none). */
function sizeInKiB(ctx: CommandContext): number {
  const bytes = ctx.options.scaledInteger('size', 1024n, ULONG_MAX) ?? 0n;
  return Number((bytes + 1023n) / 1024n);
}

interface MemorySpec {
  name: string;
  summary: string;
  description: string;
  sizeHelp: string;
  api: string;
  set(domain: VirtDomain, kib: number): Promise<void>;
}

/** setmem and setmaxmem: a domain, a size with units, and the scope flags. */
function memoryCommand(spec: MemorySpec): CommandDef {
  return {
    name: spec.name,
    group: 'domain',
    summary: spec.summary,
    description: spec.description,
    options: [domainOption(), { name: 'size', type: 'number', required: true, help: spec.sizeHelp }, ...SCOPE_OPTIONS],
    async run(ctx) {
      const { domain } = await lookupDomain(ctx);
      await checkScope(ctx, domain, spec.api);
      await spec.set(domain, sizeInKiB(ctx));
    },
  };
}

export const setmemCommand = memoryCommand({
  name: 'setmem',
  summary: 'change memory allocation',
  description: 'Change the current memory allocation in the guest domain.',
  sizeHelp: 'new memory size, as scaled integer (default KiB)',
  api: 'virDomainSetMemoryFlags',
  set: (domain, kib) => domain.setMemory(kib),
});

export const setmaxmemCommand = memoryCommand({
  name: 'setmaxmem',
  summary: 'change maximum memory limit',
  description: 'Change the maximum memory allocation limit in the guest domain.',
  sizeHelp: 'new maximum memory size, as scaled integer (default KiB)',
  api: 'virDomainSetMaxMemory',
  set: (domain, kib) =>
    domain.setMaxMemory(kib).catch((err) => {
      throw failedBecause('Unable to change MaxMemorySize', err);
    }),
});

export const setvcpusCommand: CommandDef = {
  name: 'setvcpus',
  group: 'domain',
  summary: 'change number of virtual CPUs',
  description: 'Change the number of virtual CPUs in the guest domain.',
  options: [
    domainOption(),
    { name: 'count', type: 'number', required: true, help: 'number of virtual CPUs' },
    { name: 'maximum', type: 'bool', help: 'set maximum limit on next boot' },
    ...SCOPE_OPTIONS,
    { name: 'guest', type: 'bool', help: 'modify cpu state in the guest' },
    { name: 'hotpluggable', type: 'bool', help: 'make added vcpus hot(un)pluggable' },
  ],
  async run(ctx) {
    const { domain } = await lookupDomain(ctx);
    if (ctx.options.bool('maximum') && !ctx.options.bool('config')) {
      throw failed('Option --config is required by option --maximum');
    }
    ctx.options.exclusive('guest', 'config');
    const count = ctx.options.unsignedInt('count') ?? 0;
    await checkScope(ctx, domain, 'virDomainSetVcpusFlags');
    rejectUnsupported(ctx, ['guest', 'hotpluggable'], 'virDomainSetVcpusFlags');
    if (count === 0) throw failed("Can't set 0 processors for a VM");
    await domain.setVcpus(count);
  },
};
