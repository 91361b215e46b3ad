/**
 * Xen 4.x domain control: the sysctl (35) and domctl (36) hypercalls, x86_64 layouts of
 * Xen 4.17 (interface versions 0x15/0x15), unchanged from 4.16 to 4.22. Checked against
 * Debian's libxen-dev headers by test/header-offsets.test.ts.
 */
import type { ControlAbi, ControlRequest } from './control-abi.js';
import { rawDomainInfo } from './domain-info.js';
import { Hypercall } from './hypercall-numbers.js';
import { bytes, defineStruct, u8, u16, u32, u64 } from './struct-layout.js';

export const SysctlCmd = { XEN_SYSCTL_physinfo: 3, XEN_SYSCTL_getdomaininfolist: 6, XEN_SYSCTL_numainfo: 17 } as const;

export const DomctlCmd = {
  XEN_DOMCTL_destroydomain: 2,
  XEN_DOMCTL_pausedomain: 3,
  XEN_DOMCTL_unpausedomain: 4,
  XEN_DOMCTL_getdomaininfo: 5,
  XEN_DOMCTL_max_mem: 11,
  XEN_DOMCTL_max_vcpus: 15,
} as const;

/** A Xen release's interface versions. The hypervisor answers EACCES to any other. */
export interface Xen4InterfaceVersions {
  release: string;
  sysctl: number;
  domctl: number;
}

export const XEN_4_17: Xen4InterfaceVersions = { release: '4.17', sysctl: 0x15, domctl: 0x15 };

/**
 * Xen 4.x releases whose headers give these same layouts (checked by compiling
 * test/header-offsets.test.ts's program against each RELEASE-4.x.0 tag's public headers:
 * XEN_HEADER_DIRS=...); only the interface versions differ. Xen 4.17 is also tested live.
 */
export const XEN4_RELEASES: readonly Xen4InterfaceVersions[] = [
  XEN_4_17,
  { release: '4.16', sysctl: 0x14, domctl: 0x14 },
  { release: '4.18', sysctl: 0x15, domctl: 0x16 },
  { release: '4.19', sysctl: 0x15, domctl: 0x17 },
  { release: '4.20', sysctl: 0x15, domctl: 0x17 },
  { release: '4.21', sysctl: 0x16, domctl: 0x17 },
  { release: '4.22', sysctl: 0x16, domctl: 0x18 },
];

export const xenSysctl = defineStruct('xen_sysctl', 136, {
  cmd: u32(0),
  interface_version: u32(4),
});
export const SYSCTL_UNION_OFFSET = 8;

export const xenSysctlGetDomainInfoList = defineStruct('xen_sysctl_getdomaininfolist', 24, {
  first_domain: u16(0),
  max_domains: u32(4),
  buffer: u64(8),
  num_domains: u32(16),
});

export const xenSysctlPhysinfo = defineStruct('xen_sysctl_physinfo', 112, {
  threads_per_core: u32(0),
  cores_per_socket: u32(4),
  nr_cpus: u32(8),
  max_cpu_id: u32(12),
  nr_nodes: u32(16),
  max_node_id: u32(20),
  cpu_khz: u32(24),
  capabilities: u32(28),
  arch_capabilities: u32(32),
  total_pages: u64(40),
  free_pages: u64(48),
  scrub_pages: u64(56),
  outstanding_pages: u64(64),
  max_mfn: u64(72),
  hw_cap: bytes(80, 32),
});

/** Both handles null asks for the node count only; num_nodes comes back as the count written (or wanted). */
export const xenSysctlNumainfo = defineStruct('xen_sysctl_numainfo', 24, {
  num_nodes: u32(0),
  meminfo: u64(8),
  distance: u64(16),
});

/** One node's memory in bytes; XEN_INVALID_MEM_SZ for a node that is not online. */
export const xenSysctlMeminfo = defineStruct('xen_sysctl_meminfo', 16, {
  memsize: u64(0),
  memfree: u64(8),
});

export const xenDomctl = defineStruct('xen_domctl', 144, {
  cmd: u32(0),
  interface_version: u32(4),
  domain: u16(8),
});
export const DOMCTL_UNION_OFFSET = 16;

export const xenDomctlMaxMem = defineStruct('xen_domctl_max_mem', 8, { max_memkb: u64(0) });
export const xenDomctlMaxVcpus = defineStruct('xen_domctl_max_vcpus', 4, { max: u32(0) });

export const xenDomctlGetDomainInfo = defineStruct('xen_domctl_getdomaininfo', 112, {
  domain: u16(0),
  flags: u32(4),
  tot_pages: u64(8),
  max_pages: u64(16),
  outstanding_pages: u64(24),
  shr_pages: u64(32),
  paged_pages: u64(40),
  shared_info_frame: u64(48),
  cpu_time: u64(56),
  nr_online_vcpus: u32(64),
  max_vcpu_id: u32(68),
  ssidref: u32(72),
  handle: bytes(76, 16),
  cpupool: u32(92),
  gpaddr_bits: u8(96),
  arch_config: bytes(104, 8),
});

export function xen4SysctlDomctlAbi(versions: Xen4InterfaceVersions): ControlAbi {
  const hex = (v: number) => `0x${v.toString(16).padStart(2, '0')}`;
  const domctl = (
    cmd: keyof typeof DomctlCmd,
    domain: number,
    fill?: (control: Uint8Array) => void,
  ): ControlRequest => {
    const control = xenDomctl.encode({ cmd: DomctlCmd[cmd], interface_version: versions.domctl, domain });
    fill?.(control);
    return { hypercall: Hypercall.domctl, op: cmd, bytes: control };
  };

  return {
    name: `Xen ${versions.release} sysctl ${hex(versions.sysctl)} / domctl ${hex(versions.domctl)}`,
    generation: 'sysctl/domctl',
    domainInfoSize: xenDomctlGetDomainInfo.size,
    encodeGetDomainInfoList(firstDomain, maxDomains, buffer) {
      const control = xenSysctl.encode({
        cmd: SysctlCmd.XEN_SYSCTL_getdomaininfolist,
        interface_version: versions.sysctl,
      });
      xenSysctlGetDomainInfoList.encode(
        { first_domain: firstDomain, max_domains: maxDomains, buffer },
        control,
        SYSCTL_UNION_OFFSET,
      );
      return { hypercall: Hypercall.sysctl, op: 'XEN_SYSCTL_getdomaininfolist', bytes: control };
    },
    encodePhysinfo() {
      const control = xenSysctl.encode({ cmd: SysctlCmd.XEN_SYSCTL_physinfo, interface_version: versions.sysctl });
      return { hypercall: Hypercall.sysctl, op: 'XEN_SYSCTL_physinfo', bytes: control };
    },
    decodePhysinfo(control) {
      const p = xenSysctlPhysinfo.decode(control, SYSCTL_UNION_OFFSET);
      return {
        threadsPerCore: p.threads_per_core,
        coresPerSocket: p.cores_per_socket,
        nrCpus: p.nr_cpus,
        maxCpuId: p.max_cpu_id,
        nrNodes: p.nr_nodes,
        maxNodeId: p.max_node_id,
        cpuKhz: p.cpu_khz,
        capabilities: p.capabilities,
        totalPages: p.total_pages,
        freePages: p.free_pages,
        scrubPages: p.scrub_pages,
        outstandingPages: p.outstanding_pages,
        maxMfn: p.max_mfn,
        hwCap: p.hw_cap,
      };
    },
    meminfoSize: xenSysctlMeminfo.size,
    encodeNumainfo(nodes, meminfo, distance) {
      const control = xenSysctl.encode({ cmd: SysctlCmd.XEN_SYSCTL_numainfo, interface_version: versions.sysctl });
      xenSysctlNumainfo.encode({ num_nodes: nodes, meminfo, distance }, control, SYSCTL_UNION_OFFSET);
      return { hypercall: Hypercall.sysctl, op: 'XEN_SYSCTL_numainfo', bytes: control };
    },
    decodeNumainfoCount: (control) => xenSysctlNumainfo.decode(control, SYSCTL_UNION_OFFSET).num_nodes,
    decodeMeminfo(list, index) {
      const m = xenSysctlMeminfo.decode(list, index * xenSysctlMeminfo.size);
      return { memsize: m.memsize, memfree: m.memfree };
    },
    decodeDomainInfoListCount: (control) =>
      xenSysctlGetDomainInfoList.decode(control, SYSCTL_UNION_OFFSET).num_domains,
    decodeDomainInfo: (list, index) => rawDomainInfo(xenDomctlGetDomainInfo.decode(list, index * xenDomctlGetDomainInfo.size)),
    encodeGetDomainInfo: (domain) => domctl('XEN_DOMCTL_getdomaininfo', domain),
    decodeGetDomainInfo: (control) => rawDomainInfo(xenDomctlGetDomainInfo.decode(control, DOMCTL_UNION_OFFSET)),
    encodePauseDomain: (domain) => domctl('XEN_DOMCTL_pausedomain', domain),
    encodeUnpauseDomain: (domain) => domctl('XEN_DOMCTL_unpausedomain', domain),
    encodeDestroyDomain: (domain) => domctl('XEN_DOMCTL_destroydomain', domain),
    encodeSetMaxMemory: (domain, maxMemKiB) =>
      domctl('XEN_DOMCTL_max_mem', domain, (control) =>
        xenDomctlMaxMem.encode({ max_memkb: maxMemKiB }, control, DOMCTL_UNION_OFFSET),
      ),
    encodeSetMaxVcpus: (domain, maxVcpus) =>
      domctl('XEN_DOMCTL_max_vcpus', domain, (control) =>
        xenDomctlMaxVcpus.encode({ max: maxVcpus }, control, DOMCTL_UNION_OFFSET),
      ),
  };
}
