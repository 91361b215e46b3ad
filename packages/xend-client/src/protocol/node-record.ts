import { type SExpr, SexprCursor } from '@libvirt-ts/sexpr';
import { FieldReader } from './read-fields.js';

/**
 * What `GET /xend/node/` says about the host and hypervisor, in xend's fields and units (memory in
 * MiB). A missing number reads as 0 and a missing text as empty, as libvirt read them. virt's xend
 * driver maps it to virNodeInfo.
 */
export interface XendNodeRecord {
  /** `host`: the host name. */
  host: string;
  /** `release`: dom0's kernel release. */
  release: string;
  /** `machine`: the architecture (`i686`, `x86_64`), whole. */
  machine: string;
  nrCpus: number;
  nrNodes: number;
  socketsPerNode: number;
  coresPerSocket: number;
  threadsPerCore: number;
  cpuMhz: number;
  /** `total_memory` and `free_memory`, MiB. */
  totalMemory: number;
  freeMemory: number;
  xenMajor: number;
  xenMinor: number;
  /** `xen_extra` as xend wrote it (".2", ".0-1"); see xenExtraRelease. */
  xenExtra: string;
  /** `xen_caps`: the guest kinds Xen offers (`xen-3.0-x86_32 hvm-3.0-x86_32`). */
  xenCaps: string;
}

/** Decodes the `(node ...)` answer of `GET /xend/node/`. */
export function decodeNode(answer: SExpr): XendNodeRecord {
  const fields = new FieldReader(SexprCursor.of(answer), 'node');
  return {
    host: fields.string('host') ?? '',
    release: fields.string('release') ?? '',
    machine: fields.string('machine') ?? '',
    nrCpus: fields.int('nr_cpus'),
    nrNodes: fields.int('nr_nodes'),
    socketsPerNode: fields.int('sockets_per_node'),
    coresPerSocket: fields.int('cores_per_socket'),
    threadsPerCore: fields.int('threads_per_core'),
    cpuMhz: fields.int('cpu_mhz'),
    totalMemory: fields.int('total_memory'),
    freeMemory: fields.int('free_memory'),
    xenMajor: fields.int('xen_major'),
    xenMinor: fields.int('xen_minor'),
    xenExtra: fields.string('xen_extra') ?? '',
    xenCaps: fields.string('xen_caps') ?? '',
  };
}
