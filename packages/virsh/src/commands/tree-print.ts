/** One entry of a tree to print: its name and its parent's (undefined for a root). */
export interface TreeNode {
  name: string;
  parent: string | undefined;
}

/**
 * vshTreePrint: the subtree rooted at `nodes[root]`, children under their parent in list order,
 * joined by `|` and `+-` as virsh 9 draws them (a blank line, with its indent, after the last leaf).
 */
export function printTree(nodes: readonly TreeNode[], root: number): string {
  let out = '';
  const walk = (at: number, last: number, isRoot: boolean, indent: string): void => {
    const name = nodes[at]!.name;
    out += `${indent}${isRoot ? '' : '+- '}${name}\n`;
    const own = isRoot ? indent : `${indent}${at === last ? ' ' : '|'} `;
    const children = nodes.flatMap((node, i) => (node.parent === name ? [i] : []));
    const lastChild = children.at(-1) ?? -1;
    if (lastChild !== -1) out += `${own}  |\n`;
    for (const child of children) walk(child, lastChild, false, `${own}  `);
    if (lastChild === -1 && at === last) out += `${own}\n`;
  };
  walk(root, root, true, '');
  return out;
}

/** Every tree of `nodes`, one per root in list order (snapshot-list --tree, checkpoint-list --tree). */
export function printForest(nodes: readonly TreeNode[]): string {
  return nodes.map((node, i) => (node.parent === undefined ? printTree(nodes, i) : '')).join('');
}
