import { execFile } from 'node:child_process';
import type { XenstoreClient } from '../src/index.js';

/** 100 directories of 99 leaves under `root`: 10,000 nodes. */
export async function buildTree(xs: XenstoreClient, root: string): Promise<number> {
  const writes: Promise<void>[] = [];
  for (let dir = 0; dir < 100; dir++) {
    for (let leaf = 0; leaf < 99; leaf++) writes.push(xs.write(`${root}/d${dir}/leaf${leaf}`, `value-${dir}-${leaf}`));
  }
  await Promise.all(writes);
  return 100 + 100 * 99;
}

/** Our listing, as `path = "value"` lines like `xenstore-ls -f`. */
export async function listWithOurs(xs: XenstoreClient, root: string): Promise<string[]> {
  return (await xs.readTree(root)).map(({ path, value }) => `${path} = "${value}"`);
}

/** The C client's listing (`xenstore-ls -f`), one process per call. */
export function listWithXenstoreLs(socketPath: string, root: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(
      '/usr/bin/xenstore-ls',
      ['-f', root],
      { env: { XENSTORED_PATH: socketPath }, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout) => (error ? reject(error) : resolve(stdout.split('\n').filter(Boolean))),
    );
  });
}

export async function sequentialReads(xs: XenstoreClient, path: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await xs.read(path);
}

export async function readsInFlight(xs: XenstoreClient, path: string, count: number): Promise<void> {
  await Promise.all(Array.from({ length: count }, () => xs.read(path)));
}
