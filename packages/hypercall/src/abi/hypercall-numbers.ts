/** Hypercall numbers (xen/include/public/xen.h). */
export const Hypercall = {
  /** Xen 3.0.x domain control; in Xen 4.x number 7 is platform_op. */
  dom0_op: 7,
  xen_version: 17,
  /** Xen 3.0.3 and later. */
  sysctl: 35,
  /** Xen 3.0.3 and later. */
  domctl: 36,
} as const;

/** Domain ids from DOMID_FIRST_RESERVED (0x7FF0) on are special (DOMID_SELF, DOMID_IO, ...). */
export const DOMID_FIRST_RESERVED = 0x7ff0;
