/**
 * The `extra` payloads of proxy packets, laid out as the C structs of libvirt 0.1.3 on x86_64
 * (virDomainInfo is 40 bytes, virNodeInfo 64; longs are 8 bytes, little-endian). Pure: no I/O.
 */
import { PROXY_MAX_EXTRA, PROXY_MAX_NAME, ProxyPacketError } from './proxy-packet.js';

/** virDomainInfo as the C struct holds it; `state` is virDomainState's number. */
export interface ProxyDomainInfo {
  state: number;
  /** KiB */
  maxMem: number;
  /** KiB */
  memory: number;
  nrVirtCpu: number;
  /** ns */
  cpuTime: bigint;
}

/** virNodeInfo as the C struct holds it. */
export interface ProxyNodeInfo {
  model: string;
  /** KiB */
  memory: number;
  cpus: number;
  mhz: number;
  nodes: number;
  sockets: number;
  cores: number;
  threads: number;
}

export const DOMAIN_INFO_SIZE = 40;
export const NODE_INFO_SIZE = 64;
const MODEL_SIZE = 32;
const UUID_SIZE = 16;

export function encodeDomainInfo(info: ProxyDomainInfo): Uint8Array {
  const bytes = new Uint8Array(DOMAIN_INFO_SIZE);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, info.state);
  view.setBigUint64(8, BigInt(info.maxMem), true);
  view.setBigUint64(16, BigInt(info.memory), true);
  view.setUint16(24, info.nrVirtCpu, true);
  view.setBigUint64(32, info.cpuTime, true);
  return bytes;
}

export function decodeDomainInfo(extra: Uint8Array): ProxyDomainInfo {
  requireSize(extra, DOMAIN_INFO_SIZE, 'virDomainInfo');
  const view = new DataView(extra.buffer, extra.byteOffset, DOMAIN_INFO_SIZE);
  return {
    state: view.getUint8(0),
    maxMem: Number(view.getBigUint64(8, true)),
    memory: Number(view.getBigUint64(16, true)),
    nrVirtCpu: view.getUint16(24, true),
    cpuTime: view.getBigUint64(32, true),
  };
}

export function encodeNodeInfo(info: ProxyNodeInfo): Uint8Array {
  const bytes = new Uint8Array(NODE_INFO_SIZE);
  const view = new DataView(bytes.buffer);
  // model is char[32] holding at most 31 bytes and a NUL
  bytes.set(new TextEncoder().encode(info.model).subarray(0, MODEL_SIZE - 1), 0);
  view.setBigUint64(32, BigInt(info.memory), true);
  view.setUint32(40, info.cpus, true);
  view.setUint32(44, info.mhz, true);
  view.setUint32(48, info.nodes, true);
  view.setUint32(52, info.sockets, true);
  view.setUint32(56, info.cores, true);
  view.setUint32(60, info.threads, true);
  return bytes;
}

export function decodeNodeInfo(extra: Uint8Array): ProxyNodeInfo {
  requireSize(extra, NODE_INFO_SIZE, 'virNodeInfo');
  const view = new DataView(extra.buffer, extra.byteOffset, NODE_INFO_SIZE);
  return {
    model: cString(extra.subarray(0, MODEL_SIZE)),
    memory: Number(view.getBigUint64(32, true)),
    cpus: view.getUint32(40, true),
    mhz: view.getUint32(44, true),
    nodes: view.getUint32(48, true),
    sockets: view.getUint32(52, true),
    cores: view.getUint32(56, true),
    threads: view.getUint32(60, true),
  };
}

/** LIST reply: `count` ints. */
export function encodeIdList(ids: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(ids.length * 4);
  const view = new DataView(bytes.buffer);
  for (const [i, id] of ids.entries()) view.setInt32(i * 4, id, true);
  return bytes;
}

export function decodeIdList(extra: Uint8Array, count: number): number[] {
  requireSize(extra, count * 4, `list of ${count} domain ids`);
  const view = new DataView(extra.buffer, extra.byteOffset, count * 4);
  return Array.from({ length: count }, (_, i) => view.getInt32(i * 4, true));
}

/** A NUL-terminated name, as LOOKUP_NAME requests and LOOKUP_UUID replies carry it. */
export function encodeName(name: string): Uint8Array {
  const encoded = new TextEncoder().encode(name);
  if (encoded.length > PROXY_MAX_NAME) {
    throw new RangeError(`domain name of ${encoded.length} bytes exceeds the proxy's ${PROXY_MAX_NAME}`);
  }
  const bytes = new Uint8Array(encoded.length + 1);
  bytes.set(encoded);
  return bytes;
}

export function decodeName(extra: Uint8Array): string {
  if (!extra.includes(0)) throw new ProxyPacketError({ code: 'BAD_PAYLOAD', message: 'domain name in proxy reply is not NUL-terminated', offset: 0 });
  return cString(extra);
}

/** LIST_DEFINED reply: the NUL-terminated names one after another. */
export function encodeNameList(names: readonly string[]): Uint8Array {
  const encoded = names.map(encodeName);
  const bytes = new Uint8Array(encoded.reduce((total, name) => total + name.length, 0));
  let at = 0;
  for (const name of encoded) {
    bytes.set(name, at);
    at += name.length;
  }
  return bytes;
}

export function decodeNameList(extra: Uint8Array, count: number): string[] {
  const names: string[] = [];
  let at = 0;
  while (names.length < count) {
    const nul = extra.indexOf(0, at);
    if (nul < 0) throw new ProxyPacketError({ code: 'BAD_PAYLOAD', message: `list of ${count} domain names in proxy reply ends after ${names.length}`, offset: at });
    names.push(new TextDecoder().decode(extra.subarray(at, nul)));
    at = nul + 1;
  }
  return names;
}

/** LOOKUP_ID reply: 16 UUID bytes, then the NUL-terminated name. */
export function encodeUuidAndName(uuid: Uint8Array, name: string): Uint8Array {
  const nameBytes = encodeName(name);
  const bytes = new Uint8Array(UUID_SIZE + nameBytes.length);
  bytes.set(uuid.subarray(0, UUID_SIZE));
  bytes.set(nameBytes, UUID_SIZE);
  return bytes;
}

export function decodeUuidAndName(extra: Uint8Array): { uuid: Uint8Array; name: string } {
  return { uuid: decodeUuid(extra), name: decodeName(extra.subarray(UUID_SIZE)) };
}

export function decodeUuid(extra: Uint8Array): Uint8Array {
  requireSize(extra, UUID_SIZE, 'UUID');
  return extra.slice(0, UUID_SIZE);
}

/** DOMAIN_XML and DOMAIN_OSTYPE replies: the text's bytes, no NUL (the length says where it ends). */
export function encodeText(text: string): Uint8Array {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > PROXY_MAX_EXTRA) throw new RangeError(`text of ${bytes.length} bytes exceeds the proxy's ${PROXY_MAX_EXTRA}`);
  return bytes;
}

export function decodeText(extra: Uint8Array): string {
  return new TextDecoder().decode(extra);
}

function cString(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end));
}

function requireSize(extra: Uint8Array, size: number, what: string): void {
  if (extra.length < size) {
    throw new ProxyPacketError({ code: 'BAD_PAYLOAD', message: `proxy reply carries ${extra.length} bytes, too short for ${what} (${size})`, offset: 0 });
  }
}
