/**
 * A small simulated hypervisor for FakePrivcmd (tests of this package and of its users): answers xen_version, Xen 4.17 sysctl/
 * domctl and Xen 3.0 dom0_op by reading and writing bytes at the offsets written in the
 * spec and Xen's headers. It deliberately does not use the package's layouts, so the
 * tests check the package's encoding against an independent reading of the ABI.
 */
import { errnoError } from './errno-error.js';
import type { FakeHypercall } from './fake-privcmd.js';

export interface SimulatedDomain {
  flags: number;
  totPages: bigint;
  maxPages: bigint;
  cpuTime: bigint;
  vcpus: number;
  handle: Uint8Array;
}

export interface SimulatedXenOptions {
  generation: 'xen4' | 'xen3';
  major: number;
  minor: number;
  extra?: string;
  capabilities?: string;
  /** The interface version the hypervisor accepts (sysctl and domctl, or dom0_op). */
  interfaceVersion: number;
  /** The domctl version where it differs from the sysctl one (Xen 4.18 on). */
  domctlVersion?: number;
  domains: Record<number, Partial<SimulatedDomain>>;
  /** The host sysctl physinfo describes (Xen 4 only); a 2-CPU, 1-node, 2 GiB host when absent. */
  host?: Partial<SimulatedHost>;
}

export interface SimulatedHost {
  threadsPerCore: number;
  coresPerSocket: number;
  cpus: number;
  nodes: number;
  cpuKhz: number;
  totalPages: bigint;
  freePages: bigint;
  /** Pages each NUMA node spans (sysctl numainfo); totalPages split evenly over `nodes` when absent. */
  nodePages?: bigint[];
  /** physinfo's hw_cap, 8 cpuid words (zeros when absent). */
  hwCap?: Uint8Array;
}

const PAUSED = 1 << 3;
const RUNNING = 1 << 5;

export class SimulatedXen {
  readonly domains = new Map<number, SimulatedDomain>();
  readonly host: SimulatedHost;

  constructor(readonly options: SimulatedXenOptions) {
    this.host = { threadsPerCore: 1, coresPerSocket: 2, cpus: 2, nodes: 1, cpuKhz: 2_394_000, totalPages: 524_288n, freePages: 200_000n, ...options.host };
    for (const [id, domain] of Object.entries(options.domains)) {
      this.domains.set(Number(id), {
        flags: RUNNING,
        totPages: 256n,
        maxPages: 512n,
        cpuTime: 1_000_000n,
        vcpus: 1,
        handle: new Uint8Array(16).fill(Number(id)),
        ...domain,
      });
    }
  }

  /** The FakeResponder. */
  readonly respond = (call: FakeHypercall): number => {
    switch (call.op) {
      case 17:
        return this.xenVersion(call);
      case 35:
        return this.options.generation === 'xen4' ? this.sysctl(call) : fail('ENOSYS');
      case 36:
        return this.options.generation === 'xen4' ? this.domctl(call) : fail('ENOSYS');
      case 7:
        return this.options.generation === 'xen3' ? this.dom0Op(call) : fail('ENOSYS');
      default:
        return fail('ENOSYS');
    }
  };

  private xenVersion(call: FakeHypercall): number {
    const { major, minor, extra = '', capabilities = 'xen-3.0-x86_64' } = this.options;
    switch (Number(call.args[0])) {
      case 0:
        return (major << 16) | minor;
      case 1:
        call.write(call.args[1], new TextEncoder().encode(`${extra}\0`));
        return 0;
      case 3:
        call.write(call.args[1], new TextEncoder().encode(`${capabilities}\0`));
        return 0;
      case 7:
        return 4096;
      default:
        return fail('ENOSYS');
    }
  }

  private sysctl(call: FakeHypercall): number {
    const c = view(call.read(call.args[0], 136));
    if (c.getUint32(4, true) !== this.options.interfaceVersion) return fail('EACCES');
    const cmd = c.getUint32(0, true);
    if (cmd === 3) return this.physinfo(call, c);
    if (cmd === 17) return this.numainfo(call, c);
    if (cmd !== 6) return fail('ENOSYS');
    const count = this.writeList(call, c.getUint16(8, true), c.getUint32(12, true), c.getBigUint64(16, true), 112);
    c.setUint32(24, count, true);
    call.write(call.args[0], new Uint8Array(c.buffer));
    return 0;
  }

  /** xen_sysctl_physinfo at the union (offset 8), fields at the header's offsets. */
  private physinfo(call: FakeHypercall, c: DataView): number {
    const h = this.host;
    const at = 8;
    c.setUint32(at + 0, h.threadsPerCore, true);
    c.setUint32(at + 4, h.coresPerSocket, true);
    c.setUint32(at + 8, h.cpus, true);
    c.setUint32(at + 12, h.cpus - 1, true);
    c.setUint32(at + 16, h.nodes, true);
    c.setUint32(at + 20, h.nodes - 1, true);
    c.setUint32(at + 24, h.cpuKhz, true);
    c.setUint32(at + 28, 0x3f, true);
    c.setBigUint64(at + 40, h.totalPages, true);
    c.setBigUint64(at + 48, h.freePages, true);
    c.setBigUint64(at + 72, h.totalPages, true);
    if (h.hwCap) new Uint8Array(c.buffer).set(h.hwCap.subarray(0, 32), at + 80);
    call.write(call.args[0], new Uint8Array(c.buffer));
    return 0;
  }

  /** xen_sysctl_numainfo: with null handles the node count; else each node's memory and distances (10 local, 20 remote). */
  private numainfo(call: FakeHypercall, c: DataView): number {
    const h = this.host;
    const at = 8;
    const room = c.getUint32(at, true);
    const meminfo = c.getBigUint64(at + 8, true);
    const distance = c.getBigUint64(at + 16, true);
    const nodes = h.nodes;
    c.setUint32(at, nodes, true);
    call.write(call.args[0], new Uint8Array(c.buffer));
    if (meminfo === 0n && distance === 0n) return 0;
    if (room < nodes) return fail('ENOBUFS');
    const pages = h.nodePages ?? Array.from({ length: nodes }, () => h.totalPages / BigInt(nodes));
    const list = new DataView(new ArrayBuffer(nodes * 16));
    pages.forEach((spanned, i) => {
      list.setBigUint64(i * 16, spanned * 4096n, true);
      list.setBigUint64(i * 16 + 8, (h.freePages / BigInt(nodes)) * 4096n, true);
    });
    const table = new DataView(new ArrayBuffer(nodes * nodes * 4));
    for (let i = 0; i < nodes; i++) for (let j = 0; j < nodes; j++) table.setUint32((i * nodes + j) * 4, i === j ? 10 : 20, true);
    if (meminfo !== 0n) call.write(meminfo, new Uint8Array(list.buffer));
    if (distance !== 0n) call.write(distance, new Uint8Array(table.buffer));
    return 0;
  }

  private domctl(call: FakeHypercall): number {
    const c = view(call.read(call.args[0], 144));
    if (c.getUint32(4, true) !== (this.options.domctlVersion ?? this.options.interfaceVersion)) return fail('EACCES');
    const id = c.getUint16(8, true);
    const cmd = c.getUint32(0, true);
    if (cmd === 5) {
      // Xen 4.17 answers with the first domain >= id.
      const found = [...this.domains.keys()].sort((a, b) => a - b).find((d) => d >= id);
      if (found === undefined) return fail('ESRCH');
      const record = new Uint8Array(112);
      this.writeXen4Record(view(record), found);
      call.write(call.args[0] + 16n, record);
      return 0;
    }
    const domain = this.domains.get(id);
    if (domain === undefined) return fail('ESRCH');
    return this.control(cmd, { pause: 3, unpause: 4, destroy: 2, maxMem: 11, maxVcpus: 15 }, id, domain, () =>
      c.getBigUint64(16, true),
    );
  }

  private dom0Op(call: FakeHypercall): number {
    const c = view(call.read(call.args[0], 136));
    if (c.getUint32(4, true) !== this.options.interfaceVersion) return fail('EACCES');
    const cmd = c.getUint32(0, true);
    if (cmd === 38) {
      const count = this.writeList(call, c.getUint16(8, true), c.getUint32(12, true), c.getBigUint64(16, true), 72);
      c.setUint32(24, count, true);
      call.write(call.args[0], new Uint8Array(c.buffer));
      return 0;
    }
    const id = c.getUint16(8, true);
    const domain = this.domains.get(id);
    if (domain === undefined) return fail('ESRCH');
    return this.control(cmd, { pause: 10, unpause: 11, destroy: 9, maxMem: 28, maxVcpus: -1 }, id, domain, () =>
      c.getBigUint64(16, true),
    );
  }

  private control(
    cmd: number,
    numbers: { pause: number; unpause: number; destroy: number; maxMem: number; maxVcpus: number },
    id: number,
    domain: SimulatedDomain,
    maxMemKiB: () => bigint,
  ): number {
    switch (cmd) {
      case numbers.pause:
        if (id === 0) return fail('EINVAL'); // a domain cannot pause itself
        domain.flags = (domain.flags | PAUSED) & ~RUNNING;
        return 0;
      case numbers.unpause:
        domain.flags = (domain.flags & ~PAUSED) | RUNNING;
        return 0;
      case numbers.destroy:
        this.domains.delete(id);
        return 0;
      case numbers.maxMem:
        domain.maxPages = maxMemKiB() / 4n;
        return 0;
      case numbers.maxVcpus:
        return 0;
      default:
        return fail('ENOSYS');
    }
  }

  private writeList(call: FakeHypercall, first: number, max: number, buffer: bigint, size: number): number {
    const ids = [...this.domains.keys()].sort((a, b) => a - b).filter((id) => id >= first).slice(0, max);
    const records = new Uint8Array(ids.length * size);
    ids.forEach((id, i) => {
      const record = new DataView(records.buffer, i * size, size);
      if (size === 112) this.writeXen4Record(record, id);
      else this.writeXen3Record(record, id);
    });
    if (records.length > 0) call.write(buffer, records);
    return ids.length;
  }

  private writeXen4Record(r: DataView, id: number): void {
    this.writeRecord(r, id, xen4Record);
  }

  private writeXen3Record(r: DataView, id: number): void {
    this.writeRecord(r, id, xen3Record);
  }

  private writeRecord(r: DataView, id: number, at: RecordOffsets): void {
    const d = this.domains.get(id)!;
    r.setUint16(0, id, true);
    r.setUint32(4, d.flags, true);
    r.setBigUint64(8, d.totPages, true);
    r.setBigUint64(16, d.maxPages, true);
    r.setBigUint64(at.cpuTime, d.cpuTime, true);
    r.setUint32(at.vcpus, d.vcpus, true);
    r.setUint32(at.vcpus + 4, d.vcpus - 1, true);
    new Uint8Array(r.buffer, r.byteOffset + at.handle, 16).set(d.handle);
  }
}

interface RecordOffsets {
  cpuTime: number;
  /** nr_online_vcpus; max_vcpu_id follows it. */
  vcpus: number;
  handle: number;
}
/** xen_domctl_getdomaininfo, Xen 4.17 x86_64 (spec section 7). */
const xen4Record: RecordOffsets = { cpuTime: 56, vcpus: 64, handle: 76 };
/** dom0_getdomaininfo, July 2006 x86_64 (spec section 5). */
const xen3Record: RecordOffsets = { cpuTime: 32, vcpus: 40, handle: 52 };

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function fail(name: 'EACCES' | 'EINVAL' | 'ESRCH' | 'ENOSYS' | 'ENOBUFS'): never {
  throw errnoError(name);
}
