/**
 * Which control ABIs to try for a hypervisor version, in order. Like later libvirt we
 * confirm a candidate by trial (the hypervisor answers EACCES to a wrong interface
 * version), but start from the one the version number says.
 */
import type { ControlAbi } from './control-abi.js';
import { DOM0_INTERFACE_VERSION_3_0_1, DOM0_INTERFACE_VERSION_3_0_2, xen3Dom0OpAbi } from './xen3-dom0-op.js';
import { type Xen4InterfaceVersions, XEN4_RELEASES, xen4SysctlDomctlAbi } from './xen4-sysctl-domctl.js';

/** Xen 4.x releases whose layouts this package has verified. */
export const KNOWN_XEN4_RELEASES: readonly Xen4InterfaceVersions[] = XEN4_RELEASES;

export function abiCandidates(major: number, minor: number): ControlAbi[] {
  if (major === 3 && minor === 0) {
    return [xen3Dom0OpAbi(DOM0_INTERFACE_VERSION_3_0_1), xen3Dom0OpAbi(DOM0_INTERFACE_VERSION_3_0_2)];
  }
  if (major >= 4) {
    // This release's versions first, then the others, newest first; each pair once.
    const release = `${major}.${minor}`;
    const ordered = [...KNOWN_XEN4_RELEASES].sort(
      (a, b) => Number(b.release === release) - Number(a.release === release) || compareRelease(b, a),
    );
    const seen = new Set<string>();
    return ordered
      .filter(({ sysctl, domctl }) => !seen.has(`${sysctl}/${domctl}`) && seen.add(`${sysctl}/${domctl}`))
      .map(xen4SysctlDomctlAbi);
  }
  return [];
}

function compareRelease(a: Xen4InterfaceVersions, b: Xen4InterfaceVersions): number {
  const [aMajor = 0, aMinor = 0] = a.release.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.release.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}
