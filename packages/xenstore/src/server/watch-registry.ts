import { XenstoreError } from '../errors.js';
import { isPathAtOrBelow, isSpecialWatchPath, isSpecialWatchSyntax, type SpecialWatchPath } from '../protocol/path.js';
import type { Permission } from '../protocol/permissions.js';
import { sameBytes } from '../protocol/strings.js';
import { type Caller, hasAccess, isOwner } from './access.js';
import type { NodeChange } from './node-operations.js';

export interface WatchSubscriber {
  readonly caller: Caller;
  /** Queues a WATCH_EVENT frame to the connection. */
  sendWatchEvent(path: string, token: Uint8Array): void;
}

export interface RegisteredWatch {
  subscriber: WatchSubscriber;
  /** Absolute path, or a special path such as `@releaseDomain`. */
  path: string;
  /** The token's bytes as the client sent them (C xenstored gives them back unchanged). */
  token: Uint8Array;
  /** When registered relative: the prefix to strip from event paths (`/local/domain/5/`). */
  relativeTo: string | undefined;
  /** Xen 4.17's optional depth: changes at most this many levels below `path` fire. */
  depth: number | undefined;
}

/** Every watch of every connection, and the matching of changes against them. */
export class WatchRegistry {
  private readonly watches: RegisteredWatch[] = [];
  /** Who may hear each special watch; C xenstored's default lets dom0 alone. */
  private readonly specialPermissions = new Map<SpecialWatchPath, readonly Permission[]>([
    ['@introduceDomain', [{ access: 'n', domid: 0 }]],
    ['@releaseDomain', [{ access: 'n', domid: 0 }]],
  ]);

  add(watch: RegisteredWatch): void {
    this.watches.push(watch);
  }

  find(subscriber: WatchSubscriber, path: string, token: Uint8Array): RegisteredWatch | undefined {
    return this.watches.find((watch) => watch.subscriber === subscriber && watch.path === path && sameBytes(watch.token, token));
  }

  /** SET_PERMS on `@introduceDomain` or `@releaseDomain`: readers hear it; the owner may change it. */
  setSpecialPermissions(caller: Caller, path: string, perms: readonly Permission[]): void {
    if (!isSpecialWatchPath(path)) throw new XenstoreError({ code: 'EINVAL', message: 'no such special path', path });
    const current = this.specialPermissions.get(path)!;
    if (!isOwner(caller, current) || !hasAccess(caller, current, 'write')) {
      throw new XenstoreError({ code: 'EACCES', message: `domain ${caller.domid} may not change the permissions of ${path}`, path });
    }
    this.specialPermissions.set(path, perms);
  }

  remove(watch: RegisteredWatch): void {
    const index = this.watches.indexOf(watch);
    if (index >= 0) this.watches.splice(index, 1);
  }

  removeAll(subscriber: WatchSubscriber): void {
    for (let i = this.watches.length - 1; i >= 0; i--) {
      if (this.watches[i]!.subscriber === subscriber) this.watches.splice(i, 1);
    }
  }

  count(subscriber: WatchSubscriber): number {
    return this.watches.filter((watch) => watch.subscriber === subscriber).length;
  }

  /** Sends the registration event xenstored fires once when a watch is set up. */
  fireRegistration(watch: RegisteredWatch): void {
    watch.subscriber.sendWatchEvent(eventPath(watch, watch.path), watch.token);
  }

  /** Fires the watches a committed change concerns. */
  fireChange(change: NodeChange): void {
    for (const watch of [...this.watches]) {
      const path = matchingEventPath(watch, change);
      if (path === undefined) continue;
      if (!hasAccess(watch.subscriber.caller, change.perms, 'read')) continue;
      watch.subscriber.sendWatchEvent(eventPath(watch, path), watch.token);
    }
  }

  /** Fires `@introduceDomain` or `@releaseDomain` to the watchers its permissions let read it. */
  fireSpecial(path: SpecialWatchPath): void {
    const perms = this.specialPermissions.get(path)!;
    for (const watch of [...this.watches]) {
      if (watch.path === path && hasAccess(watch.subscriber.caller, perms, 'read')) watch.subscriber.sendWatchEvent(path, watch.token);
    }
  }
}

/** The path a watch reports for a change, or undefined when the change does not concern it. */
function matchingEventPath(watch: RegisteredWatch, change: NodeChange): string | undefined {
  if (isSpecialWatchSyntax(watch.path)) return undefined;
  if (isPathAtOrBelow(change.path, watch.path)) {
    if (watch.depth !== undefined && depthBelow(change.path, watch.path) > watch.depth) return undefined;
    return change.path;
  }
  // Removing an ancestor removes the watched node too: the event names the watch's own path.
  if (change.recursive && isPathAtOrBelow(watch.path, change.path)) return watch.path;
  return undefined;
}

function depthBelow(path: string, ancestor: string): number {
  if (path === ancestor) return 0;
  const rest = ancestor === '/' ? path.slice(1) : path.slice(ancestor.length + 1);
  return rest.split('/').length;
}

function eventPath(watch: RegisteredWatch, path: string): string {
  return watch.relativeTo !== undefined && path.startsWith(watch.relativeTo) ? path.slice(watch.relativeTo.length) : path;
}
