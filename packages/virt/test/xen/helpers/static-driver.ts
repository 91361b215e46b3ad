import type { DomainRef, Driver } from '../../../src/driver.js';
import type { DomainInfo, NodeInfo } from '../../../src/types.js';
import { parseUuid } from '@libvirt-ts/xml-format';

export interface StaticDomain extends DomainRef {
  info: DomainInfo;
}

/** A fixed node for the proxy server to report from: two domains and a Xen 3.0.2 host. */
export const STATIC_NODE: NodeInfo = { model: 'i686', memory: 2096128, cpus: 2, mhz: 2000, nodes: 1, sockets: 1, cores: 2, threads: 1 };

export const STATIC_DOMAINS: StaticDomain[] = [
  {
    id: 0,
    name: 'Domain-0',
    uuid: new Uint8Array(16),
    info: { state: 1, maxMem: 524288, memory: 524288, nrVirtCpu: 2, cpuTime: 1_000_000_000n },
  },
  {
    id: 6,
    name: 'pvtest',
    uuid: parseUuid('596a5d21-71f4-8fb2-e068-e2386a5c413e')!,
    info: { state: 2, maxMem: 430080, memory: 430080, nrVirtCpu: 2, cpuTime: 2_500_000_000n },
  },
];

const byBytes = (a: Uint8Array, b: Uint8Array) => a.every((x, i) => x === b[i]);

/** A read-only driver over STATIC_DOMAINS: what a proxy server reads from. */
export function staticDriver(): Driver {
  const ref = (d: StaticDomain | undefined): DomainRef | undefined => d && { id: d.id, name: d.name, uuid: d.uuid };
  const find = (r: DomainRef) => {
    const d = STATIC_DOMAINS.find((x) => x.id === r.id);
    if (!d) throw new Error(`no domain ${r.id}`);
    return d;
  };
  return {
    name: 'Static',
    close: async () => {},
    getVersion: async () => 3_000_002,
    nodeGetInfo: async () => STATIC_NODE,
    listDomainIDs: async () => STATIC_DOMAINS.map((d) => d.id),
    numOfDomains: async () => STATIC_DOMAINS.length,
    lookupByID: async (id) => ref(STATIC_DOMAINS.find((d) => d.id === id)),
    lookupByName: async (name) => ref(STATIC_DOMAINS.find((d) => d.name === name)),
    lookupByUUID: async (uuid) => ref(STATIC_DOMAINS.find((d) => byBytes(d.uuid, uuid))),
    domainGetMaxMemory: async (r) => find(r).info.maxMem,
    domainGetInfo: async (r) => find(r).info,
  };
}
