// @libvirt-ts/hypercall: Xen hypercalls from Node. openHypervisor() is the entry point;
// the ABI layer (struct layouts, encoders, decoders) is exported for tools and tests.
export { openHypervisor, type OpenHypervisorOptions } from './open-hypervisor.js';
export { Hypervisor } from './hypervisor.js';
export { HypercallError, type HypercallErrorCode, type HypercallErrorInit } from './errors/hypercall-error.js';
export type { ErrnoFailure, HypercallArgs, PrivcmdBackend } from './backend/privcmd-backend.js';
export { DEFAULT_PRIVCMD_DEVICES, openNativePrivcmd } from './backend/native-backend.js';

export { abiCandidates, KNOWN_XEN4_RELEASES } from './abi/abi-candidates.js';
export type { ControlAbi, ControlRequest } from './abi/control-abi.js';
export { decodeDomainInfo, type RawDomainInfo, type XenDomainInfo } from './abi/domain-info.js';
export {
  DomainFlag,
  type DomainFlags,
  decodeDomainFlags,
  decodeShutdownReason,
  type ShutdownReason,
  ShutdownReasonNames,
} from './abi/domain-state.js';
export { decodePhysinfo, type NumaNode, type Physinfo, type RawPhysinfo } from './abi/physinfo.js';
export { DOMID_FIRST_RESERVED, Hypercall } from './abi/hypercall-numbers.js';
export {
  bytes,
  defineStruct,
  type Field,
  type FieldKind,
  type StructLayout,
  type StructValues,
  u8,
  u16,
  u32,
  u64,
} from './abi/struct-layout.js';
export * as xen3 from './abi/xen3-dom0-op.js';
export * as xen4 from './abi/xen4-sysctl-domctl.js';
export { decodeXenVersionNumber, type XenVersion, XenVersionOp } from './abi/xen-version.js';
