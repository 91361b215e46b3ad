// <blkiotune> -> BlkiotuneConfig, with libvirt 9's checks (virDomainBlkioDeviceParseXML, virDomainDefTunablesValidate).
import type { BlkioDeviceConfig, BlkiotuneConfig } from '../model/domain.js';
import type { ElementReader } from './element-reader.js';

const UINT_MAX = 0xffffffffn;
const ULLONG_MAX = 0xffffffffffffffffn;

/**
 * strtoul as virStrToLong_ui/_ull read a whole string: blanks and a sign first, digits to the end;
 * "-N" wraps as C does ("-1" is the largest value). Undefined when it is not such a number or too big.
 */
export function parseCUnsigned(text: string, max: bigint): bigint | undefined {
  const match = /^[ \t\n\v\f\r]*([+-]?)(\d+)$/.exec(text);
  if (!match) return undefined;
  const digits = BigInt(match[2] as string);
  if (digits > max) return undefined;
  return match[1] === '-' ? (max + 1n - digits) % (max + 1n) : digits;
}

/** The `<blkiotune>` of `domain`; a weight that is no number is 0 (libvirt ignores it), a device's bad number fails. */
export function readBlkiotune(domain: ElementReader): BlkiotuneConfig | undefined {
  const blkiotune = domain.child('blkiotune');
  if (blkiotune === undefined) return undefined;
  const weightText = blkiotune.childText('weight');
  const weight = weightText === undefined ? undefined : parseCUnsigned(weightText, UINT_MAX);
  const devices = blkiotune.children('device').map(readDevice);
  devices.forEach((device, i) => {
    if (devices.slice(0, i).some((earlier) => earlier.path === device.path)) {
      blkiotune.fail('CONFIG_UNSUPPORTED', 'DUPLICATE', `duplicate blkio device path '${device.path}'`, device.path);
    }
  });
  return { weight: Number(weight ?? 0n), devices };
}

function readDevice(device: ElementReader): BlkioDeviceConfig {
  const path = device.childText('path');
  if (path === undefined || path === '') return device.missingElement('CONFIG_UNSUPPORTED', 'missing per-device path');
  const number = (element: string, what: string, max: bigint): bigint => {
    const text = device.childText(element);
    // libvirt's virXPathString: an empty element is an absent one.
    if (text === undefined || text === '') return 0n;
    return parseCUnsigned(text, max) ?? device.fail('CONFIG_UNSUPPORTED', 'INVALID_VALUE', `could not parse ${what} ${text}`, text);
  };
  return {
    path,
    weight: Number(number('weight', 'weight', UINT_MAX)),
    readBytesSec: number('read_bytes_sec', 'read bytes sec', ULLONG_MAX),
    writeBytesSec: number('write_bytes_sec', 'write bytes sec', ULLONG_MAX),
    readIopsSec: Number(number('read_iops_sec', 'read iops sec', UINT_MAX)),
    writeIopsSec: Number(number('write_iops_sec', 'write iops sec', UINT_MAX)),
  };
}
