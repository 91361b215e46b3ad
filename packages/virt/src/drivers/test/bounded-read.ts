// node:fs's `promises` is read when a file is read, not at start-up (see test-driver.ts).
import { promises as fs } from 'node:fs';

/**
 * Up to `limit` bytes from the start of `path`, fewer only at its end (C's saferead): a device
 * or a huge file costs at most `limit` bytes. Open and read errors are thrown as Node's,
 * tagged with the stage that failed.
 */
export async function readFilePrefix(path: string, limit: number): Promise<Uint8Array> {
  let file: Awaited<ReturnType<typeof fs.open>>;
  try {
    file = await fs.open(path, 'r');
  } catch (error) {
    throw Object.assign(error as NodeJS.ErrnoException, { stage: 'open' });
  }
  try {
    const buffer = new Uint8Array(limit);
    let filled = 0;
    while (filled < limit) {
      const { bytesRead } = await file.read(buffer, filled, limit - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } catch (error) {
    throw Object.assign(error as NodeJS.ErrnoException, { stage: 'read' });
  } finally {
    await file.close();
  }
}
