import type { TeamNode } from "../../lib/types.ts";
import { findTeam, flattenTree } from "../teams/team-tree-utils.ts";

/**
 * The team a KPI board opens on without one in the address: a team the person leads that
 * runs KPIs, else the first team that runs KPIs, else the top of the tree.
 */
export function defaultKpiTeamId(roots: TeamNode[], userId: string | null): string | null {
  const teams = flattenTree(roots)
    .map((f) => f.team)
    .filter((t) => !t.archived);
  const kpiTeams = teams.filter((t) => t.methodology !== "okr");
  const led = userId ? kpiTeams.find((t) => t.leadUserId === userId) : undefined;
  return (led ?? kpiTeams[0] ?? teams[0])?.id ?? null;
}

/** The board's team: the one in the address when the tree has it, else the default above. */
export function kpiDefaultTeam(
  roots: TeamNode[],
  asked: string | null,
  userId: string | null,
): string | null {
  return asked && findTeam(roots, asked) ? asked : defaultKpiTeamId(roots, userId);
}
