/** The teams under chosen roots, in the order a tree shows them (pure; no I/O). */
import type { TeamLink } from "./team-tree.ts";

/**
 * The roots and every team below them, depth first, each parent before its children and
 * siblings in the input's order (callers sort by name first). A root that lies below
 * another root appears once, under it. `depth` counts from the root it was reached by.
 */
export function subtreesInOrder<T extends TeamLink>(
  teams: readonly T[],
  rootIds: readonly string[],
): Array<T & { depth: number }> {
  const childrenOf = new Map<string, T[]>();
  const byId = new Map<string, T>();
  for (const team of teams) {
    byId.set(team.id, team);
    if (team.parentId === null) continue;
    const siblings = childrenOf.get(team.parentId);
    if (siblings) siblings.push(team);
    else childrenOf.set(team.parentId, [team]);
  }
  const roots = new Set(rootIds);
  // A root below another root is reached through that one; starting there too would list it twice.
  const covered = (id: string) => {
    const seen = new Set<string>();
    let cursor = byId.get(id)?.parentId ?? null;
    while (cursor !== null && cursor !== id && !seen.has(cursor)) {
      if (roots.has(cursor)) return true;
      seen.add(cursor);
      cursor = byId.get(cursor)?.parentId ?? null;
    }
    return false;
  };
  const out: Array<T & { depth: number }> = [];
  const visited = new Set<string>();
  const walk = (team: T, depth: number) => {
    if (visited.has(team.id)) return; // damaged data: never loop
    visited.add(team.id);
    out.push({ ...team, depth });
    for (const child of childrenOf.get(team.id) ?? []) walk(child, depth + 1);
  };
  for (const team of teams) if (roots.has(team.id) && !covered(team.id)) walk(team, 0);
  return out;
}
