import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { XenstoreError, xenstoreCodeOf } from '../errors.js';
import type { XenstoreTransport } from './transport.js';
import { connectUnixSocket } from './unix-socket.js';
import { openXenbusDevice } from './xenbus-device.js';

export interface LocateOptions {
  /** A socket or device path; skips the search. */
  path?: string | undefined;
  /** Prefer the read-only socket (`socket_ro`) when searching. */
  readOnly?: boolean | undefined;
  /** Environment to read XENSTORED_PATH and XENSTORED_RUNDIR from (default: process.env). */
  env?: Record<string, string | undefined> | undefined;
}

const DEFAULT_RUNDIR = '/var/run/xenstored';

/**
 * The paths libxenstore 4.17's `xs_open()` tries, in order: the socket (`$XENSTORED_PATH`, else
 * `$XENSTORED_RUNDIR/socket`, else `/var/run/xenstored/socket`), then the device
 * (`$XENSTORED_PATH` again, else `/dev/xen/xenbus` when it exists, else `/proc/xen/xenbus`).
 * Read-only opens try `socket_ro` first, as the libxenstore libvirt 0.1.3 used did.
 */
export async function candidatePaths(options: LocateOptions = {}): Promise<string[]> {
  if (options.path !== undefined) return [options.path];
  const env = options.env ?? process.env;
  const rundir = env['XENSTORED_RUNDIR'] ?? DEFAULT_RUNDIR;
  const sockets = env['XENSTORED_PATH'] !== undefined ? [env['XENSTORED_PATH']] : [`${rundir}/socket`];
  if (options.readOnly && env['XENSTORED_PATH'] === undefined) sockets.unshift(`${rundir}/socket_ro`);
  const device = env['XENSTORED_PATH'] ?? ((await exists('/dev/xen/xenbus')) ? '/dev/xen/xenbus' : '/proc/xen/xenbus');
  return [...sockets, device];
}

/** Opens the first candidate that works: a socket file by connect(), any other file as a device. */
export async function openTransport(options: LocateOptions = {}): Promise<XenstoreTransport> {
  const failures: { path: string; error: NodeJS.ErrnoException }[] = [];
  for (const path of await candidatePaths(options)) {
    try {
      const info = await stat(path);
      return info.isSocket() ? await connectUnixSocket(path) : await openXenbusDevice(path);
    } catch (error) {
      failures.push({ path, error: error as NodeJS.ErrnoException });
    }
  }
  const first = failures[0]!;
  const tried = failures.map(({ path, error }) => `${path}: ${error.code ?? error.message}`).join('; ');
  throw new XenstoreError({ code: xenstoreCodeOf(first.error.code), message: `cannot connect to xenstored (${tried})`, path: first.path, cause: first.error });
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}
