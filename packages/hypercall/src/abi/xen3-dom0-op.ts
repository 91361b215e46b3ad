/**
 * Xen 3.0.x domain control: the dom0_op hypercall (7), x86_64 layouts as in the spec
 * (xen/include/public/dom0_ops.h of July 2006). Checked against the spec's offsets by
 * test/xen3-layouts.test.ts (no Xen 3.0 headers are installable today).
 */
import type { ControlAbi, ControlRequest } from './control-abi.js';
import { rawDomainInfo } from './domain-info.js';
import { Hypercall } from './hypercall-numbers.js';
import { bytes, defineStruct, u16, u32, u64 } from './struct-layout.js';

export const Dom0Cmd = {
  DOM0_DESTROYDOMAIN: 9,
  DOM0_PAUSEDOMAIN: 10,
  DOM0_UNPAUSEDOMAIN: 11,
  DOM0_SETDOMAINMAXMEM: 28,
  DOM0_GETDOMAININFOLIST: 38,
} as const;

/** DOM0_INTERFACE_VERSION of xen-unstable in July 2006 (libvirt 0.1.3's build). */
export const DOM0_INTERFACE_VERSION_3_0_1 = 0x03000001;
/** DOM0_INTERFACE_VERSION of Xen 3.0.2. */
export const DOM0_INTERFACE_VERSION_3_0_2 = 0x03000000;

/** struct dom0_op: cmd, interface_version, then a union of at least 128 bytes at 8. */
export const dom0Op = defineStruct('dom0_op', 136, {
  cmd: u32(0),
  interface_version: u32(4),
});
export const DOM0_OP_UNION_OFFSET = 8;

export const dom0GetDomainInfoList = defineStruct('dom0_getdomaininfolist', 24, {
  first_domain: u16(0),
  max_domains: u32(4),
  buffer: u64(8),
  num_domains: u32(16),
});

/** dom0_pausedomain, dom0_unpausedomain and dom0_destroydomain are all just this. */
export const dom0DomainOnly = defineStruct('dom0_pausedomain', 2, { domain: u16(0) });

export const dom0SetDomainMaxMem = defineStruct('dom0_setdomainmaxmem', 16, {
  domain: u16(0),
  max_memkb: u64(8),
});

/** x86_64 layout; the Xen 3.0.2 variant (unsigned long fields) is identical there. */
export const dom0GetDomainInfo = defineStruct('dom0_getdomaininfo', 72, {
  domain: u16(0),
  flags: u32(4),
  tot_pages: u64(8),
  max_pages: u64(16),
  shared_info_frame: u64(24),
  cpu_time: u64(32),
  nr_online_vcpus: u32(40),
  max_vcpu_id: u32(44),
  ssidref: u32(48),
  handle: bytes(52, 16),
});

export function xen3Dom0OpAbi(interfaceVersion: number): ControlAbi {
  const request = (cmd: keyof typeof Dom0Cmd, fill: (control: Uint8Array) => void): ControlRequest => {
    const control = dom0Op.encode({ cmd: Dom0Cmd[cmd], interface_version: interfaceVersion });
    fill(control);
    return { hypercall: Hypercall.dom0_op, op: cmd, bytes: control };
  };
  const domainOnly = (cmd: keyof typeof Dom0Cmd, domain: number) =>
    request(cmd, (control) => dom0DomainOnly.encode({ domain }, control, DOM0_OP_UNION_OFFSET));

  return {
    name: `Xen 3.0 dom0_op 0x${interfaceVersion.toString(16).padStart(8, '0')}`,
    generation: 'dom0_op',
    domainInfoSize: dom0GetDomainInfo.size,
    encodeGetDomainInfoList: (firstDomain, maxDomains, buffer) =>
      request('DOM0_GETDOMAININFOLIST', (control) =>
        dom0GetDomainInfoList.encode(
          { first_domain: firstDomain, max_domains: maxDomains, buffer },
          control,
          DOM0_OP_UNION_OFFSET,
        ),
      ),
    decodeDomainInfoListCount: (control) => dom0GetDomainInfoList.decode(control, DOM0_OP_UNION_OFFSET).num_domains,
    decodeDomainInfo: (list, index) => rawDomainInfo(dom0GetDomainInfo.decode(list, index * dom0GetDomainInfo.size)),
    encodePauseDomain: (domain) => domainOnly('DOM0_PAUSEDOMAIN', domain),
    encodeUnpauseDomain: (domain) => domainOnly('DOM0_UNPAUSEDOMAIN', domain),
    encodeDestroyDomain: (domain) => domainOnly('DOM0_DESTROYDOMAIN', domain),
    encodeSetMaxMemory: (domain, maxMemKiB) =>
      request('DOM0_SETDOMAINMAXMEM', (control) =>
        dom0SetDomainMaxMem.encode({ domain, max_memkb: maxMemKiB }, control, DOM0_OP_UNION_OFFSET),
      ),
  };
}
