import { registeredDrivers } from './driver-registry.js';
import { registerBuiltinDrivers } from './drivers/builtin-drivers.js';
import { LIB_VERSION } from './engine/connection-engine.js';
import { reportError } from './errors/error-reporting.js';
import { VirtError } from './errors/virt-error.js';

/**
 * virGetVersion: the library version and the version of the API for a driver type (default "Xen").
 * The type is matched against the registered drivers' names ("Xen", "XenDaemon", "Test"...) and the
 * types they report ("TEST"), ignoring case; unknown → NO_SUPPORT. As in later libvirt, the type's
 * version is the library's (virsh 9 prints "Using API: TEST 9.0.0").
 */
export function getVersion(type = 'Xen'): { libVer: number; typeVer: number } {
  registerBuiltinDrivers();
  const wanted = type.toLowerCase();
  const known = registeredDrivers().some((factory) => factory.name.toLowerCase() === wanted);
  if (!known) {
    const error = new VirtError({ code: 'NO_SUPPORT', domain: 'NONE', info: type, str1: type });
    reportError(error);
    throw error;
  }
  return { libVer: LIB_VERSION, typeVer: LIB_VERSION };
}

/** virInitialize: registers the built-in drivers (open() does it too). Idempotent. */
export function initialize(): void {
  registerBuiltinDrivers();
}
