import type { OpenOptions } from '../../types.js';
import { xenDriverError } from './to-virt-error.js';
import type { XenOpenOptions } from './xen-options.js';

const STRING_FIELDS = ['xendSocket', 'xenstoredSocket', 'xenstoredSocketRo', 'privcmdDevice', 'proxySocket'] as const;
const STRING_OR_FALSE_FIELDS = ['xendUrl', 'proxyBinary'] as const;

/** The Xen drivers' fields of open()'s options, checked: a wrong type is INVALID_ARG naming the field. */
export function readXenOptions(options: OpenOptions): XenOpenOptions {
  const result: XenOpenOptions = {};
  for (const field of STRING_FIELDS) {
    const value = options[field];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value === '') throw invalid(field, 'a non-empty string');
    result[field] = value;
  }
  for (const field of STRING_OR_FALSE_FIELDS) {
    const value = options[field];
    if (value === undefined) continue;
    if (value !== false && (typeof value !== 'string' || value === '')) throw invalid(field, 'a non-empty string or false');
    result[field] = value;
  }
  const { hypervisor, useHypervisor, timeoutMs } = options;
  if (hypervisor !== undefined) {
    if (typeof hypervisor !== 'object' || hypervisor === null) throw invalid('hypervisor', 'an object');
    result.hypervisor = hypervisor as XenOpenOptions['hypervisor'];
  }
  if (useHypervisor !== undefined) {
    if (typeof useHypervisor !== 'boolean') throw invalid('useHypervisor', 'a boolean');
    result.useHypervisor = useHypervisor;
  }
  if (timeoutMs !== undefined) {
    if (typeof timeoutMs !== 'number' || !(timeoutMs > 0)) throw invalid('timeoutMs', 'a positive number');
    result.timeoutMs = timeoutMs;
  }
  return result;
}

function invalid(field: string, expected: string) {
  return xenDriverError('NONE', 'INVALID_ARG', `open option '${field}' must be ${expected}`);
}
