import type { OpenOptions } from '../../types.js';
import { xenDriverError } from '../xen/to-virt-error.js';
import { LIBVIRT_CPU_MAP_DIR } from './x86-cpu-map.js';

/**
 * Where the xenlight driver keeps its own files and finds `xl`. Defaults never touch libvirt's
 * folders (/etc/libvirt/libxl, /run/libvirt/libxl), so libvirtd and this driver can share a host.
 */
export type XenlightOptions = {
  /** Persistent definitions, one `<name>.xml` each, and `autostart/`; default `/etc/libvirt-ts/xen`. */
  xenlightConfigDir?: string;
  /** What this driver knows of the domains it started (their live XML, state reason); default `/run/libvirt-ts/xen`. */
  xenlightStateDir?: string;
  /** Xen's `xl` command; default `xl` on PATH. */
  xlBinary?: string;
  /** libvirt's CPU map, which names the host CPU model in capabilities; default where libvirt0 installs it. */
  cpuMapDir?: string;
};

export const XENLIGHT_DEFAULTS = {
  xenlightConfigDir: '/etc/libvirt-ts/xen',
  xenlightStateDir: '/run/libvirt-ts/xen',
  xlBinary: 'xl',
  cpuMapDir: LIBVIRT_CPU_MAP_DIR,
} as const;

/** The xenlight fields of open()'s options with their defaults; a wrong type is INVALID_ARG naming the field. */
export function readXenlightOptions(options: OpenOptions): Required<XenlightOptions> {
  const result: Required<XenlightOptions> = { ...XENLIGHT_DEFAULTS };
  for (const field of Object.keys(XENLIGHT_DEFAULTS) as (keyof XenlightOptions)[]) {
    const value = options[field];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value === '') {
      throw xenDriverError('NONE', 'INVALID_ARG', `open option '${field}' must be a non-empty string`);
    }
    result[field] = value;
  }
  return result;
}
