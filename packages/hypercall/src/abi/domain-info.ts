/**
 * One domain's getdomaininfo record, the same shape for both ABI generations, and its decoding
 * into Xen's terms (the flags by name, the shutdown code, KiB, the handle).
 */
import { type DomainFlags, decodeDomainFlags, decodeShutdownReason, type ShutdownReason } from './domain-state.js';

/** The fields both generations share, as the hypervisor gave them. */
export interface RawDomainInfo {
  domain: number;
  flags: number;
  totPages: bigint;
  maxPages: bigint;
  sharedInfoFrame: bigint;
  /** Nanoseconds. */
  cpuTime: bigint;
  nrOnlineVcpus: number;
  maxVcpuId: number;
  ssidref: number;
  /** xen_domain_handle_t: the domain's UUID, 16 bytes. */
  handle: Uint8Array;
  /** Xen 4.x only. */
  cpupool?: number;
}

/** A domain as the hypervisor describes it (getdomaininfo), decoded. */
export interface XenDomainInfo {
  id: number;
  /** xen_domain_handle_t: the domain's UUID, the 16 raw bytes (printing it is the consumer's: xml-format's formatUuid). */
  handle: Uint8Array;
  /** Every XEN_DOMINF_* bit by name. */
  flags: DomainFlags;
  /** The code the guest shut down with (SHUTDOWN_*), when the shutdown flag is set. */
  shutdownReason: ShutdownReason | number | undefined;
  /** Current memory (tot_pages) in KiB. */
  memoryKiB: number;
  /** Maximum memory (max_pages) in KiB. */
  maxMemoryKiB: number;
  cpuTimeNs: bigint;
  vcpusOnline: number;
  maxVcpuId: number;
  cpupool: number | undefined;
  raw: RawDomainInfo;
}

/** Pages to KiB with the hypervisor's page size (0.1.3 hard-coded 4; later libvirt asked). */
export function pagesToKiB(pages: bigint, pageSize: number): number {
  return Number((pages * BigInt(pageSize)) / 1024n);
}

export function decodeDomainInfo(raw: RawDomainInfo, pageSize: number): XenDomainInfo {
  return {
    id: raw.domain,
    handle: raw.handle,
    flags: decodeDomainFlags(raw.flags),
    shutdownReason: decodeShutdownReason(raw.flags),
    memoryKiB: pagesToKiB(raw.totPages, pageSize),
    maxMemoryKiB: pagesToKiB(raw.maxPages, pageSize),
    cpuTimeNs: raw.cpuTime,
    vcpusOnline: raw.nrOnlineVcpus,
    maxVcpuId: raw.maxVcpuId,
    cpupool: raw.cpupool,
    raw,
  };
}

/** The getdomaininfo fields both generations name alike (C names). */
export interface GetDomainInfoFields {
  domain: number;
  flags: number;
  tot_pages: bigint;
  max_pages: bigint;
  shared_info_frame: bigint;
  cpu_time: bigint;
  nr_online_vcpus: number;
  max_vcpu_id: number;
  ssidref: number;
  handle: Uint8Array;
  cpupool?: number;
}

export function rawDomainInfo(r: GetDomainInfoFields): RawDomainInfo {
  return {
    domain: r.domain,
    flags: r.flags,
    totPages: r.tot_pages,
    maxPages: r.max_pages,
    sharedInfoFrame: r.shared_info_frame,
    cpuTime: r.cpu_time,
    nrOnlineVcpus: r.nr_online_vcpus,
    maxVcpuId: r.max_vcpu_id,
    ssidref: r.ssidref,
    handle: r.handle,
    ...(r.cpupool === undefined ? {} : { cpupool: r.cpupool }),
  };
}
