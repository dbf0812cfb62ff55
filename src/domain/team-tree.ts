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

/**
 * A team and everything below it (or, with no root, the whole forest), depth first: each
 * team before the teams below it, siblings by name, with its depth under the top. Teams
 * whose parent is not in `rows` (archived) count as tops of the forest.
 */
export function subtreeInOrder<T extends TeamLink & { name: string }>(
  rows: readonly T[],
  rootId: string | null,
): Array<{ team: T; depth: number }> {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string | null, T[]>();
  for (const row of rows) {
    const parent = row.parentId && ids.has(row.parentId) ? row.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  const byName = (a: T, b: T) => {
    const [ka, kb] = [nameSortKey(a.name), nameSortKey(b.name)];
    return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : 1;
  };
  const out: Array<{ team: T; depth: number }> = [];
  const seen = new Set<string>();
  const visit = (team: T, depth: number) => {
    if (seen.has(team.id)) return; // already-corrupt data: never loop
    seen.add(team.id);
    out.push({ team, depth });
    for (const child of [...(children.get(team.id) ?? [])].sort(byName)) visit(child, depth + 1);
  };
  const tops =
    rootId === null ? [...(children.get(null) ?? [])].sort(byName) : rows.filter((r) => r.id === rootId);
  for (const top of tops) visit(top, 0);
  return out;
}
