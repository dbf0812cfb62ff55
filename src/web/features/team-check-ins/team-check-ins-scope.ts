import type { TeamNode } from "../../lib/types.ts";

/**
 * The teams whose check-ins a person may follow, as trees: every team for admins and
 * owners; for others, the subtrees of the teams they lead (a lead follows the teams
 * below theirs too), topmost first. Mirrors the API's rule for GET /teams/{id}/check-ins.
 */
export function followedRoots(roots: TeamNode[], userId: string, isAdmin: boolean): TeamNode[] {
  const live = (nodes: TeamNode[]): TeamNode[] =>
    nodes.filter((n) => !n.archived).map((n) => ({ ...n, children: live(n.children) }));
  if (isAdmin) return live(roots);
  const out: TeamNode[] = [];
  const walk = (nodes: TeamNode[]) => {
    for (const node of nodes) {
      if (node.archived) continue;
      // A led team brings its whole subtree; nothing below it needs a second entry.
      if (node.leadUserId === userId) out.push({ ...node, children: live(node.children) });
      else walk(node.children);
    }
  };
  walk(roots);
  return out;
}

/** Whether the person leads any team (or is an admin): the "Team check-ins" entry shows then. */
export function followsAnyTeam(roots: TeamNode[], userId: string, isAdmin: boolean): boolean {
  return followedRoots(roots, userId, isAdmin).length > 0;
}

/** Whether `teamId` is among the teams the person may follow. */
export function mayFollow(roots: TeamNode[], teamId: string, userId: string, isAdmin: boolean): boolean {
  const has = (nodes: TeamNode[]): boolean => nodes.some((n) => n.id === teamId || has(n.children));
  return has(followedRoots(roots, userId, isAdmin));
}
