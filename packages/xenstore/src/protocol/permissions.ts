/**
 * A node permission entry as on the wire: `r5`, `w0`, `b3`, `n0`. The first entry of a node names
 * its owner and the access of every domain not listed after it.
 */
export type PermissionAccess = 'r' | 'w' | 'b' | 'n';

export interface Permission {
  access: PermissionAccess;
  domid: number;
}

const PERMISSION = /^([rwbn])(\d{1,5})$/;

export const MAX_DOMID = 65535;

/** Parses `b3`; undefined when the text is not a permission. */
export function parsePermission(text: string): Permission | undefined {
  const match = PERMISSION.exec(text);
  if (!match) return undefined;
  const domid = Number(match[2]);
  if (domid > MAX_DOMID) return undefined;
  return { access: match[1] as PermissionAccess, domid };
}

export function formatPermission(permission: Permission): string {
  return `${permission.access}${permission.domid}`;
}

export function canRead(access: PermissionAccess): boolean {
  return access === 'r' || access === 'b';
}

export function canWrite(access: PermissionAccess): boolean {
  return access === 'w' || access === 'b';
}

/** Parses a decimal domain id (0..65535) as sent in INTRODUCE, RELEASE, GET_DOMAIN_PATH... */
export function parseDomid(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const domid = Number(text);
  return domid <= MAX_DOMID ? domid : undefined;
}
