import { XenstoreError, type XenstoreWatch, type WatchEvent } from '../src/index.js';

/** The XenstoreError a promise rejects with; fails the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<XenstoreError> {
  try {
    await promise;
  } catch (error) {
    if (XenstoreError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

/** The next `count` event paths of a watch. */
export async function nextPaths(watch: XenstoreWatch, count: number): Promise<string[]> {
  const paths: string[] = [];
  while (paths.length < count) {
    const result: IteratorResult<WatchEvent> = await watch.next();
    if (result.done) throw new Error(`watch ended after ${paths.length} events`);
    paths.push(result.value.path);
  }
  return paths;
}
