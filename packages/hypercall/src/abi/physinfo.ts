/**
 * The host's physical CPUs and memory as sysctl physinfo reports them (what `xl info` shows as
 * nr_cpus, cores_per_socket, cpu_mhz, total_memory...), and its decoding into KiB.
 */

/** xen_sysctl_physinfo's fields as the hypervisor gave them (page counts, kHz). */
export interface RawPhysinfo {
  threadsPerCore: number;
  coresPerSocket: number;
  /** CPUs online. */
  nrCpus: number;
  maxCpuId: number;
  /** NUMA nodes online. */
  nrNodes: number;
  maxNodeId: number;
  cpuKhz: number;
  /** XEN_SYSCTL_PHYSCAP_* bits (hvm 1, pv 2, directio 4, hap 8, shadow 16, iommu_hap_pt_share 32...). */
  capabilities: number;
  totalPages: bigint;
  freePages: bigint;
  scrubPages: bigint;
  outstandingPages: bigint;
  maxMfn: bigint;
  /** x86: the boot CPU's feature words (cpuid leaves), 8 × u32. */
  hwCap: Uint8Array;
}

export interface Physinfo extends RawPhysinfo {
  /** totalPages × page size, in KiB. */
  totalMemoryKiB: number;
  /** freePages × page size, in KiB. */
  freeMemoryKiB: number;
}

/** Adds the KiB sizes, using the hypervisor's page size. */
export function decodePhysinfo(raw: RawPhysinfo, pageSize: number): Physinfo {
  const kibPerPage = BigInt(pageSize / 1024);
  return { ...raw, totalMemoryKiB: Number(raw.totalPages * kibPerPage), freeMemoryKiB: Number(raw.freePages * kibPerPage) };
}

/** XEN_INVALID_MEM_SZ: numainfo's memory of a node that is not online ((~0U) widened to 64 bits). */
export const XEN_INVALID_MEM_SZ = 0xffff_ffffn;
/** XEN_INVALID_NODE_DIST: numainfo's distance to or from a node that is not online. */
export const XEN_INVALID_NODE_DIST = 0xffff_ffff;

/** One NUMA node as sysctl numainfo reports it (what libxl_get_numainfo gives libvirt). */
export interface NumaNode {
  /** The memory the node spans, KiB; undefined for a node that is not online. */
  memoryKiB: number | undefined;
  /** Its free memory, KiB; undefined for a node that is not online. */
  freeMemoryKiB: number | undefined;
  /** Distance to each node, by node number (undefined where Xen gives none). */
  distances: (number | undefined)[];
}
