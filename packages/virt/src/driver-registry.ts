import type { DriverFactory } from './driver.js';

/**
 * The priorities of the drivers this package ships: libvirt's order (virInitialize), hypervisor,
 * proxy, xend, xenstore, test. A new driver picks a number between or after them; gaps are left so
 * it can sit anywhere (e.g. a remote driver, libvirt's catch-all, after all of them).
 */
export const BUILTIN_DRIVER_PRIORITY = {
  /** Xen 4.5+ without xend: first, so that it can take the host before the xend-era drivers. */
  xenlight: 50,
  Xen: 100,
  XenProxy: 200,
  XenDaemon: 300,
  XenStore: 400,
  Test: 500,
  /** libvirt's remote driver, the catch-all for names with a transport or a server. */
  remote: 900,
} as const;

/** Registered factories by name, kept sorted by priority (ties: registration order). */
let registry: DriverFactory[] = [];

/**
 * virRegisterDriver: makes a driver available to open(). Registering a factory under the name of
 * one already registered replaces it (tests use this to plug in a driver on other paths).
 */
export function registerDriver(factory: DriverFactory): void {
  if (!Number.isFinite(factory.priority)) throw new TypeError(`driver ${factory.name}: priority must be a finite number`);
  const others = registry.filter((f) => f.name !== factory.name);
  const at = others.findIndex((f) => f.priority > factory.priority);
  registry = at === -1 ? [...others, factory] : [...others.slice(0, at), factory, ...others.slice(at)];
}

/** Removes the driver registered under `name`; true if there was one. */
export function unregisterDriver(name: string): boolean {
  const before = registry.length;
  registry = registry.filter((f) => f.name !== name);
  return registry.length !== before;
}

/** The registered drivers in priority order (a copy). */
export function registeredDrivers(): DriverFactory[] {
  return [...registry];
}
