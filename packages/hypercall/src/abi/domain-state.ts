/**
 * Decoding a domain's flags word (DOMFLAGS_* in Xen 3.0, XEN_DOMINF_* in Xen 4.x: the
 * same bits) into named flags and the guest's shutdown code: Xen's terms. What the flags
 * amount to in a consumer's vocabulary (libvirt's virDomainState) is the consumer's to decide.
 */
export const DomainFlag = {
  dying: 1 << 0,
  hvm: 1 << 1,
  shutdown: 1 << 2,
  paused: 1 << 3,
  blocked: 1 << 4,
  running: 1 << 5,
  debugged: 1 << 6,
  /** Xen 4.x: the domain runs xenstored. */
  xenstoreDomain: 1 << 7,
  /** Xen 4.x: hardware-assisted paging. Xen 3.0 had the CPU number in bits 8..15 instead. */
  hap: 1 << 8,
} as const;
export const SHUTDOWN_SHIFT = 16;
export const SHUTDOWN_MASK = 0xff;

/** SHUTDOWN_* of xen/include/public/sched.h. */
export const ShutdownReasonNames = ['poweroff', 'reboot', 'suspend', 'crash', 'watchdog', 'soft_reset'] as const;
export type ShutdownReason = (typeof ShutdownReasonNames)[number];

export type DomainFlags = { -readonly [N in keyof typeof DomainFlag]: boolean };

export function decodeDomainFlags(flags: number): DomainFlags {
  const out = {} as DomainFlags;
  for (const [name, bit] of Object.entries(DomainFlag) as [keyof typeof DomainFlag, number][]) {
    out[name] = (flags & bit) !== 0;
  }
  return out;
}

/** The shutdown code the guest gave; a name where Xen defines one, else the number. */
export function decodeShutdownReason(flags: number): ShutdownReason | number | undefined {
  if ((flags & DomainFlag.shutdown) === 0) return undefined;
  const code = (flags >>> SHUTDOWN_SHIFT) & SHUTDOWN_MASK;
  return ShutdownReasonNames[code] ?? code;
}
