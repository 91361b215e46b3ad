import type { DomainInfo, NodeInfo } from './types.js';

/**
 * What a driver knows about one domain: enough to build a Domain handle.
 * id is -1 for a defined but inactive domain.
 */
export interface DomainRef {
  id: number;
  name: string;
  /** 16 raw bytes */
  uuid: Uint8Array;
}

/**
 * One driver's table of entry points, as libvirt's driver.h. Every method is optional:
 * the dispatcher throws NO_SUPPORT for a call no open driver implements.
 */
export interface Driver {
  readonly name: string;
  close(): Promise<void>;
  getType?(): Promise<string>;
  getVersion?(): Promise<number>;
  getHostname?(): Promise<string>;
  nodeGetInfo?(): Promise<NodeInfo>;
  listDomainIDs?(): Promise<number[]>;
  listDefinedDomains?(): Promise<string[]>;
  lookupByID?(id: number): Promise<DomainRef | undefined>;
  lookupByName?(name: string): Promise<DomainRef | undefined>;
  domainGetInfo?(ref: DomainRef): Promise<DomainInfo>;
}
