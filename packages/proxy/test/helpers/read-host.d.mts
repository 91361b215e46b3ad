import type { Connection, XenOpenOptions } from '@libvirt-ts/virt';

export function proxyOnlyOptions(socketName: string, proxyBinary?: string | false): XenOpenOptions;

export interface HostReading {
  version: number;
  nodeInfo: unknown;
  numOfDomains: number;
  ids: number[];
  domains: Array<{ id: number; name: string; uuid: string; info: unknown; maxMemory: number; osType: string; xml: string; idByName: number; nameByUuid: string }>;
  unknownId: string;
  unknownName: string;
}

export function readHost(conn: Connection): Promise<HostReading>;
export function tryWrites(conn: Connection, domainName: string): Promise<Record<string, string>>;
