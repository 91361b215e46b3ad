// testDomainGetBlkioParameters / testDomainSetBlkioParameters: the `<blkiotune>` of one definition,
// as libvirt 9's test driver reads and changes it (virDomainDriverSetupPersistentDefBlkioParams).
import type { BlkioDeviceConfig, BlkiotuneConfig } from '@libvirt-ts/xml-format';
import { DomainBlkioParam, DomainModificationImpact, TypedParameterFlags, TypedParameterType } from '../../constants.js';
import type { VirtError } from '../../errors/virt-error.js';
import type { TypedParameter } from '../../types.js';
import { oneDefinition } from './definition-scope.js';
import type { TestDomain } from './test-domain-list.js';
import { checkFlags, testError } from './test-errors.js';
import { validateParams } from './typed-param-check.js';

const IMPACT = DomainModificationImpact.AFFECT_LIVE | DomainModificationImpact.AFFECT_CONFIG;
const UINT_MAX = 0xffffffffn;
const ULLONG_MAX = 0xffffffffffffffffn;

type DeviceLimit = Exclude<keyof BlkioDeviceConfig, 'path'>;

/** Each per-device parameter, the device field it reads and writes, and its C type's largest value. */
const DEVICE_PARAMS: ReadonlyArray<{ param: string; limit: DeviceLimit; max: bigint }> = [
  { param: DomainBlkioParam.DEVICE_WEIGHT, limit: 'weight', max: UINT_MAX },
  { param: DomainBlkioParam.DEVICE_READ_IOPS, limit: 'readIopsSec', max: UINT_MAX },
  { param: DomainBlkioParam.DEVICE_WRITE_IOPS, limit: 'writeIopsSec', max: UINT_MAX },
  { param: DomainBlkioParam.DEVICE_READ_BPS, limit: 'readBytesSec', max: ULLONG_MAX },
  { param: DomainBlkioParam.DEVICE_WRITE_BPS, limit: 'writeBytesSec', max: ULLONG_MAX },
];

const noDevice = (path: string): BlkioDeviceConfig => ({ path, weight: 0, readIopsSec: 0, writeIopsSec: 0, readBytesSec: 0n, writeBytesSec: 0n });

/** The weight, then each per-device parameter as "path,value,..." of the devices that set it. */
export function blkioParameters(dom: TestDomain, flags: number): TypedParameter[] {
  checkFlags(flags, IMPACT | TypedParameterFlags.STRING_OKAY, 'testDomainGetBlkioParameters');
  const blkiotune = oneDefinition(dom, flags).blkiotune;
  const devices = blkiotune?.devices ?? [];
  return [
    { field: DomainBlkioParam.WEIGHT, type: TypedParameterType.UINT, value: blkiotune?.weight ?? 0 },
    ...DEVICE_PARAMS.map(({ param, limit }) => ({
      field: param,
      type: TypedParameterType.STRING,
      value: devices
        .filter((device) => device[limit] !== 0 && device[limit] !== 0n)
        .map((device) => `${device.path},${device[limit]}`)
        .join(','),
    })),
  ];
}

/** Refused before the domain is looked up, as libvirt checks flags and parameters first. */
export function checkBlkioParameters(params: readonly TypedParameter[], flags: number): void {
  checkFlags(flags, IMPACT, 'testDomainSetBlkioParameters');
  validateParams(params, {
    [DomainBlkioParam.WEIGHT]: TypedParameterType.UINT,
    ...Object.fromEntries(DEVICE_PARAMS.map(({ param }) => [param, TypedParameterType.STRING])),
  });
}

/**
 * Each parameter in turn into the chosen definition; a per-device string that does not parse is
 * reported (the last such error, as libvirt's last virReportError wins) after the others are applied.
 */
export function setBlkioParameters(dom: TestDomain, params: readonly TypedParameter[], flags: number): void {
  const def = oneDefinition(dom, flags);
  const blkiotune: BlkiotuneConfig = def.blkiotune ?? { weight: 0, devices: [] };
  def.blkiotune = blkiotune;
  let failure: VirtError | undefined;
  for (const param of params) {
    if (param.field === DomainBlkioParam.WEIGHT) {
      blkiotune.weight = Number(param.value);
      continue;
    }
    const device = DEVICE_PARAMS.find((d) => d.param === param.field);
    if (device === undefined) continue;
    try {
      mergeDevices(blkiotune.devices, parseDeviceList(String(param.value), device.param, device.max), device.limit);
    } catch (err) {
      failure = err as VirtError;
    }
  }
  if (failure) throw failure;
}

/** virDomainDriverMergeBlkioDevice: a known path gets the new value (0 too), an unknown one is added unless its value is 0. */
function mergeDevices(devices: BlkioDeviceConfig[], changes: ReadonlyArray<{ path: string; value: bigint }>, limit: DeviceLimit): void {
  for (const { path, value } of changes) {
    let device = devices.find((d) => d.path === path);
    if (device === undefined) {
      if (value === 0n) continue;
      device = noDevice(path);
      devices.push(device);
    }
    setLimit(device, limit, value);
  }
}

function setLimit(device: BlkioDeviceConfig, limit: DeviceLimit, value: bigint): void {
  if (limit === 'readBytesSec' || limit === 'writeBytesSec') device[limit] = value;
  else device[limit] = Number(value);
}

/**
 * virDomainDriverParseBlkioDeviceStr: "path,value[,path,value...]" (an odd number of commas), each
 * value digits as strtoul reads them (no sign); libvirt's errors otherwise. "" is no device.
 */
function parseDeviceList(text: string, param: string, max: bigint): Array<{ path: string; value: bigint }> {
  if (text === '') return [];
  const unparsable = () => testError('INVALID_ARG', `unable to parse blkio device '${param}' '${text}'`);
  const commas = text.split(',').length - 1;
  if (commas % 2 === 0) throw unparsable();
  const devices: Array<{ path: string; value: bigint }> = [];
  let rest = text;
  for (;;) {
    const comma = rest.indexOf(',');
    if (comma < 0) throw unparsable();
    const path = rest.slice(0, comma);
    const valueText = rest.slice(comma + 1);
    const number = /^[ \t\n\v\f\r]*\+?(\d+)/.exec(valueText);
    const value = number ? BigInt(number[1] as string) : undefined;
    if (number === null || value === undefined || value > max) {
      throw testError('INVALID_ARG', `invalid value '${valueText}' for parameter '${param}' of device '${path}'`);
    }
    devices.push({ path, value });
    const after = valueText.slice(number[0].length);
    if (after === '') return devices;
    if (!after.startsWith(',')) throw unparsable();
    rest = after.slice(1);
  }
}
