import type { TeamNode } from "../../lib/types.ts";

export type FlatTeam = { team: TeamNode; depth: number; parentName: string | null };

/** The tree in reading order (depth first), each team with its depth. */
export function flattenTree(roots: TeamNode[]): FlatTeam[] {
  const out: FlatTeam[] = [];
  const walk = (nodes: TeamNode[], depth: number, parentName: string | null) => {
    for (const node of nodes) {
      out.push({ team: node, depth, parentName });
      walk(node.children, depth + 1, node.name);
    }
  };
  walk(roots, 0, null);
  return out;
}

export function findTeam(roots: TeamNode[], id: string): TeamNode | null {
  for (const node of roots) {
    if (node.id === id) return node;
    const found = findTeam(node.children, id);
    if (found) return found;
  }
  return null;
}

/** A team and everything under it: the places it cannot be moved to. */
export function subtreeIds(node: TeamNode): Set<string> {
  const ids = new Set<string>();
  const walk = (n: TeamNode) => {
    ids.add(n.id);
    for (const child of n.children) walk(child);
  };
  walk(node);
  return ids;
}

/**
 * Keeps the teams whose name matches `query` plus their ancestors (so each match is
 * shown in place); returns the ids to expand so every match is visible.
 */
export function filterTree(roots: TeamNode[], query: string): { roots: TeamNode[]; expand: Set<string> } {
  const q = query.trim().toLowerCase();
  const expand = new Set<string>();
  if (!q) return { roots, expand };
  const visit = (node: TeamNode): TeamNode | null => {
    const children = node.children.map(visit).filter((c): c is TeamNode => c !== null);
    const matches = node.name.toLowerCase().includes(q);
    if (!matches && children.length === 0) return null;
    if (children.length > 0) expand.add(node.id);
    return { ...node, children: matches ? node.children : children };
  };
  return { roots: roots.map(visit).filter((n): n is TeamNode => n !== null), expand };
}

/** Counts for the overview: teams, and people in teams (a person in two teams counts twice). */
export function treeTotals(roots: TeamNode[]): { teams: number; memberships: number } {
  let teams = 0;
  let memberships = 0;
  for (const { team } of flattenTree(roots)) {
    teams += 1;
    memberships += team.memberCount;
  }
  return { teams, memberships };
}

/** Members of a team and of all teams below it (memberships, not distinct people). */
export function subtreeMemberships(node: TeamNode): number {
  return node.children.reduce((sum, c) => sum + subtreeMemberships(c), node.memberCount);
}

/** Ids of the teams down to `depth` levels, for a tree that opens partly expanded. */
export function idsToDepth(roots: TeamNode[], depth: number): Set<string> {
  return new Set(
    flattenTree(roots)
      .filter((f) => f.depth < depth && f.team.children.length > 0)
      .map((f) => f.team.id),
  );
}

/** Ids of the teams above `id`, nearest first: open them to show the team. */
export function ancestorIds(roots: TeamNode[], id: string): string[] {
  const parentOf = new Map<string, string | null>();
  for (const { team } of flattenTree(roots)) parentOf.set(team.id, team.parentId);
  const out: string[] = [];
  let current = parentOf.get(id) ?? null;
  while (current && !out.includes(current)) {
    out.push(current);
    current = parentOf.get(current) ?? null;
  }
  return out;
}
