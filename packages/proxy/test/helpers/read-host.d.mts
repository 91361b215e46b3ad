import type { Connection, XenOpenOptions } from '@libvirt-ts/virt';

export function proxyOnlyOptions(socketName: string, proxyBinary?: string | false): XenOpenOptions;

/** A domain's four flags, each its value or the error code its query failed with. */
export interface DomainFlags {
  active: boolean | string;
  persistent: boolean | string;
  autostart: boolean | string;
  managedSave: boolean | string;
}

export interface HostReading {
  numOfDefinedDomains: number;
  defined: Array<{ name: string; id: number; uuid: string; info: unknown; maxMemory: number; flags: DomainFlags; state: unknown }>;
  version: number;
  nodeInfo: unknown;
  numOfDomains: number;
  ids: number[];
  domains: Array<{ id: number; name: string; uuid: string; info: unknown; maxMemory: number; osType: string; xml: string; idByName: number; nameByUuid: string; flags: DomainFlags; state: unknown }>;
  unknownId: string;
  unknownName: string;
}

export function readHost(conn: Connection): Promise<HostReading>;
export function tryWrites(conn: Connection, domainName: string): Promise<Record<string, string>>;
