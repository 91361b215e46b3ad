import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDaemon, type WatchedDaemon } from '@libvirt-ts/test-utils';

/** The built `xenstored-ts` bin: the fault suite runs the daemon as its own process. */
export const DAEMON_CLI = fileURLToPath(new URL('../../dist/server/cli.js', import.meta.url));
export const daemonBuilt = existsSync(DAEMON_CLI);
export const DAEMON_MISSING = 'packages/xenstore is not built (pnpm build): skipping the xenstored-ts process tests';

export interface DaemonProcess extends WatchedDaemon {
  readonly socketPath: string;
  readonly socketRoPath: string;
  guestSocketPath(domid: number): string;
}

/** Starts `xenstored-ts` in a temporary directory with a socket per guest domain. */
export async function startDaemonProcess(guestDomains: readonly number[] = []): Promise<DaemonProcess> {
  const directory = await mkdtemp(join(tmpdir(), 'xenstored-fault-'));
  const socketPath = join(directory, 'socket');
  const socketRoPath = join(directory, 'socket_ro');
  const guestSocketPath = (domid: number) => join(directory, `domain-${domid}`);
  const args = ['--socket', socketPath, '--socket-ro', socketRoPath, ...guestDomains.flatMap((domid) => ['--domain-socket', `${domid}:${guestSocketPath(domid)}`])];
  const daemon = await startDaemon('xenstored-ts', DAEMON_CLI, args, 'listening', () => rm(directory, { recursive: true, force: true }));
  // onto the daemon object itself, so its `exited` getter stays live
  return Object.assign(daemon, { socketPath, socketRoPath, guestSocketPath });
}
