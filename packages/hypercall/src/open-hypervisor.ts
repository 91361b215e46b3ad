import { DEFAULT_PRIVCMD_DEVICES, openNativePrivcmd } from './backend/native-backend.js';
import type { PrivcmdBackend } from './backend/privcmd-backend.js';
import { Hypervisor } from './hypervisor.js';

export interface OpenHypervisorOptions {
  /** privcmd devices to try, in order. Default: /dev/xen/privcmd, then /proc/xen/privcmd. */
  devices?: readonly string[];
  /** Use this backend instead of the native addon (tests: see `@libvirt-ts/hypercall/testing`). */
  backend?: PrivcmdBackend;
}

/**
 * Opens the hypervisor: the privcmd device through the addon (or the given backend),
 * then probes the Xen version and the control interface. Rejects with HypercallError:
 * NO_XEN (no device, no addon, not Xen), EPERM (not root), NO_SUPPORT (unknown interface).
 */
export async function openHypervisor(options: OpenHypervisorOptions = {}): Promise<Hypervisor> {
  const backend = options.backend ?? openNativePrivcmd(options.devices ?? DEFAULT_PRIVCMD_DEVICES);
  return Hypervisor.open(backend);
}
