/**
 * Decoding a domain's flags word (DOMFLAGS_* in Xen 3.0, XEN_DOMINF_* in Xen 4.x: the
 * same bits) into named flags and a libvirt state.
 *
 * 0.1.3 compared `flags & 0xFF` for *equality* with one flag, so a paused domain whose
 * vcpu is blocked (paused|blocked, common) had no state. Like later libvirt we test bits,
 * in priority order: dying, shutdown (crash -> crashed), paused, running, blocked.
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

/**
 * The state a domain's flags amount to, in words (the consumer maps them to its own vocabulary:
 * virt to virDomainState).
 */
export const DomainStateNames = ['nostate', 'running', 'blocked', 'paused', 'shutdown', 'shutoff', 'crashed'] as const;
export type DomainStateName = (typeof DomainStateNames)[number];

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

export function domainStateFromFlags(flags: number): DomainStateName {
  if (flags & DomainFlag.dying) return 'shutdown';
  if (flags & DomainFlag.shutdown) return decodeShutdownReason(flags) === 'crash' ? 'crashed' : 'shutoff';
  if (flags & DomainFlag.paused) return 'paused';
  if (flags & DomainFlag.running) return 'running';
  if (flags & DomainFlag.blocked) return 'blocked';
  return 'nostate';
}
