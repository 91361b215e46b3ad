import { XenstoreError } from '../errors.js';
import { PAYLOAD_MAX, REL_PATH_MAX } from '../protocol/header.js';
import type { XsMessage } from '../protocol/message.js';
import { MODIFYING_TYPES, XsType } from '../protocol/message-type.js';
import { domainPath, isSpecialWatchSyntax } from '../protocol/path.js';
import { formatPermission, type Permission, parsePermission } from '../protocol/permissions.js';
import { concatBytes, fromUtf8, nulTerminated, utf8 } from '../protocol/strings.js';
import type { Caller } from './access.js';
import { runControlCommand } from './control-commands.js';
import type { DomainTable } from './domains.js';
import { accountName, usage } from './domain-usage.js';
import {
  getPermissions,
  listChildren,
  makeDirectory,
  type NodeChange,
  readValue,
  removeNode,
  setPermissions,
  writeValue,
} from './node-operations.js';
import type { Quotas } from './quotas.js';
import { byteArgs, domidArg, pathAndValue, resolvePath, singleArg, stringArgs, unsignedArg } from './request-args.js';
import { type NodeStore, type NodeView, TransactionView } from './store.js';
import type { WatchRegistry, WatchSubscriber } from './watch-registry.js';

export interface ServerState {
  readonly store: NodeStore;
  readonly watches: WatchRegistry;
  readonly domains: DomainTable;
  readonly quotas: Quotas;
  /** Bytes waiting in every connection's outbox together. */
  readonly output: { queuedBytes: number };
  allocateTransactionId(): number;
  /** The open connections of an unprivileged domain (its domain sockets). */
  connectionsOf(domid: number): Iterable<ConnectionState>;
}

export interface OpenTransaction {
  view: TransactionView;
  changes: NodeChange[];
}

export interface ConnectionState extends WatchSubscriber {
  readonly caller: Caller;
  readonly transactions: Map<number, OpenTransaction>;
  /** Replies not yet taken by the client (C xenstored's outstanding requests). */
  readonly outstandingReplies: number;
  /** Answers the requests held back by the outstanding quota, as far as there is room now. */
  answerQueued(): void;
}

export interface HandlerContext {
  server: ServerState;
  connection: ConnectionState;
  message: XsMessage;
}

/** A successful reply, and what must happen once it is queued (a watch's registration event). */
export interface Reply {
  payload: Uint8Array;
  after?: () => void;
}

type Handler = (context: HandlerContext) => Reply;

const OK = nulTerminated(['OK']);
const ok = (): Reply => ({ payload: OK });

/** Requests refused with EROFS on the read-only socket: the changes, and CONTROL (quotas). */
export const READ_ONLY_REFUSED: ReadonlySet<number> = new Set([...MODIFYING_TYPES, XsType.CONTROL]);

/** The requests of Xen 4.17 xenstored, by message type. Anything else answers EINVAL. */
export const REQUEST_HANDLERS: ReadonlyMap<number, Handler> = new Map<number, Handler>([
  [XsType.READ, (context) => storeRequest(context, (view, caller, path) => ({ payload: readValue(view, caller, path) }))],
  [XsType.WRITE, handleWrite],
  [XsType.MKDIR, (context) => storeChange(context, (view, caller, path) => makeDirectory(view, caller, path, context.server.quotas))],
  [XsType.RM, (context) => storeChange(context, removeNode)],
  [XsType.DIRECTORY, (context) => storeRequest(context, (view, caller, path) => ({ payload: directoryPayload(view, caller, path) }))],
  [XsType.DIRECTORY_PART, handleDirectoryPart],
  [XsType.GET_PERMS, (context) => storeRequest(context, (view, caller, path) => ({ payload: permissionsPayload(getPermissions(view, caller, path)) }))],
  [XsType.SET_PERMS, handleSetPermissions],
  [XsType.WATCH, handleWatch],
  [XsType.UNWATCH, handleUnwatch],
  [XsType.TRANSACTION_START, handleTransactionStart],
  [XsType.TRANSACTION_END, handleTransactionEnd],
  [XsType.INTRODUCE, handleIntroduce],
  [XsType.RELEASE, handleRelease],
  [XsType.GET_DOMAIN_PATH, ({ message }) => ({ payload: nulTerminated([domainPath(domidArg(singleArg(message.payload)))]) })],
  [XsType.IS_DOMAIN_INTRODUCED, ({ server, message }) => ({ payload: nulTerminated([server.domains.isIntroduced(domidArg(singleArg(message.payload))) ? 'T' : 'F']) })],
  [XsType.RESUME, handleResume],
  [XsType.SET_TARGET, handleSetTarget],
  [XsType.RESET_WATCHES, handleResetWatches],
  [XsType.CONTROL, handleControl],
]);

/** The view a request works on: its transaction's, or the live store. */
function viewFor({ server, connection, message }: HandlerContext): { view: NodeView; transaction: OpenTransaction | undefined } {
  if (message.txId === 0) return { view: server.store, transaction: undefined };
  const transaction = connection.transactions.get(message.txId);
  if (!transaction) throw new XenstoreError({ code: 'ENOENT', message: `no transaction ${message.txId} on this connection` });
  return { view: transaction.view, transaction };
}

function storeRequest(context: HandlerContext, run: (view: NodeView, caller: Caller, path: string) => Reply, path?: string): Reply {
  const { view } = viewFor(context);
  const resolved = path ?? resolvePath(context.connection.caller, singleArg(context.message.payload)).absolute;
  return run(view, context.connection.caller, resolved);
}

/** Runs a change; outside a transaction watches fire now, inside one on commit. */
function storeChange(context: HandlerContext, run: (view: NodeView, caller: Caller, path: string) => NodeChange[], path?: string): Reply {
  const { view, transaction } = viewFor(context);
  const resolved = path ?? resolvePath(context.connection.caller, singleArg(context.message.payload)).absolute;
  const changes = run(view, context.connection.caller, resolved);
  if (transaction) {
    transaction.changes.push(...changes);
    return ok();
  }
  return { payload: OK, after: () => fireChanges(context.server, changes) };
}

function fireChanges(server: ServerState, changes: readonly NodeChange[]): void {
  for (const change of changes) server.watches.fireChange(change);
}

function handleWrite(context: HandlerContext): Reply {
  const { path, value } = pathAndValue(context.message.payload);
  const absolute = resolvePath(context.connection.caller, path).absolute;
  return storeChange(context, (view, caller) => writeValue(view, caller, absolute, value, context.server.quotas), absolute);
}

function directoryPayload(view: NodeView, caller: Caller, path: string): Uint8Array {
  const payload = listChildren(view, caller, path).children.encoded();
  if (payload.length > PAYLOAD_MAX) throw new XenstoreError({ code: 'E2BIG', message: 'too many children for one reply: use DIRECTORY_PART', path });
  return payload;
}

/** `path\0offset\0` → `generation\0` and the children from that byte offset, whole names only; the end of the list adds an empty name. */
function handleDirectoryPart(context: HandlerContext): Reply {
  const [path = '', offsetText = ''] = stringArgs(context.message.payload, 2);
  const offset = unsignedArg(offsetText, 'offset');
  const absolute = resolvePath(context.connection.caller, path).absolute;
  return storeRequest(
    context,
    (view, caller) => {
      const node = listChildren(view, caller, absolute);
      const generation = utf8(`${node.generation}\0`);
      const names = node.children.encoded();
      if (offset > names.length) throw new XenstoreError({ code: 'EINVAL', message: `offset ${offset} is past the end of the list`, path: absolute });
      const room = PAYLOAD_MAX - generation.length;
      let end = offset;
      while (end < names.length) {
        const next = names.indexOf(0, end) + 1;
        if (next - offset > room) break;
        end = next;
      }
      if (end === offset && end < names.length) throw new XenstoreError({ code: 'E2BIG', message: 'a child name does not fit in one reply', path: absolute });
      const chunk = names.subarray(offset, end);
      const finished = end === names.length && chunk.length < room;
      return { payload: concatBytes([generation, chunk, finished ? new Uint8Array(1) : new Uint8Array(0)]) };
    },
    absolute,
  );
}

function permissionsPayload(perms: readonly Permission[]): Uint8Array {
  return nulTerminated(perms.map(formatPermission));
}

function handleSetPermissions(context: HandlerContext): Reply {
  const [path = '', ...texts] = stringArgs(context.message.payload, 2, Number.MAX_SAFE_INTEGER);
  const perms = texts.map((text) => {
    const permission = parsePermission(text);
    if (!permission) throw new XenstoreError({ code: 'EINVAL', message: `${JSON.stringify(text)} is not a permission (r/w/b/n + domid)`, path });
    return permission;
  });
  if (isSpecialWatchSyntax(path)) {
    context.server.watches.setSpecialPermissions(context.connection.caller, path, perms);
    return ok();
  }
  const absolute = resolvePath(context.connection.caller, path).absolute;
  return storeChange(context, (view, caller) => setPermissions(view, caller, absolute, perms), absolute);
}

function handleWatch({ server, connection, message }: HandlerContext): Reply {
  const [pathBytes, token = new Uint8Array(0), depthBytes] = byteArgs(message.payload, 2, 3);
  const path = fromUtf8(pathBytes!);
  const depthText = depthBytes && fromUtf8(depthBytes);
  const resolved = isSpecialWatchSyntax(path) ? specialWatchPath(path) : resolvePath(connection.caller, path);
  if (server.watches.find(connection, resolved.absolute, token)) {
    throw new XenstoreError({ code: 'EEXIST', message: 'a watch with this token is already set', path });
  }
  if (usage(server, connection, (each) => server.watches.count(each)) >= server.quotas.watchesPerConnection) {
    throw new XenstoreError({ code: 'E2BIG', message: `more than ${server.quotas.watchesPerConnection} watches on ${accountName(connection)}`, path });
  }
  const depth = depthText === undefined ? undefined : unsignedArg(depthText, 'depth');
  const watch = { subscriber: connection, path: resolved.absolute, token, relativeTo: resolved.relativeTo, depth };
  server.watches.add(watch);
  return { payload: OK, after: () => server.watches.fireRegistration(watch) };
}

/** `@` paths are kept as they are; only `@introduceDomain` and `@releaseDomain` ever fire. */
function specialWatchPath(path: string): { absolute: string; relativeTo: undefined } {
  if (path.length > REL_PATH_MAX) throw new XenstoreError({ code: 'EINVAL', message: `special path longer than ${REL_PATH_MAX}`, path });
  return { absolute: path, relativeTo: undefined };
}

function handleUnwatch({ server, connection, message }: HandlerContext): Reply {
  const [pathBytes, token = new Uint8Array(0)] = byteArgs(message.payload, 2);
  const path = fromUtf8(pathBytes!);
  const absolute = isSpecialWatchSyntax(path) ? specialWatchPath(path).absolute : resolvePath(connection.caller, path).absolute;
  const watch = server.watches.find(connection, absolute, token);
  if (!watch) throw new XenstoreError({ code: 'ENOENT', message: 'no watch with this token', path });
  server.watches.remove(watch);
  return ok();
}

function handleTransactionStart({ server, connection, message }: HandlerContext): Reply {
  stringArgs(message.payload, 1);
  if (message.txId !== 0) throw new XenstoreError({ code: 'EBUSY', message: 'TRANSACTION_START inside a transaction' });
  if (usage(server, connection, (each) => each.transactions.size) >= server.quotas.transactionsPerConnection) {
    throw new XenstoreError({ code: 'ENOSPC', message: `more than ${server.quotas.transactionsPerConnection} open transactions on ${accountName(connection)}` });
  }
  const id = server.allocateTransactionId();
  connection.transactions.set(id, { view: new TransactionView(server.store), changes: [] });
  return { payload: nulTerminated([String(id)]) };
}

function handleTransactionEnd(context: HandlerContext): Reply {
  const verdict = singleArg(context.message.payload);
  if (verdict !== 'T' && verdict !== 'F') throw new XenstoreError({ code: 'EINVAL', message: 'TRANSACTION_END takes T (commit) or F (abort)' });
  const { transaction } = viewFor(context);
  if (!transaction) throw new XenstoreError({ code: 'EINVAL', message: 'TRANSACTION_END outside a transaction' });
  context.connection.transactions.delete(context.message.txId);
  if (verdict === 'F') return ok();
  if (!context.connection.caller.privileged) checkNodeQuotaAtCommit(context.server, transaction.view);
  transaction.view.commit();
  return { payload: OK, after: () => fireChanges(context.server, transaction.changes) };
}

/**
 * A transaction's node quota was checked against the live store as it stood then; other
 * transactions may have committed since. C xenstored checks again at commit
 * (`transaction_fix_domains`) and answers ENOSPC; so do we, before the conflict check, as it does.
 */
function checkNodeQuotaAtCommit(server: ServerState, view: TransactionView): void {
  for (const [domid, added] of view.ownersGrowing()) {
    if (server.store.ownedBy(domid) + added > server.quotas.nodesPerDomain) {
      throw new XenstoreError({ code: 'ENOSPC', message: `domain ${domid} would own more than ${server.quotas.nodesPerDomain} nodes` });
    }
  }
}

function requirePrivileged(caller: Caller): void {
  if (!caller.privileged) throw new XenstoreError({ code: 'EACCES', message: 'only dom0 may do this' });
}

function handleIntroduce({ server, connection, message }: HandlerContext): Reply {
  requirePrivileged(connection.caller);
  const [domidText = '', gfnText = '', eventChannelText = ''] = stringArgs(message.payload, 3);
  const domid = domidArg(domidText);
  if (domid === 0) throw new XenstoreError({ code: 'EINVAL', message: 'dom0 is always introduced' });
  const fresh = server.domains.introduce(domid, unsignedArg(gfnText, 'gfn'), unsignedArg(eventChannelText, 'event channel'));
  return { payload: OK, after: () => fresh && server.watches.fireSpecial('@introduceDomain') };
}

function handleRelease({ server, connection, message }: HandlerContext): Reply {
  requirePrivileged(connection.caller);
  server.domains.release(domidArg(singleArg(message.payload)));
  return { payload: OK, after: () => server.watches.fireSpecial('@releaseDomain') };
}

function handleResume({ server, connection, message }: HandlerContext): Reply {
  requirePrivileged(connection.caller);
  server.domains.require(domidArg(singleArg(message.payload)));
  return ok();
}

function handleSetTarget({ server, connection, message }: HandlerContext): Reply {
  requirePrivileged(connection.caller);
  const [domidText = '', targetText = ''] = stringArgs(message.payload, 2);
  server.domains.setTarget(domidArg(domidText), domidArg(targetText));
  return ok();
}

function handleResetWatches({ server, connection, message }: HandlerContext): Reply {
  if (message.payload.length > 0) stringArgs(message.payload, 1);
  server.watches.removeAll(connection);
  connection.transactions.clear();
  return ok();
}

function handleControl({ server, connection, message }: HandlerContext): Reply {
  requirePrivileged(connection.caller);
  const [command = '', ...args] = stringArgs(message.payload, 1, Number.MAX_SAFE_INTEGER);
  return { payload: nulTerminated([runControlCommand(server.quotas, command, args)]) };
}
