/**
 * Message types of `enum xsd_sockmsg_type` (xs_wire.h, Xen 4.17), plus the four Xen added after
 * 4.17 so a newer peer's frames can be named. 20 was XS_RESTRICT, removed from Xen.
 */
export const XsType = {
  CONTROL: 0,
  DIRECTORY: 1,
  READ: 2,
  GET_PERMS: 3,
  WATCH: 4,
  UNWATCH: 5,
  TRANSACTION_START: 6,
  TRANSACTION_END: 7,
  INTRODUCE: 8,
  RELEASE: 9,
  GET_DOMAIN_PATH: 10,
  WRITE: 11,
  MKDIR: 12,
  RM: 13,
  SET_PERMS: 14,
  WATCH_EVENT: 15,
  ERROR: 16,
  IS_DOMAIN_INTRODUCED: 17,
  RESUME: 18,
  SET_TARGET: 19,
  RESET_WATCHES: 21,
  DIRECTORY_PART: 22,
  GET_FEATURE: 23,
  SET_FEATURE: 24,
  GET_QUOTA: 25,
  SET_QUOTA: 26,
  INVALID: 0xffff,
} as const;

export type XsTypeName = keyof typeof XsType;
export type XsTypeNumber = (typeof XsType)[XsTypeName];

/** `XS_DEBUG` is the 2006 name of `XS_CONTROL`. */
export const XS_DEBUG = XsType.CONTROL;

/** `XS_TYPE_COUNT` in Xen 4.17: types 0..22 exist there. */
export const XS_TYPE_COUNT_4_17 = 23;

const namesByNumber = new Map<number, XsTypeName>(
  Object.entries(XsType).map(([name, value]) => [value, name as XsTypeName]),
);

/** The name of a message type number, e.g. `READ`, or `undefined` for a number Xen never used. */
export function xsTypeName(type: number): XsTypeName | undefined {
  return namesByNumber.get(type);
}

/** Requests that change the store or the domain table: a read-only connection refuses them. */
export const MODIFYING_TYPES: ReadonlySet<number> = new Set([
  XsType.WRITE,
  XsType.MKDIR,
  XsType.RM,
  XsType.SET_PERMS,
  XsType.INTRODUCE,
  XsType.RELEASE,
  XsType.RESUME,
  XsType.SET_TARGET,
]);
