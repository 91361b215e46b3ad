/**
 * libvirt's hypervisor version number: major * 1,000,000 + minor * 1,000 + release.
 * The release comes from `xen_extra` (".2", ".0-1", "-unstable"): one leading dot is skipped
 * and the leading decimal digits are read, as later libvirt does. (0.1.3 concatenated every
 * digit of xen_extra, so ".2-1" became release 21.)
 */
export function encodeXenVersion(major: number, minor: number, extra: string | undefined): number {
  const release = Number(/^\.?(\d+)/.exec(extra ?? '')?.[1] ?? 0);
  return major * 1_000_000 + minor * 1_000 + release;
}
