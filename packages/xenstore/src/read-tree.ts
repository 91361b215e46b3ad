import { XenstoreError } from './errors.js';
import type { XenstoreOperations } from './operations.js';
import { joinPath } from './protocol/path.js';

export interface TreeEntry {
  path: string;
  value: string;
}

/**
 * Every node below `path` (not `path` itself) with its value, depth-first in directory order:
 * what `xenstore-ls -f` prints. Requests for siblings go out together, so the whole listing
 * costs about one round trip per tree level. A node removed while listing is left out.
 */
export async function readTree(ops: XenstoreOperations, path: string): Promise<TreeEntry[]> {
  const children = await ops.directory(path);
  const subtrees = await Promise.all(children.map((child) => readSubtree(ops, joinPath(path, child))));
  return subtrees.flat();
}

async function readSubtree(ops: XenstoreOperations, path: string): Promise<TreeEntry[]> {
  try {
    const [value, below] = await Promise.all([ops.read(path), readTree(ops, path)]);
    return [{ path, value }, ...below];
  } catch (error) {
    if (XenstoreError.isInstance(error) && error.code === 'ENOENT') return [];
    throw error;
  }
}
