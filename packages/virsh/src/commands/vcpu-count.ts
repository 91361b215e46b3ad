import { type Domain, VirtError } from '@libvirt-ts/virt';
import { DomainModificationImpact, DomainVcpuFlags, DomainXMLFlags } from '@libvirt-ts/virt/constants';
import { parseXml } from '@libvirt-ts/xml-format';
import { VirshError } from '../errors.js';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';

const { AFFECT_LIVE, AFFECT_CONFIG } = DomainModificationImpact;
const { VCPU_MAXIMUM, VCPU_GUEST } = DomainVcpuFlags;

/** A count virsh leaves out of vcpucount's table: the domain has no such definition (virshCPUCountCollect's -1). */
export const NO_DEFINITION = -1;

/**
 * virshCPUCountCollect: a vcpu count by virDomainGetVcpusFlags; where a driver has no such call
 * (NO_SUPPORT, or INVALID_ARG from an older one), the older calls or the inactive XML stand in.
 * With `checkState`, a definition the domain lacks (LIVE of an inactive one, CONFIG of a transient
 * one) is NO_DEFINITION.
 */
export async function countVcpus(domain: Domain, flags: number, checkState: boolean): Promise<number> {
  if (checkState) {
    if ((flags & AFFECT_LIVE) !== 0 && !(await domain.isActive().catch(() => false))) return NO_DEFINITION;
    if ((flags & AFFECT_CONFIG) !== 0 && !(await domain.isPersistent().catch(() => false))) return NO_DEFINITION;
  }
  try {
    return await domain.vcpusFlags(flags);
  } catch (error) {
    if (!VirtError.isInstance(error) || (error.code !== 'NO_SUPPORT' && error.code !== 'INVALID_ARG')) throw error;
    if ((flags & VCPU_GUEST) !== 0) throw new VirshError({ code: 'COMMAND_FAILED', lines: ['Failed to retrieve vCPU count from the guest', error.message], cause: error });
  }
  let scope = flags;
  if ((scope & (AFFECT_LIVE | AFFECT_CONFIG)) === 0 && (await domain.isActive().catch(() => false))) scope |= AFFECT_LIVE;
  if ((scope & AFFECT_LIVE) !== 0) return (scope & VCPU_MAXIMUM) !== 0 ? domain.maxVcpus() : (await domain.info()).nrVirtCpu;
  const vcpu = parseXml(await domain.XMLDesc(DomainXMLFlags.XML_INACTIVE)).children.find((child) => child.name === 'vcpu');
  const maximum = (scope & VCPU_MAXIMUM) !== 0;
  const text = maximum ? vcpu?.text : vcpu?.attributes.get('current');
  const count = text !== undefined && /^\s*[+-]?\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(count)) {
    throw new VirshError({ code: 'COMMAND_FAILED', lines: [`Failed to retrieve ${maximum ? 'maximum' : 'current'} vcpu count`] });
  }
  return count;
}

export const vcpucountCommand: CommandDef = {
  name: 'vcpucount',
  group: 'domain',
  summary: 'domain vcpu counts',
  description: 'Returns the number of virtual CPUs used by the domain.',
  options: [
    domainOption(),
    { name: 'maximum', type: 'bool', help: 'get maximum count of vcpus' },
    { name: 'active', type: 'bool', help: 'get number of currently active vcpus' },
    { name: 'live', type: 'bool', help: 'get value from running domain' },
    { name: 'config', type: 'bool', help: 'get value to be used on next boot' },
    { name: 'current', type: 'bool', help: 'get value according to current domain state' },
    { name: 'guest', type: 'bool', help: 'retrieve vcpu count from the guest instead of the hypervisor' },
  ],
  async run(ctx) {
    const { options } = ctx;
    const all = !['maximum', 'active', 'live', 'config', 'current', 'guest'].some((name) => options.bool(name));
    // Before 0.9.4 --current meant "not --maximum": virsh 9 still reads it so unless --maximum is given.
    const current = options.bool('current') && options.bool('maximum');
    const active = options.bool('active') || (options.bool('current') && !options.bool('maximum'));
    if (current) {
      options.exclusive('current', 'live');
      options.exclusive('current', 'config');
    }
    if (active && options.bool('maximum')) throw new VirshError({ code: 'COMMAND_FAILED', lines: ['Options --active and --maximum are mutually exclusive'] });
    options.exclusive('guest', 'config');
    let flags = 0;
    if (options.bool('live')) flags |= AFFECT_LIVE;
    if (options.bool('config')) flags |= AFFECT_CONFIG;
    if (options.bool('maximum')) flags |= VCPU_MAXIMUM;
    if (options.bool('guest')) flags |= VCPU_GUEST;
    const { domain } = await lookupDomain(ctx);
    const out = ctx.session.out;
    if (!all) {
      out.print(`${await countVcpus(domain, flags, false)}\n`);
      return;
    }
    const rows: [string, string, number][] = [
      ['maximum', 'config', AFFECT_CONFIG | VCPU_MAXIMUM],
      ['maximum', 'live', AFFECT_LIVE | VCPU_MAXIMUM],
      ['current', 'config', AFFECT_CONFIG],
      ['current', 'live', AFFECT_LIVE],
    ];
    // virsh asks for all four before it prints any (config max, config cur, live max, live cur).
    const counts = new Map<number, number>();
    let failure: unknown;
    for (const rowFlags of [AFFECT_CONFIG | VCPU_MAXIMUM, AFFECT_CONFIG, AFFECT_LIVE | VCPU_MAXIMUM, AFFECT_LIVE]) {
      try {
        counts.set(rowFlags, await countVcpus(domain, rowFlags, true));
      } catch (error) {
        failure = error;
      }
    }
    if (failure !== undefined) throw failure;
    for (const [which, state, rowFlags] of rows) {
      const count = counts.get(rowFlags) ?? NO_DEFINITION;
      if (count > 0) out.print(`${which.padEnd(12)} ${state.padEnd(12)} ${String(count).padStart(3)}\n`);
    }
  },
};
