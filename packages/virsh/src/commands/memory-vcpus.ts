import { type Domain, VirtError } from '@libvirt-ts/virt';
import { DomainMemoryModFlags, DomainVcpuFlags } from '@libvirt-ts/virt/constants';
import { failed, failedBecause } from '../errors.js';
import type { CommandContext, CommandDef } from './command.js';
import { domainOption, SCOPE_OPTIONS } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';
import { scopeFlags } from './impact-flags.js';

/** The API's unsigned long, in KiB; bytes up to this many are accepted. */
const ULONG_MAX = 0xffffffffffffffffn;

/** A <size> in KiB, from a number with an optional unit (KiB when none). */
function sizeInKiB(ctx: CommandContext): bigint {
  const bytes = ctx.options.scaledInteger('size', 1024n, ULONG_MAX) ?? 0n;
  return (bytes + 1023n) / 1024n;
}

/**
 * Calls the API with `kib` as a number. Past 2^53 a number cannot carry every digit, so libvirt's
 * overflow error (sizes from LLONG_MAX bytes up) is given back with the digits as written.
 */
async function withSize(kib: bigint, call: (kib: number) => Promise<void>): Promise<void> {
  try {
    await call(Number(kib));
  } catch (error) {
    if (VirtError.isInstance(error) && error.code === 'OVERFLOW') {
      throw new VirtError({ code: 'OVERFLOW', domain: error.domain, info: `input too large: ${kib}` });
    }
    throw error;
  }
}

interface MemorySpec {
  name: string;
  summary: string;
  description: string;
  sizeHelp: string;
  /** `flags`: the scope flags; 0 for the current state. */
  set(domain: Domain, kib: bigint, flags: number): Promise<void>;
}

/** setmem and setmaxmem: a domain, a size with units, and the scope flags. */
function memoryCommand(spec: MemorySpec): CommandDef {
  return {
    name: spec.name,
    group: 'domain',
    summary: spec.summary,
    description: spec.description,
    options: [
      domainOption(),
      { name: 'size', type: 'number', required: true, help: spec.sizeHelp, aliases: [{ name: 'kilobytes' }] },
      ...SCOPE_OPTIONS,
    ],
    async run(ctx) {
      const { domain } = await lookupDomain(ctx);
      const flags = scopeFlags(ctx);
      await spec.set(domain, sizeInKiB(ctx), flags);
    },
  };
}

export const setmemCommand = memoryCommand({
  name: 'setmem',
  summary: 'change memory allocation',
  description: 'Change the current memory allocation in the guest domain.',
  sizeHelp: 'new memory size, as scaled integer (default KiB)',
  // virsh 9 asks virDomainSetMemoryFlags only: LIVE when no scope is given (virDomainSetMemory's meaning).
  set: (domain, kib, flags) =>
    withSize(kib, (n) =>
      flags === 0 ? setMemoryFlagsOr(domain, n, DomainMemoryModFlags.MEM_LIVE, () => domain.setMemory(n)) : domain.setMemoryFlags(n, flags),
    ),
});

export const setmaxmemCommand = memoryCommand({
  name: 'setmaxmem',
  summary: 'change maximum memory limit',
  description: 'Change the maximum memory allocation limit in the guest domain.',
  sizeHelp: 'new maximum memory size, as scaled integer (default KiB)',
  set: (domain, kib, flags) =>
    // virsh 9 asks virDomainSetMemoryFlags with VIR_DOMAIN_MEM_MAXIMUM (and the scope, if any).
    withSize(kib, (n) =>
      flags === 0
        ? setMemoryFlagsOr(domain, n, DomainMemoryModFlags.MEM_MAXIMUM, () => domain.setMaxMemory(n))
        : domain.setMemoryFlags(n, flags | DomainMemoryModFlags.MEM_MAXIMUM),
    ).catch((err) => {
      throw failedBecause('Unable to change MaxMemorySize', err);
    }),
});

/**
 * virDomainSetMemoryFlags as virsh 9 calls it; a connection whose drivers have only the older call
 * (xend's, without a flags variant) gets that one, with the same meaning.
 */
async function setMemoryFlagsOr(domain: Domain, kib: number, flags: number, older: () => Promise<void>): Promise<void> {
  try {
    await domain.setMemoryFlags(kib, flags);
  } catch (error) {
    if (VirtError.isInstance(error) && error.code === 'NO_SUPPORT') return older();
    throw error;
  }
}

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
    ctx.options.requires('maximum', 'config');
    ctx.options.exclusive('guest', 'config');
    const count = ctx.options.unsignedInt('count') ?? 0;
    let flags = scopeFlags(ctx);
    if (ctx.options.bool('maximum')) flags |= DomainVcpuFlags.VCPU_MAXIMUM;
    if (ctx.options.bool('guest')) flags |= DomainVcpuFlags.VCPU_GUEST;
    if (ctx.options.bool('hotpluggable')) flags |= DomainVcpuFlags.VCPU_HOTPLUGGABLE;
    if (count === 0) throw failed("Can't set 0 processors for a VM");
    await (flags === 0 ? domain.setVcpus(count) : domain.setVcpusFlags(count, flags));
  },
};
