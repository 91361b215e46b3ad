import type { Hypervisor } from '@libvirt-ts/hypercall';
import { isHypercallError } from '../../errors/package-errors.js';
import { isPackageNotFound } from '../../package-not-found.js';
import { xenDriverError } from '../xen/to-virt-error.js';
import { toHypervisorDomain } from './hypercall-mapping.js';
import type { HypervisorSession } from './hypervisor-session.js';

type HypercallModule = typeof import('@libvirt-ts/hypercall');

/**
 * Loads the optional `@libvirt-ts/hypercall` package (`importPackage` is for tests). Undefined when
 * it is not installed: the hypervisor driver then declines and the other drivers carry on. A package
 * that is there but fails to load is NO_XEN naming why, as a hypercall addon that fails to load is.
 */
export async function loadHypercall(
  importPackage: () => Promise<HypercallModule> = () => import('@libvirt-ts/hypercall'),
): Promise<HypercallModule | undefined> {
  try {
    return await importPackage();
  } catch (error) {
    if (isPackageNotFound(error, '@libvirt-ts/hypercall')) return undefined;
    const reason = error instanceof Error ? error.message : String(error);
    throw xenDriverError('XEN', 'NO_XEN', `@libvirt-ts/hypercall is installed but did not load: ${reason}`, { cause: error });
  }
}

/** Opens the hypervisor through the package and presents it as the driver's HypervisorSession. */
export async function openHypervisorSession(
  hypercall: HypercallModule,
  options: Parameters<HypercallModule['openHypervisor']>[0],
): Promise<HypervisorSession> {
  const hv: Hypervisor = await hypercall.openHypervisor(options);
  return {
    // the version cannot change while the hypervisor runs: the probe's answer is kept
    version: async () => ({ major: hv.version.major, minor: hv.version.minor, capabilities: hv.version.capabilities }),
    listDomains: async () => (await hv.listDomains()).map(toHypervisorDomain),
    lifecycleDomains: async () => (await hv.listDomains()).map((info) => ({ name: undefined, uuid: toHypervisorDomain(info).uuid, info })),
    domainInfo: async (id) => {
      try {
        return toHypervisorDomain(await hv.getDomainInfo(id));
      } catch (error) {
        if (isHypercallError(error) && error.code === 'ESRCH') return undefined;
        throw error;
      }
    },
    pause: (id) => hv.pauseDomain(id),
    unpause: (id) => hv.unpauseDomain(id),
    destroy: (id) => hv.destroyDomain(id),
    setMaxMemory: (id, kib) => hv.setMaxMemory(id, kib),
    close: () => hv.close(),
  };
}
