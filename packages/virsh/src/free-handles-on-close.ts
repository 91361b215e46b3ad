import type { VirtConnection, VirtDomain } from './virt-api.js';

/** The calls that hand out a domain handle, each adding a reference on the connection. */
const HANDLE_GIVERS = new Set([
  'listAllDomains',
  'lookupDomainById',
  'lookupDomainByName',
  'lookupDomainByUUIDString',
  'createXML',
  'defineXML',
]);

/**
 * virsh 9 frees every domain handle it looked up (virshDomainFree), so closing the connection
 * really closes it: the drivers' sockets and devices are released and test:///default starts
 * afresh on the next connect. Commands here keep no handle past their run, so freeing them all
 * when the connection closes is the same, and no command has to remember it.
 */
export function freeHandlesOnClose(conn: VirtConnection): VirtConnection {
  const handed: VirtDomain[] = [];
  return new Proxy(conn, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      if (key === 'close') {
        return async () => {
          const handles = handed.splice(0);
          await Promise.allSettled(handles.map((dom) => dom.free()));
          return target.close();
        };
      }
      if (typeof key === 'string' && HANDLE_GIVERS.has(key)) {
        return async (...args: unknown[]) => {
          const result: VirtDomain | VirtDomain[] = await value.apply(target, args);
          handed.push(...(Array.isArray(result) ? result : [result]));
          return result;
        };
      }
      return value.bind(target);
    },
  });
}
