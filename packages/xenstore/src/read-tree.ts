import { XenstoreError } from './errors.js';
import type { XenstoreOperations } from './operations.js';
import { joinPath } from './protocol/path.js';

export interface TreeEntry {
  path: string;
  value: string;
}

interface ListedNode {
  entry: TreeEntry;
  children: ListedNode[];
}

/**
 * Every node below `path` (not `path` itself) with its value, depth-first in directory order:
 * what `xenstore-ls -f` prints. Requests for siblings go out together, so the whole listing
 * costs about one round trip per tree level. A node removed while listing is left out.
 */
export async function readTree(ops: XenstoreOperations, path: string): Promise<TreeEntry[]> {
  const entries: TreeEntry[] = [];
  const flatten = (nodes: ListedNode[]) => {
    for (const node of nodes) {
      entries.push(node.entry);
      flatten(node.children);
    }
  };
  flatten(await listChildren(ops, path));
  return entries;
}

async function listChildren(ops: XenstoreOperations, path: string): Promise<ListedNode[]> {
  const names = await ops.directory(path);
  const nodes = await Promise.all(names.map((name) => listNode(ops, joinPath(path, name))));
  return nodes.filter((node) => node !== undefined);
}

async function listNode(ops: XenstoreOperations, path: string): Promise<ListedNode | undefined> {
  try {
    const [value, children] = await Promise.all([ops.read(path), listChildren(ops, path)]);
    return { entry: { path, value }, children };
  } catch (error) {
    if (XenstoreError.isInstance(error) && error.code === 'ENOENT') return undefined;
    throw error;
  }
}
