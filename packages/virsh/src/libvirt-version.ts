/**
 * The libvirt release whose virsh this one reproduces: printed by -v and as the
 * library and API versions of `version`, so scripts that check it keep working.
 */
export const LIBVIRT_VERSION = 9_000_000;

/** libvirt's version number encoding: major * 1,000,000 + minor * 1,000 + release. */
export function formatVersion(version: number): string {
  return `${Math.floor(version / 1_000_000)}.${Math.floor((version % 1_000_000) / 1000)}.${version % 1000}`;
}
