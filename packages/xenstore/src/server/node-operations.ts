import { XenstoreError } from '../errors.js';
import { baseName, joinPath, parentPath } from '../protocol/path.js';
import type { Permission } from '../protocol/permissions.js';
import { type Caller, checkAccess, isOwner, permissionsForNewNode } from './access.js';
import { ChildList } from './child-list.js';
import type { Quotas } from './quotas.js';
import type { NodeRecord, NodeView } from './store.js';

/** A change watches hear about: `recursive` for a removal, which also reaches watches below it. */
export interface NodeChange {
  path: string;
  recursive: boolean;
  /** The node's permissions when it changed, to tell who may hear about it. */
  perms: readonly Permission[];
}

const EMPTY = new Uint8Array(0);

export function readValue(view: NodeView, caller: Caller, path: string): Uint8Array {
  return readableNode(view, caller, path).value;
}

export function listChildren(view: NodeView, caller: Caller, path: string): NodeRecord {
  return readableNode(view, caller, path);
}

export function getPermissions(view: NodeView, caller: Caller, path: string): readonly Permission[] {
  return readableNode(view, caller, path).perms;
}

/** WRITE: sets the value, creating the node and any missing parents. */
export function writeValue(view: NodeView, caller: Caller, path: string, value: Uint8Array, quotas: Quotas): NodeChange[] {
  if (!caller.privileged && value.length > quotas.valueBytes) {
    throw new XenstoreError({ code: 'ENOSPC', message: `value of ${value.length} bytes exceeds the ${quotas.valueBytes}-byte quota`, path });
  }
  const existing = view.get(path);
  if (existing) {
    checkAccess(caller, existing, path, 'write');
    view.put(path, { ...existing, value });
  } else {
    createNode(view, caller, path, value, quotas);
  }
  return [{ path, recursive: false, perms: view.get(path)!.perms }];
}

/** MKDIR: creates the node with an empty value; an existing node is left as it is. */
export function makeDirectory(view: NodeView, caller: Caller, path: string, quotas: Quotas): NodeChange[] {
  if (view.get(path)) return [];
  createNode(view, caller, path, EMPTY, quotas);
  return [{ path, recursive: false, perms: view.get(path)!.perms }];
}

/** RM: removes the node and its subtree. A missing node is fine if its parent exists. */
export function removeNode(view: NodeView, caller: Caller, path: string): NodeChange[] {
  const parent = parentPath(path);
  if (parent === undefined) throw new XenstoreError({ code: 'EINVAL', message: 'the root node cannot be removed', path });
  const node = view.get(path);
  if (!node) {
    if (view.get(parent)) return [];
    throw new XenstoreError({ code: 'ENOENT', message: 'neither the node nor its parent exists', path });
  }
  checkAccess(caller, node, path, 'write');
  removeSubtree(view, path, node);
  const parentNode = view.get(parent)!;
  const name = baseName(path);
  view.put(parent, { ...parentNode, children: parentNode.children.without(name) });
  return [{ path, recursive: true, perms: node.perms }];
}

/** SET_PERMS: only the owner (or dom0) may; only dom0 may give the node another owner. */
export function setPermissions(view: NodeView, caller: Caller, path: string, perms: Permission[]): NodeChange[] {
  const node = view.get(path);
  if (!node) throw new XenstoreError({ code: 'ENOENT', message: 'no such node', path });
  checkAccess(caller, node, path, 'write');
  if (!isOwner(caller, node.perms)) throw new XenstoreError({ code: 'EACCES', message: 'only the owner may change permissions', path });
  if (!caller.privileged && perms[0]?.domid !== node.perms[0]?.domid) {
    throw new XenstoreError({ code: 'EPERM', message: 'only dom0 may change the owner of a node', path });
  }
  view.put(path, { ...node, perms });
  return [{ path, recursive: false, perms }];
}

function readableNode(view: NodeView, caller: Caller, path: string): NodeRecord {
  const node = view.get(path);
  if (!node) throw new XenstoreError({ code: 'ENOENT', message: 'no such node', path });
  checkAccess(caller, node, path, 'read');
  return node;
}

/** Creates `path` and its missing ancestors; the closest existing ancestor must be writable. */
function createNode(view: NodeView, caller: Caller, path: string, value: Uint8Array, quotas: Quotas): void {
  const missing = [path];
  let ancestor = parentPath(path)!;
  while (!view.get(ancestor)) {
    missing.push(ancestor);
    ancestor = parentPath(ancestor)!;
  }
  checkAccess(caller, view.get(ancestor)!, ancestor, 'write');
  if (!caller.privileged && view.ownedBy(caller.domid) + missing.length > quotas.nodesPerDomain) {
    throw new XenstoreError({ code: 'ENOSPC', message: `domain ${caller.domid} would own more than ${quotas.nodesPerDomain} nodes`, path });
  }
  for (const created of missing.reverse()) {
    const parent = parentPath(created)!;
    const parentNode = view.get(parent)!;
    view.put(parent, { ...parentNode, children: parentNode.children.with(baseName(created)) });
    view.put(created, { value: created === path ? value : EMPTY, perms: permissionsForNewNode(caller, parentNode), children: ChildList.empty() });
  }
}

function removeSubtree(view: NodeView, path: string, node: NodeRecord): void {
  for (const child of node.children) {
    const childPath = joinPath(path, child);
    const childNode = view.get(childPath);
    if (childNode) removeSubtree(view, childPath, childNode);
  }
  view.remove(path);
}
