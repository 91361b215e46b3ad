import { XenstoreError } from '../errors.js';
import { canRead, canWrite, type Permission } from '../protocol/permissions.js';
import type { NodeRecord } from './store.js';

/** Who sends a request: a domain, privileged (dom0, every socket connection) or not. */
export interface Caller {
  domid: number;
  privileged: boolean;
  /** Connections of the read-only socket: every change answers EROFS. */
  readOnly: boolean;
  /** Set with SET_TARGET: the caller also acts as owner of this domain's nodes. */
  target?: number | undefined;
}

export type Access = 'read' | 'write';

/** The caller's access to a node: owner (or its target's owner) has all, others per entry. */
export function hasAccess(caller: Caller, perms: readonly Permission[], want: Access): boolean {
  if (caller.privileged) return true;
  const owner = perms[0];
  if (!owner) return false;
  if (owner.domid === caller.domid || owner.domid === caller.target) return true;
  const entry = perms.slice(1).find((perm) => perm.domid === caller.domid) ?? owner;
  return want === 'read' ? canRead(entry.access) : canWrite(entry.access);
}

export function checkAccess(caller: Caller, node: NodeRecord, path: string, want: Access): void {
  if (!hasAccess(caller, node.perms, want)) {
    throw new XenstoreError({ code: 'EACCES', message: `domain ${caller.domid} may not ${want} this node`, path });
  }
}

/** Whether the caller owns the node (may change its permissions). */
export function isOwner(caller: Caller, perms: readonly Permission[]): boolean {
  const owner = perms[0]?.domid;
  return caller.privileged || owner === caller.domid || (owner !== undefined && owner === caller.target);
}

/** A new node inherits its parent's permissions; a domain creating it becomes its owner. */
export function permissionsForNewNode(caller: Caller, parent: NodeRecord): Permission[] {
  const [owner, ...others] = parent.perms;
  if (!owner || caller.privileged) return [...parent.perms];
  return [{ access: owner.access, domid: caller.domid }, ...others.filter((perm) => perm.domid !== caller.domid)];
}
