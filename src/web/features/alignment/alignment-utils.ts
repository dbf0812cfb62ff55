import type { AlignmentNode } from "../../lib/types.ts";

/** The first place an Objective appears in the tree (one with two parents appears twice). */
export function findNode(roots: readonly AlignmentNode[], id: string): AlignmentNode | null {
  for (const node of roots) {
    if (node.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return null;
}

/** Objectives contributing to `id` (alignment down), with their weights; none when it is not in the tree. */
export function contributorsOf(roots: readonly AlignmentNode[], id: string): AlignmentNode[] {
  return findNode(roots, id)?.children ?? [];
}

/** Path keys of every node with children: a node is keyed by its path, since it may appear twice. */
export function branchKeys(roots: readonly AlignmentNode[], depth = Number.POSITIVE_INFINITY): Set<string> {
  const keys = new Set<string>();
  const walk = (nodes: readonly AlignmentNode[], prefix: string, level: number) => {
    for (const node of nodes) {
      const key = `${prefix}/${node.id}`;
      if (node.children.length > 0 && level < depth) {
        keys.add(key);
        walk(node.children, key, level + 1);
      }
    }
  };
  walk(roots, "", 0);
  return keys;
}

/** Objectives and KRs in the tree, counted once each (a node under two parents counts once). */
export function treeCounts(roots: readonly AlignmentNode[]): { objectives: number; keyResults: number } {
  const seen = new Set<string>();
  let keyResults = 0;
  const walk = (nodes: readonly AlignmentNode[]) => {
    for (const node of nodes) {
      if (!seen.has(node.id)) {
        seen.add(node.id);
        keyResults += node.keyResults.length;
      }
      walk(node.children);
    }
  };
  walk(roots);
  return { objectives: seen.size, keyResults };
}

/**
 * Keeps the nodes whose title, team or KRs match `query`, with their ancestors (so each
 * match shows in place); a matching node keeps its whole subtree.
 */
export function filterAlignment(roots: readonly AlignmentNode[], query: string): AlignmentNode[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...roots];
  const matches = (n: AlignmentNode) =>
    n.title.toLowerCase().includes(q) ||
    (n.teamName ?? "").toLowerCase().includes(q) ||
    (n.ownerName ?? "").toLowerCase().includes(q) ||
    n.keyResults.some((k) => k.title.toLowerCase().includes(q));
  const visit = (node: AlignmentNode): AlignmentNode | null => {
    if (matches(node)) return node;
    const children = node.children.map(visit).filter((c): c is AlignmentNode => c !== null);
    return children.length > 0 ? { ...node, children } : null;
  };
  return roots.map(visit).filter((n): n is AlignmentNode => n !== null);
}
