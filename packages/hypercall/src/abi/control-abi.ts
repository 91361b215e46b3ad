/**
 * What the hypervisor object needs from one ABI generation (Xen 3.0 dom0_op, Xen 4.x
 * sysctl/domctl): pure encoders of the control struct for each operation and decoders of
 * the answers. Addresses of guest buffers are passed in; no I/O happens here.
 */
import type { RawDomainInfo } from './domain-info.js';
import type { RawPhysinfo } from './physinfo.js';

export interface ControlRequest {
  /** Hypercall number; the control struct's address is its first argument. */
  hypercall: number;
  /** The Xen name of the operation, for errors: XEN_DOMCTL_pausedomain, DOM0_PAUSEDOMAIN... */
  op: string;
  /** The whole control struct, ready to copy into hypercall memory. */
  bytes: Uint8Array;
}

export interface ControlAbi {
  /** e.g. "Xen 4.17 sysctl 0x15 / domctl 0x15" or "Xen 3.0 dom0_op 0x03000001". */
  readonly name: string;
  readonly generation: 'dom0_op' | 'sysctl/domctl';
  /** sizeof one getdomaininfo record. */
  readonly domainInfoSize: number;

  /** Up to `maxDomains` records for domains with id >= firstDomain, written to `buffer`. */
  encodeGetDomainInfoList(firstDomain: number, maxDomains: number, buffer: bigint): ControlRequest;
  /** num_domains from the control struct after the call. */
  decodeDomainInfoListCount(control: Uint8Array): number;
  /** Record `index` of the buffer filled by getdomaininfolist. */
  decodeDomainInfo(list: Uint8Array, index: number): RawDomainInfo;

  /** Single-domain info straight from the control struct, or undefined where the generation has none (use the list). */
  encodeGetDomainInfo?(domain: number): ControlRequest;
  decodeGetDomainInfo?(control: Uint8Array): RawDomainInfo;

  encodePauseDomain(domain: number): ControlRequest;
  encodeUnpauseDomain(domain: number): ControlRequest;
  encodeDestroyDomain(domain: number): ControlRequest;
  encodeSetMaxMemory(domain: number, maxMemKiB: bigint): ControlRequest;
  /** The host's CPUs and memory (sysctl physinfo); undefined where the generation has none here. */
  encodePhysinfo?(): ControlRequest;
  /** sysctl numainfo: `nodes` meminfo entries at `meminfo`, nodes² distances at `distance`; 0, 0n, 0n asks the count. */
  encodeNumainfo?(nodes: number, meminfo: bigint, distance: bigint): ControlRequest;
  /** The node count numainfo left: written, or wanted when asked with null handles. */
  decodeNumainfoCount?(control: Uint8Array): number;
  /** One entry of numainfo's meminfo list, in bytes. */
  decodeMeminfo?(list: Uint8Array, index: number): { memsize: bigint; memfree: bigint };
  meminfoSize?: number;
  decodePhysinfo?(control: Uint8Array): RawPhysinfo;
  /** Undefined where the generation has no such operation here (NO_SUPPORT). */
  encodeSetMaxVcpus?(domain: number, maxVcpus: number): ControlRequest;
}
