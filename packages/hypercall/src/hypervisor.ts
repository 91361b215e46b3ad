/**
 * A connection to the Xen hypervisor through a privcmd backend: probes the version and
 * the control ABI once, then runs domain operations. Each operation copies its control
 * struct (and list buffer) into hypercall memory, issues the hypercall, copies back.
 */
import { abiCandidates } from './abi/abi-candidates.js';
import type { ControlAbi, ControlRequest } from './abi/control-abi.js';
import { decodeDomainInfo, type RawDomainInfo, type XenDomainInfo } from './abi/domain-info.js';
import { DOMID_FIRST_RESERVED, Hypercall } from './abi/hypercall-numbers.js';
import { decodePhysinfo, type NumaNode, type Physinfo, XEN_INVALID_MEM_SZ, XEN_INVALID_NODE_DIST } from './abi/physinfo.js';
import {
  decodeCString,
  decodeXenVersionNumber,
  libvirtVersionNumber,
  XEN_CAPABILITIES_INFO_LEN,
  XEN_EXTRAVERSION_LEN,
  type XenVersion,
  XenVersionOp,
} from './abi/xen-version.js';
import type { HypercallArgs, PrivcmdBackend } from './backend/privcmd-backend.js';
import { errnoName } from './errors/errno-name.js';
import { hypercallFailure } from './errors/from-errno.js';
import { HypercallError } from './errors/hypercall-error.js';

/** More NUMA nodes than any Xen build supports (x86's MAX_NUMNODES is 64): a reply claiming this many is bad. */
const MAX_NUMA_NODES = 1024;

/** Domains fetched per getdomaininfolist call when listing. */
const LIST_BATCH = 64;
/** errno names that mean "this interface version / hypercall is not the hypervisor's". */
const WRONG_INTERFACE = new Set(['EACCES', 'EINVAL', 'ENOSYS']);

export class Hypervisor {
  private closed = false;

  private constructor(
    private readonly backend: PrivcmdBackend,
    /** The control ABI the probe settled on. */
    readonly abi: ControlAbi,
    /** The hypervisor's version, read when the connection was opened. */
    readonly version: XenVersion,
    /** Bytes per page, from XENVER_pagesize. */
    readonly pageSize: number,
  ) {}

  get device(): string {
    return this.backend.device;
  }
  get bufferSource(): string {
    return this.backend.bufferSource;
  }

  /** Probes version and ABI over `backend`; closes it if the probe fails. */
  static async open(backend: PrivcmdBackend): Promise<Hypervisor> {
    try {
      const version = await readVersion(backend);
      const pageSize = await readPageSize(backend);
      const abi = await probeAbi(backend, version);
      return new Hypervisor(backend, abi, version, pageSize);
    } catch (error) {
      backend.close();
      throw error;
    }
  }

  /** Reads the version again (XENVER_version, extraversion, capabilities). */
  async getVersion(): Promise<XenVersion> {
    this.ensureOpen('xen_version');
    return readVersion(this.backend);
  }

  /** Every domain, in id order (getdomaininfolist in batches). */
  async listDomains(): Promise<XenDomainInfo[]> {
    this.ensureOpen('getdomaininfolist');
    const out: XenDomainInfo[] = [];
    let first = 0;
    while (first < DOMID_FIRST_RESERVED) {
      const batch = await domainInfoList(this.backend, this.abi, first, LIST_BATCH);
      for (const raw of batch) out.push(decodeDomainInfo(raw, this.pageSize));
      const last = batch.at(-1);
      if (batch.length < LIST_BATCH || last === undefined) break;
      first = last.domain + 1;
    }
    return out;
  }

  /** One domain's info; ESRCH if there is no domain `id`. */
  async getDomainInfo(id: number): Promise<XenDomainInfo> {
    const { abi, backend } = this;
    let raw: RawDomainInfo | undefined;
    let op: string;
    if (abi.encodeGetDomainInfo && abi.decodeGetDomainInfo) {
      const request = abi.encodeGetDomainInfo(this.domainId(id, 'getdomaininfo'));
      op = request.op;
      raw = abi.decodeGetDomainInfo(await control(backend, request, id));
    } else {
      // Xen 3.0 has no single-domain call here: list from `id`, one entry.
      op = abi.encodeGetDomainInfoList(0, 1, 0n).op;
      raw = (await domainInfoList(backend, abi, this.domainId(id, op), 1))[0];
    }
    // The hypervisor answers with the first domain >= id (0.1.3 did not check this).
    if (raw === undefined || raw.domain !== id) {
      throw new HypercallError({ code: 'ESRCH', message: `${op}: no domain ${id}`, op, domain: id, device: this.device });
    }
    return decodeDomainInfo(raw, this.pageSize);
  }

  /** The host's CPUs, NUMA nodes and memory (sysctl physinfo); NO_SUPPORT over Xen 3.0. */
  async getPhysinfo(): Promise<Physinfo> {
    this.ensureOpen('physinfo');
    const { encodePhysinfo, decodePhysinfo: decode } = this.abi;
    if (!encodePhysinfo || !decode) {
      throw new HypercallError({ code: 'NO_SUPPORT', message: `physinfo is not supported over ${this.abi.name}`, op: 'physinfo' });
    }
    return decodePhysinfo(decode(await control(this.backend, encodePhysinfo())), this.pageSize);
  }

  /**
   * The host's NUMA nodes (sysctl numainfo, as libxl_get_numainfo asks it: the count first, then
   * the lists); NO_SUPPORT where the ABI has no numainfo (Xen 3.0).
   */
  async getNumaInfo(): Promise<NumaNode[]> {
    this.ensureOpen('numainfo');
    const { abi, backend } = this;
    const { encodeNumainfo: encode, decodeNumainfoCount: count, decodeMeminfo, meminfoSize } = abi;
    if (!encode || !count || !decodeMeminfo || !meminfoSize) {
      throw new HypercallError({ code: 'NO_SUPPORT', message: `numainfo is not supported over ${abi.name}`, op: 'numainfo' });
    }
    const wanted = count(await control(backend, encode(0, 0n, 0n)));
    if (wanted < 1 || wanted > MAX_NUMA_NODES) {
      throw new HypercallError({ code: 'BAD_REPLY', message: `XEN_SYSCTL_numainfo: the hypervisor reported ${wanted} nodes`, op: 'XEN_SYSCTL_numainfo' });
    }
    return withBuffers(backend, [wanted * meminfoSize, wanted * wanted * 4], async ([meminfo, distance]) => {
      const nodes = count(await control(backend, encode(wanted, meminfo!, distance!)));
      if (nodes > wanted) {
        const message = `XEN_SYSCTL_numainfo: the hypervisor wrote ${nodes} nodes into room for ${wanted}`;
        throw new HypercallError({ code: 'BAD_REPLY', message, op: 'XEN_SYSCTL_numainfo' });
      }
      const list = backend.read(meminfo!, nodes * meminfoSize);
      const table = new DataView(backend.read(distance!, nodes * nodes * 4).buffer);
      const kib = (bytes: bigint) => (bytes === XEN_INVALID_MEM_SZ ? undefined : Number(bytes / 1024n));
      return Array.from({ length: nodes }, (_, i) => {
        const { memsize, memfree } = decodeMeminfo(list, i);
        const distances = Array.from({ length: nodes }, (_, j) => table.getUint32((i * nodes + j) * 4, true)).map((d) =>
          d === XEN_INVALID_NODE_DIST ? undefined : d,
        );
        return { memoryKiB: kib(memsize), freeMemoryKiB: kib(memfree), distances };
      });
    });
  }

  async pauseDomain(id: number): Promise<void> {
    await this.domainOp(id, 'pausedomain', (domain) => this.abi.encodePauseDomain(domain));
  }

  async unpauseDomain(id: number): Promise<void> {
    await this.domainOp(id, 'unpausedomain', (domain) => this.abi.encodeUnpauseDomain(domain));
  }

  async destroyDomain(id: number): Promise<void> {
    await this.domainOp(id, 'destroydomain', (domain) => this.abi.encodeDestroyDomain(domain));
  }

  /** Sets the domain's memory ceiling, in KiB (passed to Xen unchanged). */
  async setMaxMemory(id: number, maxMemKiB: number | bigint): Promise<void> {
    const kib = typeof maxMemKiB === 'bigint' ? maxMemKiB : Number.isSafeInteger(maxMemKiB) ? BigInt(maxMemKiB) : -1n;
    if (kib < 0n) {
      throw new HypercallError({
        code: 'INVALID_ARGUMENT',
        message: `max_mem: memory must be a non-negative integer number of KiB, got ${String(maxMemKiB)}`,
        op: 'max_mem',
        domain: id,
      });
    }
    await this.domainOp(id, 'max_mem', (domain) => this.abi.encodeSetMaxMemory(domain, kib));
  }

  async setMaxVcpus(id: number, maxVcpus: number): Promise<void> {
    const encode = this.abi.encodeSetMaxVcpus;
    if (!encode) {
      throw new HypercallError({
        code: 'NO_SUPPORT',
        message: `max_vcpus is not supported over ${this.abi.name}`,
        op: 'max_vcpus',
        domain: id,
      });
    }
    await this.domainOp(id, 'max_vcpus', (domain) => encode(domain, maxVcpus));
  }

  /** Releases the device; later calls reject with CLOSED. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.backend.close();
  }

  private async domainOp(id: number, what: string, encode: (domain: number) => ControlRequest): Promise<void> {
    await control(this.backend, encode(this.domainId(id, what)), id);
  }

  private domainId(id: number, op: string): number {
    this.ensureOpen(op);
    if (!Number.isInteger(id) || id < 0 || id >= DOMID_FIRST_RESERVED) {
      throw new HypercallError({
        code: 'INVALID_ARGUMENT',
        message: `${op}: domain id must be an integer from 0 to ${DOMID_FIRST_RESERVED - 1}, got ${String(id)}`,
        op,
      });
    }
    return id;
  }

  private ensureOpen(op: string): void {
    if (this.closed) {
      throw new HypercallError({ code: 'CLOSED', message: `${op}: the hypervisor connection is closed`, op });
    }
  }
}

const noArgs = (first: bigint): HypercallArgs => [first, 0n, 0n, 0n, 0n];

/** Allocates hypercall memory for `sizes`, runs `use`, frees it whatever happens. */
async function withBuffers<T>(
  backend: PrivcmdBackend,
  sizes: readonly number[],
  use: (addresses: bigint[]) => Promise<T>,
): Promise<T> {
  const addresses: bigint[] = [];
  try {
    for (const size of sizes) addresses.push(backend.alloc(size));
    return await use(addresses);
  } finally {
    for (const address of addresses) backend.free(address);
  }
}

/** Runs one control hypercall; returns the control struct as the hypervisor left it. */
async function control(backend: PrivcmdBackend, request: ControlRequest, domain?: number): Promise<Uint8Array> {
  return withBuffers(backend, [request.bytes.length], async ([address]) => {
    const at = address!;
    backend.write(at, request.bytes);
    try {
      await backend.hypercall(request.hypercall, noArgs(at));
    } catch (error) {
      throw hypercallFailure(error, request.op, backend.device, domain);
    }
    return backend.read(at, request.bytes.length);
  });
}

async function domainInfoList(
  backend: PrivcmdBackend,
  abi: ControlAbi,
  first: number,
  max: number,
): Promise<RawDomainInfo[]> {
  return withBuffers(backend, [max * abi.domainInfoSize], async ([buffer]) => {
    const request = abi.encodeGetDomainInfoList(first, max, buffer!);
    const count = abi.decodeDomainInfoListCount(await control(backend, request));
    if (count > max) {
      throw new HypercallError({
        code: 'BAD_REPLY',
        message: `${request.op}: the hypervisor reported ${count} domains for a buffer of ${max}`,
        op: request.op,
      });
    }
    const list = backend.read(buffer!, count * abi.domainInfoSize);
    const records = Array.from({ length: count }, (_, i) => abi.decodeDomainInfo(list, i));
    // Ids must ascend from `first`: listDomains continues after the last one.
    records.forEach((record, i) => {
      if (record.domain < (i === 0 ? first : records[i - 1]!.domain + 1)) {
        throw new HypercallError({
          code: 'BAD_REPLY',
          message: `${request.op}: record ${i} is domain ${record.domain}, out of order (listing from ${first})`,
          op: request.op,
        });
      }
    });
    return records;
  });
}

async function xenVersionString(backend: PrivcmdBackend, sub: number, length: number): Promise<string> {
  return withBuffers(backend, [length], async ([address]) => {
    await backend.hypercall(Hypercall.xen_version, [BigInt(sub), address!, 0n, 0n, 0n]);
    return decodeCString(backend.read(address!, length));
  });
}

/** XENVER_pagesize; x86's 4 KiB where the hypervisor does not answer it. */
async function readPageSize(backend: PrivcmdBackend): Promise<number> {
  try {
    const pageSize = await backend.hypercall(Hypercall.xen_version, noArgs(BigInt(XenVersionOp.pagesize)));
    return pageSize > 0 ? pageSize : 4096;
  } catch {
    return 4096;
  }
}

async function readVersion(backend: PrivcmdBackend): Promise<XenVersion> {
  let number: number;
  try {
    number = await backend.hypercall(Hypercall.xen_version, noArgs(BigInt(XenVersionOp.version)));
  } catch (error) {
    const failure = hypercallFailure(error, 'XENVER_version', backend.device);
    if (failure.code === 'EPERM') throw failure;
    // ENOTTY, ENOSYS...: the device is not Xen's privcmd or there is no hypervisor behind it.
    throw new HypercallError({
      code: 'NO_XEN',
      message: `no Xen hypervisor behind ${backend.device}: xen_version failed with ${errnoName(failure.errno ?? 0)}`,
      op: 'XENVER_version',
      device: backend.device,
      ...(failure.errno === undefined ? {} : { errno: failure.errno }),
      cause: failure,
    });
  }
  const { major, minor } = decodeXenVersionNumber(number);
  try {
    const extra = await xenVersionString(backend, XenVersionOp.extraversion, XEN_EXTRAVERSION_LEN);
    const capabilities = (await xenVersionString(backend, XenVersionOp.capabilities, XEN_CAPABILITIES_INFO_LEN)).trim();
    return { major, minor, extra, capabilities, libvirtVersion: libvirtVersionNumber(major, minor) };
  } catch (error) {
    throw hypercallFailure(error, 'XENVER_extraversion/capabilities', backend.device);
  }
}

/** The first candidate ABI whose list (and, for domctl, single-domain) call the hypervisor accepts. */
async function probeAbi(backend: PrivcmdBackend, version: XenVersion): Promise<ControlAbi> {
  const candidates = abiCandidates(version.major, version.minor);
  const rejected: string[] = [];
  for (const abi of candidates) {
    try {
      await domainInfoList(backend, abi, 0, 1);
      if (abi.encodeGetDomainInfo) await control(backend, abi.encodeGetDomainInfo(0), 0);
      return abi;
    } catch (error) {
      if (!HypercallError.isInstance(error) || !WRONG_INTERFACE.has(errnoName(error.errno ?? 0))) throw error;
      rejected.push(`${abi.name} (${error.op}: ${errnoName(error.errno ?? 0)})`);
    }
  }
  const xen = `Xen ${version.major}.${version.minor}${version.extra}`;
  throw new HypercallError({
    code: 'NO_SUPPORT',
    message:
      rejected.length === 0
        ? `${xen}: no supported domain control interface for this version`
        : `${xen}: the hypervisor rejected every supported interface: ${rejected.join('; ')}`,
    device: backend.device,
  });
}
