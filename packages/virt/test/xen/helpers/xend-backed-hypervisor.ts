import { DomainFlag, Hypercall, XenVersionOp, xen4 } from '@libvirt-ts/hypercall';
import { errnoError, FakePrivcmd, type FakeHypercall } from '@libvirt-ts/hypercall/testing';
import { mostSeriousStateFlag, type XendClient, type XendDomainRecord, type XendStateFlag } from '@libvirt-ts/xend-client';
import { parseUuid } from '@libvirt-ts/xml-format';

/** A domain xend runs: it has a domain id. */
type RunningDomain = XendDomainRecord & { domid: number };

const XEN_MAJOR = 4;
const XEN_MINOR = 17;
const PAGE_KIB = 4;
const SHUTDOWN_CRASH = 3;

/**
 * A privcmd backend that plays a Xen 4.17 hypervisor whose domains are the fake xend's: every
 * sysctl/domctl is answered from (or applied to) xend over its socket, so the hypervisor, xend and
 * the drivers above them all see one node. Hypercall bytes go through the real Xen 4.17 layouts.
 */
export function xendBackedPrivcmd(xend: XendClient): FakePrivcmd {
  return new FakePrivcmd((call) => answer(xend, call), { device: '/fake/xen/privcmd' });
}

async function answer(xend: XendClient, call: FakeHypercall): Promise<number> {
  switch (call.op) {
    case Hypercall.xen_version:
      return xenVersion(call);
    case Hypercall.sysctl:
      return sysctl(xend, call);
    case Hypercall.domctl:
      return domctl(xend, call);
    default:
      throw errnoError('ENOSYS');
  }
}

function xenVersion(call: FakeHypercall): number {
  const [sub, buffer] = call.args;
  const text = (value: string, length: number) => {
    const bytes = new Uint8Array(length);
    bytes.set(new TextEncoder().encode(value).subarray(0, length - 1));
    call.write(buffer, bytes);
    return 0;
  };
  switch (Number(sub)) {
    case XenVersionOp.version:
      return (XEN_MAJOR << 16) | XEN_MINOR;
    case XenVersionOp.extraversion:
      return text('.2', 16);
    case XenVersionOp.capabilities:
      return text('xen-3.0-x86_64 hvm-3.0-x86_32 hvm-3.0-x86_64', 1024);
    case XenVersionOp.pagesize:
      return PAGE_KIB * 1024;
    default:
      throw errnoError('ENOSYS');
  }
}

async function sysctl(xend: XendClient, call: FakeHypercall): Promise<number> {
  const address = call.args[0];
  const control = call.read(address, xen4.xenSysctl.size);
  const head = xen4.xenSysctl.decode(control);
  if (head.interface_version !== xen4.XEN_4_17.sysctl) throw errnoError('EACCES');
  if (head.cmd !== xen4.SysctlCmd.XEN_SYSCTL_getdomaininfolist) throw errnoError('ENOSYS');
  const list = xen4.xenSysctlGetDomainInfoList.decode(control, xen4.SYSCTL_UNION_OFFSET);
  const domains = (await runningDomains(xend)).filter((d) => d.domid >= list.first_domain).slice(0, list.max_domains);
  const size = xen4.xenDomctlGetDomainInfo.size;
  domains.forEach((domain, i) => {
    call.write(list.buffer + BigInt(i * size), encodeInfo(domain));
  });
  xen4.xenSysctlGetDomainInfoList.encode({ num_domains: domains.length }, control, xen4.SYSCTL_UNION_OFFSET);
  call.write(address, control);
  return 0;
}

async function domctl(xend: XendClient, call: FakeHypercall): Promise<number> {
  const address = call.args[0];
  const control = call.read(address, xen4.xenDomctl.size);
  const head = xen4.xenDomctl.decode(control);
  if (head.interface_version !== xen4.XEN_4_17.domctl) throw errnoError('EACCES');
  const domains = await runningDomains(xend);
  const Cmd = xen4.DomctlCmd;
  if (head.cmd === Cmd.XEN_DOMCTL_getdomaininfo) {
    // like Xen: the first domain with an id at least the one asked for
    const next = domains.find((d) => d.domid >= head.domain);
    if (!next) throw errnoError('ESRCH');
    control.set(encodeInfo(next), xen4.DOMCTL_UNION_OFFSET);
    call.write(address, control);
    return 0;
  }
  const target = domains.find((d) => d.domid === head.domain);
  if (!target) throw errnoError('ESRCH');
  switch (head.cmd) {
    case Cmd.XEN_DOMCTL_pausedomain:
      if (mostSeriousStateFlag(target.state) !== 'paused') await xend.pause(target.name);
      return 0;
    case Cmd.XEN_DOMCTL_unpausedomain:
      if (mostSeriousStateFlag(target.state) === 'paused') await xend.unpause(target.name);
      return 0;
    case Cmd.XEN_DOMCTL_destroydomain:
      await xend.destroy(target.name);
      return 0;
    case Cmd.XEN_DOMCTL_max_mem: {
      const { max_memkb } = xen4.xenDomctlMaxMem.decode(control, xen4.DOMCTL_UNION_OFFSET);
      await xend.setMaxMemory(target.name, Number(max_memkb));
      return 0;
    }
    default:
      throw errnoError('ENOSYS');
  }
}

async function runningDomains(xend: XendClient): Promise<RunningDomain[]> {
  return (await xend.listDomains())
    .flatMap((record) => (record.domid === undefined ? [] : [{ ...record, domid: record.domid }]))
    .sort((a, b) => a.domid - b.domid);
}

/** xend's view of a domain as Xen 4.17's xen_domctl_getdomaininfo (xend counts memory in MiB). */
function encodeInfo(domain: RunningDomain): Uint8Array {
  const flag = mostSeriousStateFlag(domain.state);
  return xen4.xenDomctlGetDomainInfo.encode({
    domain: domain.domid,
    flags: flag === undefined ? 0 : XEN_FLAGS[flag],
    tot_pages: BigInt((domain.memory * 1024) / PAGE_KIB),
    max_pages: BigInt((domain.maxmem * 1024) / PAGE_KIB),
    cpu_time: domain.cpuTimeNs,
    nr_online_vcpus: domain.vcpus,
    max_vcpu_id: Math.max(0, domain.vcpus - 1),
    handle: uuidBytes(domain.uuid),
  });
}

function uuidBytes(text: string): Uint8Array {
  const bytes = parseUuid(text);
  if (!bytes) throw new Error(`fake hypervisor: xend gave a bad UUID ${text}`);
  return bytes;
}

/**
 * xend's state flag as XEN_DOMINF_* bits that the hypervisor driver reads back as the state the
 * xend driver gives (libvirt reads xend's `d` as SHUTOFF and Xen's dying bit as SHUTDOWN).
 */
const XEN_FLAGS: Readonly<Record<XendStateFlag, number>> = {
  running: DomainFlag.running,
  blocked: DomainFlag.blocked,
  paused: DomainFlag.paused,
  shutdown: DomainFlag.dying,
  dying: DomainFlag.shutdown,
  crashed: DomainFlag.shutdown | (SHUTDOWN_CRASH << 16),
};
