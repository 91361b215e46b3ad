/**
 * Which control ABIs to try for a hypervisor version, in order. Like later libvirt we
 * confirm a candidate by trial (the hypervisor answers EACCES to a wrong interface
 * version), but start from the one the version number says.
 */
import type { ControlAbi } from './control-abi.js';
import { DOM0_INTERFACE_VERSION_3_0_1, DOM0_INTERFACE_VERSION_3_0_2, xen3Dom0OpAbi } from './xen3-dom0-op.js';
import { XEN_4_17, type Xen4InterfaceVersions, xen4SysctlDomctlAbi } from './xen4-sysctl-domctl.js';

/** Xen 4.x releases whose getdomaininfo layout this package has verified. */
export const KNOWN_XEN4_RELEASES: readonly Xen4InterfaceVersions[] = [XEN_4_17];

export function abiCandidates(major: number, minor: number): ControlAbi[] {
  if (major === 3 && minor === 0) {
    return [xen3Dom0OpAbi(DOM0_INTERFACE_VERSION_3_0_1), xen3Dom0OpAbi(DOM0_INTERFACE_VERSION_3_0_2)];
  }
  if (major >= 4) {
    const release = `${major}.${minor}`;
    const ordered = [...KNOWN_XEN4_RELEASES].sort(
      (a, b) => Number(b.release === release) - Number(a.release === release),
    );
    return ordered.map(xen4SysctlDomctlAbi);
  }
  return [];
}
