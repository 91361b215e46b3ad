import type { TypedParameter } from '@libvirt-ts/virt';
import { DomainBlkioParam, DomainModificationImpact, TypedParameterType } from '@libvirt-ts/virt/constants';
import { failed, failedBecause } from '../errors.js';
import type { CommandContext, CommandDef } from './command.js';
import { domainOption, SCOPE_OPTIONS } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';
import { scopeFlags } from './impact-flags.js';
import { typedParamText } from './typed-param-text.js';

/** The per-device options, their help and the parameter each sets, in virsh 9's order. */
const DEVICE_OPTIONS = [
  ['device-weights', DomainBlkioParam.DEVICE_WEIGHT, 'per-device IO Weights, in the form of /path/to/device,weight,...'],
  ['device-read-iops-sec', DomainBlkioParam.DEVICE_READ_IOPS, 'per-device read I/O limit per second, in the form of /path/to/device,read_iops_sec,...'],
  ['device-write-iops-sec', DomainBlkioParam.DEVICE_WRITE_IOPS, 'per-device write I/O limit per second, in the form of /path/to/device,write_iops_sec,...'],
  ['device-read-bytes-sec', DomainBlkioParam.DEVICE_READ_BPS, 'per-device bytes read per second, in the form of /path/to/device,read_bytes_sec,...'],
  ['device-write-bytes-sec', DomainBlkioParam.DEVICE_WRITE_BPS, 'per-device bytes wrote per second, in the form of /path/to/device,write_bytes_sec,...'],
] as const;

/** The parameters the options ask to set, in virsh 9's order; none means print them. */
function wantedChanges(ctx: CommandContext): TypedParameter[] {
  const { options } = ctx;
  const changes: TypedParameter[] = [];
  const weight = options.int('weight');
  if (weight !== undefined) {
    if (weight <= 0) throw failed(`Invalid value of ${weight} for I/O weight`);
    changes.push({ field: DomainBlkioParam.WEIGHT, type: TypedParameterType.UINT, value: weight });
  }
  for (const [option, field] of DEVICE_OPTIONS) {
    const value = options.quietString(option);
    // vshCommandOptStringQuiet refuses an empty value of an option that does not allow one.
    if (value === undefined && options.has(option)) throw failed('Unable to parse string parameter');
    if (value !== undefined) changes.push({ field, type: TypedParameterType.STRING, value });
  }
  return changes;
}

export const blkiotuneCommand: CommandDef = {
  name: 'blkiotune',
  group: 'domain',
  summary: 'Get or set blkio parameters',
  description:
    'Get or set the current blkio parameters for a guest domain.\n    To get the blkio parameters use following command: \n\n    virsh # blkiotune <domain>',
  options: [
    domainOption(),
    { name: 'weight', type: 'number', help: 'IO Weight' },
    ...DEVICE_OPTIONS.map(([name, , help]) => ({ name, type: 'string' as const, help })),
    ...SCOPE_OPTIONS,
  ],
  async run(ctx) {
    const flags = scopeFlags(ctx);
    const { domain } = await lookupDomain(ctx);
    const changes = wantedChanges(ctx);
    if (changes.length > 0) {
      await domain.setBlkioParameters(changes, flags).catch((err) => {
        throw failedBecause('Unable to change blkio parameters', err);
      });
      return;
    }
    const params = await domain.blkioParameters(flags).catch((err) => {
      // LIVE with CONFIG is refused by the first call, the one that asks how many there are.
      const both = DomainModificationImpact.AFFECT_LIVE | DomainModificationImpact.AFFECT_CONFIG;
      throw failedBecause((flags & both) === both ? 'Unable to get number of blkio parameters' : 'Unable to get blkio parameters', err);
    });
    ctx.session.out.print(params.map((p) => `${p.field.padEnd(15)}: ${typedParamText(p)}\n`).join(''));
  },
};
