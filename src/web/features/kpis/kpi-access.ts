import type { Role, TeamNode } from "../../lib/types.ts";
import { ancestorIds, findTeam } from "../teams/team-tree-utils.ts";

/**
 * Mirrors src/server/policies/kpi-policy.ts so buttons show only for those the API will
 * let through: admins manage every team's KPIs and floors; members the teams they lead
 * or that sit under a team they lead. The API stays the judge.
 */
export function mayManageTeamKpis(
  roots: TeamNode[],
  teamId: string | null | undefined,
  userId: string | null | undefined,
  role: Role,
): boolean {
  if (role === "owner" || role === "admin") return true;
  if (role !== "member" || !userId || !teamId) return false;
  const chain = [teamId, ...ancestorIds(roots, teamId)];
  return chain.some((id) => findTeam(roots, id)?.leadUserId === userId);
}

/** Values may be entered by the KPI's owner and by whoever manages the team's KPIs. */
export function mayEnterKpiValues(
  roots: TeamNode[],
  kpi: { ownerUserId: string; teamId: string },
  userId: string | null | undefined,
  role: Role,
): boolean {
  if (role === "viewer") return false;
  if (userId && kpi.ownerUserId === userId) return true;
  return mayManageTeamKpis(roots, kpi.teamId, userId, role);
}
