import { XenstoreError } from '../errors.js';
import { domainPath, isSpecialWatchSyntax, pathProblem } from '../protocol/path.js';
import { parseDomid } from '../protocol/permissions.js';
import { fromUtf8, splitNulTerminated } from '../protocol/strings.js';
import type { Caller } from './access.js';

// Decoding request payloads; anything malformed answers EINVAL, as C xenstored does.

/** `a\0b\0`: every argument NUL-terminated, as bytes (a watch token is kept as sent). */
export function byteArgs(payload: Uint8Array, min: number, max = min): Uint8Array[] {
  if (payload.length === 0 || payload[payload.length - 1] !== 0) {
    throw new XenstoreError({ code: 'EINVAL', message: 'request arguments must be NUL-terminated' });
  }
  const args = splitNulTerminated(payload);
  if (args.length < min || args.length > max) {
    throw new XenstoreError({ code: 'EINVAL', message: `request takes ${min === max ? min : `${min} to ${max}`} arguments, not ${args.length}` });
  }
  return args;
}

/** `a\0b\0`: every argument NUL-terminated, as text. */
export function stringArgs(payload: Uint8Array, min: number, max = min): string[] {
  return byteArgs(payload, min, max).map(fromUtf8);
}

/** The single NUL-terminated argument of READ, MKDIR, RM, DIRECTORY, GET_PERMS... */
export function singleArg(payload: Uint8Array): string {
  return stringArgs(payload, 1)[0]!;
}

/** WRITE's `path\0value`: the value runs to the end of the payload, unterminated. */
export function pathAndValue(payload: Uint8Array): { path: string; value: Uint8Array } {
  const nul = payload.indexOf(0);
  if (nul < 0) throw new XenstoreError({ code: 'EINVAL', message: 'WRITE needs path\\0value' });
  return { path: fromUtf8(payload.subarray(0, nul)), value: new Uint8Array(payload.subarray(nul + 1)) };
}

export interface ResolvedPath {
  absolute: string;
  /** For a relative path: the prefix it was resolved against, with its trailing slash. */
  relativeTo: string | undefined;
}

/**
 * Validates a node path and resolves a relative one against the caller's `/local/domain/<domid>`.
 * An `@` path names a special watch, never a node (C xenstored answers EINVAL, it does not make
 * `@foo` relative).
 */
export function resolvePath(caller: Caller, path: string): ResolvedPath {
  const problem = isSpecialWatchSyntax(path) ? 'paths starting with @ name special watches, not nodes' : pathProblem(path);
  if (problem) throw new XenstoreError({ code: 'EINVAL', message: problem, path });
  if (path.startsWith('/')) return { absolute: path, relativeTo: undefined };
  const base = `${domainPath(caller.domid)}/`;
  return { absolute: base + path, relativeTo: base };
}

export function domidArg(text: string): number {
  const domid = parseDomid(text);
  if (domid === undefined) throw new XenstoreError({ code: 'EINVAL', message: `${JSON.stringify(text)} is not a domain id` });
  return domid;
}

export function unsignedArg(text: string, what: string): number {
  if (!/^\d{1,16}$/.test(text)) throw new XenstoreError({ code: 'EINVAL', message: `${what} ${JSON.stringify(text)} is not an unsigned decimal` });
  return Number(text);
}
