import type { Driver } from '../../src/driver-author.js';

/** A driver that records which entry points were called, in order, into `log` (and its close, as `<name>.close`). */
export function recordingDriver(name: string, log: string[], behaviour: Partial<Driver>): Driver {
  const driver: Driver = { name, close: async () => void log.push(`${name}.close`) };
  for (const [method, fn] of Object.entries(behaviour)) {
    (driver as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      log.push(`${name}.${method}`);
      return (fn as (...a: unknown[]) => Promise<unknown>)(...args);
    };
  }
  return driver;
}
