import { ABS_PATH_MAX, REL_PATH_MAX } from './header.js';

/** The special watch paths xenstored fires itself. */
export const SPECIAL_WATCH_PATHS = ['@introduceDomain', '@releaseDomain'] as const;
export type SpecialWatchPath = (typeof SPECIAL_WATCH_PATHS)[number];

export function isSpecialWatchPath(path: string): path is SpecialWatchPath {
  return (SPECIAL_WATCH_PATHS as readonly string[]).includes(path);
}

/**
 * Whether a watch path is special (`@` and anything): xenstored accepts any such watch, but only
 * the two it knows ever fire.
 */
export function isSpecialWatchSyntax(path: string): boolean {
  return path.startsWith('@');
}

const PATH_CHARACTERS = /^[A-Za-z0-9\-/_@]*$/;

/**
 * Why `path` is not a valid node path, or undefined when it is. Absolute paths start with `/`;
 * relative ones are relative to the connection's `/local/domain/<domid>`. Allowed characters are
 * letters, digits and `-/_@`; no empty components, no trailing slash (except `/` itself).
 */
export function pathProblem(path: string): string | undefined {
  if (path.length === 0) return 'empty path';
  const max = path.startsWith('/') ? ABS_PATH_MAX : REL_PATH_MAX;
  if (path.length > max) return `path longer than ${max} characters`;
  if (!PATH_CHARACTERS.test(path)) return 'path has characters other than A-Z a-z 0-9 - / _ @';
  if (path === '/') return undefined;
  if (path.includes('//')) return 'path has an empty component (//)';
  if (path.endsWith('/')) return 'path ends with /';
  return undefined;
}

/** The parent of an absolute path (`/a/b` → `/a`, `/a` → `/`); `/` has none. */
export function parentPath(path: string): string | undefined {
  if (path === '/') return undefined;
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

/** The last component of an absolute path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function joinPath(parent: string, child: string): string {
  return parent === '/' ? `/${child}` : `${parent}/${child}`;
}

/** Whether `path` is `ancestor` or below it. */
export function isPathAtOrBelow(path: string, ancestor: string): boolean {
  if (ancestor === '/') return path.startsWith('/');
  return path === ancestor || (path.startsWith(ancestor) && path.charCodeAt(ancestor.length) === 0x2f);
}

/** `/local/domain/<domid>`, the home of a domain and the base of its relative paths. */
export function domainPath(domid: number): string {
  return `/local/domain/${domid}`;
}
