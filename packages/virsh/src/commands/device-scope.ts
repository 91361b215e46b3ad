import type { Domain } from '@libvirt-ts/virt';
import { DomainDeviceModifyFlags } from '@libvirt-ts/virt/constants';
import { failedBecause } from '../errors.js';
import type { CommandContext, OptionDef } from './command.js';
import { lookupDomain } from './domain-lookup.js';

/** --persistent --config --live --current of the device commands, in virsh 9's order. */
export const DEVICE_SCOPE_OPTIONS: OptionDef[] = [
  { name: 'persistent', type: 'bool', help: 'make live change persistent' },
  { name: 'config', type: 'bool', help: 'affect next boot' },
  { name: 'live', type: 'bool', help: 'affect running domain' },
  { name: 'current', type: 'bool', help: 'affect current domain' },
];

/** The scope options as virsh 9 reads them: exclusivity checked first, then the flags. */
export interface DeviceScope {
  /** virDomainDeviceModifyFlags from --config/--persistent/--live. */
  flags: number;
  current: boolean;
  persistent: boolean;
}

export function readDeviceScope(ctx: CommandContext): DeviceScope {
  const { options } = ctx;
  options.exclusive('persistent', 'current');
  options.exclusive('current', 'live');
  options.exclusive('current', 'config');
  let flags = DomainDeviceModifyFlags.AFFECT_CURRENT as number;
  if (options.bool('config') || options.bool('persistent')) flags |= DomainDeviceModifyFlags.AFFECT_CONFIG;
  if (options.bool('live')) flags |= DomainDeviceModifyFlags.AFFECT_LIVE;
  return { flags, current: options.bool('current'), persistent: options.bool('persistent') };
}

/** --persistent on a running domain also changes it live (virsh 9 asks virDomainIsActive). */
export async function addLiveIfPersistent(scope: DeviceScope, domain: Domain): Promise<void> {
  if (scope.persistent && (await domain.isActive().catch(() => false))) scope.flags |= DomainDeviceModifyFlags.AFFECT_LIVE;
}

/** virsh 9's choice: the Flags call when any flag or --current was given, else the plain one. */
export function modifyDevice(
  scope: DeviceScope,
  plain: () => Promise<void>,
  withFlags: (flags: number) => Promise<void>,
): Promise<void> {
  return scope.flags !== 0 || scope.current ? withFlags(scope.flags) : plain();
}

/**
 * The end of attach-disk and attach-interface: the device XML virsh built is printed with
 * --print-xml (before any lookup, as virsh 9), else attached in the scope read before it was built.
 */
export async function attachBuiltDevice(ctx: CommandContext, scope: DeviceScope, xml: string, device: 'disk' | 'interface'): Promise<void> {
  if (ctx.options.bool('print-xml')) {
    ctx.session.out.print(xml);
    return;
  }
  const { domain } = await lookupDomain(ctx);
  await addLiveIfPersistent(scope, domain);
  try {
    await modifyDevice(scope, () => domain.attachDevice(xml), (flags) => domain.attachDeviceFlags(xml, flags));
  } catch (err) {
    throw failedBecause(`Failed to attach ${device}`, err);
  }
  ctx.session.out.printExtra(`${device === 'disk' ? 'Disk' : 'Interface'} attached successfully\n`);
}
