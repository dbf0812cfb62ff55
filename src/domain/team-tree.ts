/** Pure operations on the team tree (company → division → department → squad). */
export type TeamLink = { id: string; parentId: string | null };

/**
 * Whether moving `teamId` under `newParentId` would put a team inside its own subtree.
 * `parentOf` gives each team's current parent.
 */
export function wouldCreateLoop(
  teamId: string,
  newParentId: string | null,
  parentOf: Map<string, string | null>,
): boolean {
  let cursor = newParentId;
  const seen = new Set<string>();
  while (cursor !== null) {
    if (cursor === teamId) return true;
    if (seen.has(cursor)) return true; // already-corrupt data: refuse rather than loop
    seen.add(cursor);
    cursor = parentOf.get(cursor) ?? null;
  }
  return false;
}

/** Builds a forest from flat rows; children keep the order of the input. */
export function buildTree<T extends TeamLink>(
  rows: T[],
): Array<T & { children: Array<T & { children: unknown[] }> }> {
  type Node = T & { children: Node[] };
  const nodes = new Map<string, Node>();
  for (const row of rows) nodes.set(row.id, { ...row, children: [] });
  const roots: Node[] = [];
  for (const row of rows) {
    const node = nodes.get(row.id)!;
    const parent = row.parentId ? nodes.get(row.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Sort key that does not depend on database collations (PGlite ships almost none). */
export function nameSortKey(name: string): string {
  return name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}
