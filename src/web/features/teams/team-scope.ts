import type { TeamScope } from "../../../shared/schemas/common.ts";
import type { TeamNode } from "../../lib/types.ts";
import { flattenTree } from "./team-tree-utils.ts";

export type { TeamScope } from "../../../shared/schemas/common.ts";

/** `?scope=team` in the address narrows a team's views; anything else is the whole subtree. */
export function scopeFromParam(value: string | null): TeamScope {
  return value === "team" ? "team" : "subtree";
}

export type TeamGroup<T> = { teamId: string; teamName: string; items: T[] };

/**
 * Items of a team's subtree grouped by the team they belong to: the team itself first,
 * then the teams below it by name. Items keep their order within a group.
 */
export function groupByTeam<T>(
  items: readonly T[],
  ownTeamId: string,
  teamOf: (item: T) => { id: string; name: string },
): TeamGroup<T>[] {
  const groups = new Map<string, TeamGroup<T>>();
  for (const item of items) {
    const team = teamOf(item);
    const group = groups.get(team.id) ?? { teamId: team.id, teamName: team.name, items: [] };
    group.items.push(item);
    groups.set(team.id, group);
  }
  return [...groups.values()].sort((a, b) => {
    if (a.teamId === ownTeamId || b.teamId === ownTeamId) return a.teamId === ownTeamId ? -1 : 1;
    const byName = a.teamName.toLowerCase().localeCompare(b.teamName.toLowerCase());
    return byName !== 0 ? byName : a.teamId.localeCompare(b.teamId);
  });
}

/**
 * Whether a person has an escalation scope of their own: admins and owners answer for
 * everything, a lead for the teams they lead. Everyone else's escalations page opens on
 * their inbox instead.
 */
export function hasLeaderScope(roots: TeamNode[], userId: string | null, isAdmin: boolean): boolean {
  if (isAdmin) return true;
  if (!userId) return false;
  return flattenTree(roots).some((f) => !f.team.archived && f.team.leadUserId === userId);
}
