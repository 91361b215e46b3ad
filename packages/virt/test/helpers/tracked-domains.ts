import { expect } from 'vitest';
import { type Connection, Domain } from '../../src/index.js';

const handedOut = new WeakMap<Connection, Domain[]>();

/**
 * `conn` as seen through a recorder of every Domain its calls resolve to (lookups, listings, rows
 * of listAllDomainsWithInfo, create and define): each is one reference the test owes a free().
 * closeTracked pays them, so tests sharing test:///default get a fresh node each time, and checks
 * the count libvirt's rules give on the way.
 */
export function trackDomains(conn: Connection): Connection {
  const domains: Domain[] = [];
  const tracked = new Proxy(conn, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.then((resolved: unknown) => {
          collect(resolved, domains);
          return resolved;
        });
      };
    },
  });
  handedOut.set(tracked, domains);
  return tracked;
}

function collect(value: unknown, into: Domain[]): void {
  if (value instanceof Domain) into.push(value);
  else if (Array.isArray(value)) for (const item of value) collect(item, into);
  else if (typeof value === 'object' && value !== null && 'domain' in value) collect(value.domain, into);
}

/**
 * Closes a trackDomains connection, expecting close() to report one reference per handle still
 * held, then frees every reference handed out; the last free closes the drivers.
 */
export async function closeTracked(conn: Connection): Promise<void> {
  const domains = handedOut.get(conn) ?? [];
  const handles = new Set(domains).size;
  const left = conn.isClosed ? handles : await conn.close();
  for (const dom of domains.splice(0)) await dom.free();
  expect(left).toBe(handles);
}
