import type { SExpr } from '@libvirt-ts/sexpr';
import { FieldReader } from './read-fields.js';
import { encodeXenVersion } from './version.js';

/** virNodeInfo, as libvirt fills it from xend's node record. Memory in KiB. */
export interface NodeInfo {
  model: string;
  memory: number;
  cpus: number;
  mhz: number;
  nodes: number;
  sockets: number;
  cores: number;
  threads: number;
}

/** What `GET /xend/node/` says about the host and hypervisor. */
export interface XendNode {
  /** Exactly virNodeInfo. */
  info: NodeInfo;
  /** libvirt's version number: major * 1,000,000 + minor * 1,000 + release. */
  version: number;
  xenMajor: number;
  xenMinor: number;
  /** `xen_extra` as xend wrote it (".2", ".0-1"). */
  xenExtra: string;
  /** Free memory in KiB. */
  freeMemory: number;
  hostname: string;
  /** Kernel release and version of dom0, `xen_caps`: empty when xend omits them. */
  release: string;
  xenCaps: string;
}

/** virNodeInfo's model is a 32-byte C string: at most 31 characters. */
const MODEL_MAX = 31;
const MIB_TO_KIB = 1024;

/** Decodes the `(node ...)` answer of `GET /xend/node/`. */
export function decodeNode(answer: SExpr): XendNode {
  const fields = new FieldReader(answer, 'node');
  const xenMajor = fields.int('xen_major');
  const xenMinor = fields.int('xen_minor');
  const xenExtra = fields.string('xen_extra') ?? '';
  return {
    info: {
      model: (fields.string('machine') ?? '').slice(0, MODEL_MAX),
      memory: fields.int('total_memory') * MIB_TO_KIB,
      cpus: fields.int('nr_cpus'),
      mhz: fields.int('cpu_mhz'),
      nodes: fields.int('nr_nodes'),
      sockets: fields.int('sockets_per_node'),
      cores: fields.int('cores_per_socket'),
      threads: fields.int('threads_per_core'),
    },
    version: encodeXenVersion(xenMajor, xenMinor, xenExtra),
    xenMajor,
    xenMinor,
    xenExtra,
    freeMemory: fields.int('free_memory') * MIB_TO_KIB,
    hostname: fields.string('host') ?? '',
    release: fields.string('release') ?? '',
    xenCaps: fields.string('xen_caps') ?? '',
  };
}
