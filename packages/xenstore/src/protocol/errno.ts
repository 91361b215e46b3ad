/**
 * The errno names xenstored sends in XS_ERROR replies (`xsd_errors` in xs_wire.h, in table order),
 * with Linux's numbers. `EQUOTA` is not in the C table: oxenstored sends it when a quota is hit.
 */
export const XS_ERRNO = {
  EINVAL: 22,
  EACCES: 13,
  EEXIST: 17,
  EISDIR: 21,
  ENOENT: 2,
  ENOMEM: 12,
  ENOSPC: 28,
  EIO: 5,
  ENOTEMPTY: 39,
  ENOSYS: 38,
  EROFS: 30,
  EBUSY: 16,
  EAGAIN: 11,
  EISCONN: 106,
  E2BIG: 7,
  EPERM: 1,
  EQUOTA: 122,
} as const;

export type XsErrnoName = keyof typeof XS_ERRNO;

export function isXsErrnoName(name: string): name is XsErrnoName {
  return Object.hasOwn(XS_ERRNO, name);
}
