/** xen_version (hypercall 17) sub-ops and their answers (xen/include/public/version.h). */
export const XenVersionOp = {
  /** Returns (major << 16) | minor. */
  version: 0,
  /** Fills a 16-byte string such as ".2". */
  extraversion: 1,
  /** Fills a 1024-byte string such as "xen-3.0-x86_64 hvm-3.0-x86_32 ...". */
  capabilities: 3,
  /** Returns the hypervisor's page size. */
  pagesize: 7,
} as const;

export const XEN_EXTRAVERSION_LEN = 16;
export const XEN_CAPABILITIES_INFO_LEN = 1024;

export interface XenVersion {
  major: number;
  minor: number;
  /** XENVER_extraversion, e.g. ".2" (for "4.17.2"). */
  extra: string;
  /** XENVER_capabilities, space-separated, e.g. "xen-3.0-x86_64 hvm-3.0-x86_32". */
  capabilities: string;
  /** libvirt's number for it: major * 1,000,000 + minor * 1,000 (as virConnectGetVersion). */
  libvirtVersion: number;
}

/** Splits the XENVER_version result. */
export function decodeXenVersionNumber(value: number): { major: number; minor: number } {
  return { major: (value >>> 16) & 0xffff, minor: value & 0xffff };
}

/** A NUL-terminated C string from a fixed-size buffer. */
export function decodeCString(buffer: Uint8Array): string {
  const end = buffer.indexOf(0);
  return new TextDecoder('latin1').decode(end === -1 ? buffer : buffer.subarray(0, end));
}

export function libvirtVersionNumber(major: number, minor: number): number {
  return major * 1_000_000 + minor * 1_000;
}
