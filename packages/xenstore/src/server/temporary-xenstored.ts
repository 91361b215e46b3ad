import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startXenstored, type Xenstored, type XenstoredOptions } from './xenstored.js';

export interface TemporaryXenstoredOptions extends Omit<XenstoredOptions, 'socketPath' | 'socketRoPath' | 'domainSockets'> {
  /** Domains that get a socket of their own (`domain-<domid>`), acting as that unprivileged domain. */
  guestDomains?: readonly number[] | undefined;
}

export interface TemporaryXenstored extends Xenstored {
  /** The temporary directory holding the sockets; removed by `close()`. */
  readonly directory: string;
  /** The socket of a domain listed in `guestDomains`. */
  guestSocketPath(domid: number): string;
}

/**
 * Starts a xenstored on `socket` and `socket_ro` in a fresh temporary directory, for tests:
 * `close()` stops it and removes the directory.
 */
export async function startTemporaryXenstored(options: TemporaryXenstoredOptions = {}): Promise<TemporaryXenstored> {
  const directory = await mkdtemp(join(tmpdir(), 'xenstored-ts-'));
  const guestSocketPath = (domid: number) => join(directory, `domain-${domid}`);
  try {
    const { guestDomains = [], ...rest } = options;
    const xenstored = await startXenstored({
      ...rest,
      socketPath: join(directory, 'socket'),
      socketRoPath: join(directory, 'socket_ro'),
      domainSockets: guestDomains.map((domid) => ({ path: guestSocketPath(domid), domid })),
    });
    const close = xenstored.close.bind(xenstored);
    return Object.assign(xenstored, {
      directory,
      guestSocketPath,
      close: async () => {
        await close();
        await rm(directory, { recursive: true, force: true });
      },
    });
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
}
