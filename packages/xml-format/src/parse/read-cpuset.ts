// A `cpuset=` attribute (<vcpu>, <vcpupin>, <emulatorpin>, <iothreadpin>) as libvirt reads it.
import { formatCpuBitmap, parseCpuBitmap } from '../values/cpu-bitmap.js';
import type { ElementReader } from './element-reader.js';

/**
 * virBitmapParse then the empty-set check, in libvirt's words; the set as virBitmapFormat writes it
 * back ("0-3,^2" is "0-1,3"). `cpuset` must be present.
 */
export function readCpuset(element: ElementReader): string {
  const cpuset = element.attribute('cpuset') ?? '';
  const cpus = parseCpuBitmap(cpuset);
  if (cpus === undefined) return element.failAttribute('cpuset', 'INVALID_ARG', `Failed to parse bitmap '${cpuset}'`, cpuset);
  if (cpus.size === 0) return element.failAttribute('cpuset', 'CONFIG_UNSUPPORTED', `Invalid value of 'cpuset': ${cpuset}`, cpuset);
  return formatCpuBitmap(cpus);
}
