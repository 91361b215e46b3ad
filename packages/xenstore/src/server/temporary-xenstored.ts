import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startXenstored, type Xenstored, type XenstoredOptions } from './xenstored.js';

export interface TemporaryXenstored extends Xenstored {
  /** The temporary directory holding `socket` and `socket_ro`; removed by `close()`. */
  readonly directory: string;
}

/**
 * Starts a xenstored on `socket` and `socket_ro` in a fresh temporary directory, for tests:
 * `close()` stops it and removes the directory.
 */
export async function startTemporaryXenstored(options: Omit<XenstoredOptions, 'socketPath' | 'socketRoPath'> = {}): Promise<TemporaryXenstored> {
  const directory = await mkdtemp(join(tmpdir(), 'xenstored-ts-'));
  try {
    const xenstored = await startXenstored({ ...options, socketPath: join(directory, 'socket'), socketRoPath: join(directory, 'socket_ro') });
    const close = xenstored.close.bind(xenstored);
    return Object.assign(xenstored, {
      directory,
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
