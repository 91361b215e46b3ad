// libvirt's CPU bitmap strings ("0-3,^2,8") in a Xen config's cpus setting: parsed by the domain
// XML's own reader (virBitmapParse), up to the CPUs a Xen config may name.
import { formatCpuBitmap, parseCpuBitmap as parseBitmap } from '@libvirt-ts/xml-format';
import { XenConfigError } from '../xen-config-error.js';

const MAX_CPUS = 4096;

export function parseCpuBitmap(text: string, setting: string): Set<number> {
  const cpus = parseBitmap(text, MAX_CPUS);
  if (cpus === undefined) throw new XenConfigError({ code: 'INVALID_ARG', reason: `Failed to parse bitmap '${text}'`, setting });
  return cpus;
}

export { formatCpuBitmap };
