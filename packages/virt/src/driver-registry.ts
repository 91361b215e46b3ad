import { type DriverFactory, DriverNo } from './driver.js';

/**
 * libvirt's priority order (virInitialize): a connection's drivers are opened and kept in this
 * order, and "first success" dispatch asks them in it.
 */
export const DRIVER_PRIORITY: readonly DriverNo[] = [
  DriverNo.XEN_HYPERVISOR,
  DriverNo.XEN_PROXY,
  DriverNo.XEN_DAEMON,
  DriverNo.XEN_STORE,
  DriverNo.TEST,
];

const registry = new Map<DriverNo, DriverFactory>();

/**
 * virRegisterDriver: makes a driver available to open(). Registering a factory with the number of
 * one already registered replaces it (tests use this to plug in a driver on other paths).
 */
export function registerDriver(factory: DriverFactory): void {
  registry.set(factory.no, factory);
}

/** Removes a registered driver; true if there was one. */
export function unregisterDriver(no: DriverNo): boolean {
  return registry.delete(no);
}

/** The registered drivers in priority order. */
export function registeredDrivers(): DriverFactory[] {
  return DRIVER_PRIORITY.flatMap((no) => {
    const factory = registry.get(no);
    return factory ? [factory] : [];
  });
}
