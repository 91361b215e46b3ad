import type { DriverFactory } from '../driver.js';
import { registerDriver, registeredDrivers } from '../driver-registry.js';
import { hypervisorDriverFactory } from './hypervisor/hypervisor-factory.js';
import { proxyDriverFactory } from './proxy/proxy-factory.js';
import { remoteDriverFactory } from './remote/remote-factory.js';
import { testDriverFactory } from './test/test-driver-factory.js';
import { xendDriverFactory } from './xend/xend-factory.js';
import { xenlightDriverFactory } from './xenlight/xenlight-factory.js';
import { xenstoreDriverFactory } from './xenstore/xenstore-factory.js';

/**
 * The drivers this package ships, registered on first use of open() (virInitialize). Their order
 * here does not matter: each declares its priority. The Xen drivers (hypervisor,
 * proxy, xend, xenstore) add their factories to this list; a factory whose peer library is
 * optional (the hypervisor driver's @libvirt-ts/hypercall) loads it lazily inside its open().
 */
const BUILTIN_DRIVERS: readonly DriverFactory[] = [
  hypervisorDriverFactory,
  proxyDriverFactory,
  xendDriverFactory,
  xenstoreDriverFactory,
  xenlightDriverFactory,
  testDriverFactory,
  remoteDriverFactory,
];

let registered = false;

/** virInitialize: idempotent. A driver the user registered before the first open() is kept. */
export function registerBuiltinDrivers(): void {
  if (registered) return;
  registered = true;
  const taken = new Set(registeredDrivers().map((factory) => factory.name));
  for (const factory of BUILTIN_DRIVERS) if (!taken.has(factory.name)) registerDriver(factory);
}
