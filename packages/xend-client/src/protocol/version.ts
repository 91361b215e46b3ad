/**
 * The release number in xend's `xen_extra` (".2", ".0-1", "-unstable"): one leading dot is skipped
 * and the leading decimal digits are read, as later libvirt does; 0 when there are none. (0.1.3
 * concatenated every digit of xen_extra, so ".2-1" became release 21.)
 */
export function xenExtraRelease(extra: string | undefined): number {
  return Number(/^\.?(\d+)/.exec(extra ?? '')?.[1] ?? 0);
}
