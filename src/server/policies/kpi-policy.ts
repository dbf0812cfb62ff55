import type { Queryable } from "../../db/client.ts";
import { roleAtLeast } from "../../domain/roles.ts";
import { AppError } from "../../shared/errors.ts";
import type { Actor } from "../context.ts";
import { leadsTeamOrAbove, teamsLedBy } from "../repositories/kpi-access-repository.ts";

/**
 * Who may define a team's KPIs and floors (PRODUCT.md defaults): admins any; the team's
 * lead and the leads above it. Members own and feed KPIs but do not define them.
 */
export async function mayManageTeamKpis(q: Queryable, actor: Actor, teamId: string): Promise<boolean> {
  if (roleAtLeast(actor.role, "admin")) return true;
  if (!roleAtLeast(actor.role, "member") || !actor.userId) return false;
  return leadsTeamOrAbove(q, actor.organizationId, teamId, actor.userId);
}

/**
 * The same rule as mayManageTeamKpis for many teams at once (a board of a whole subtree):
 * the teams the person leads are read once, not once per team.
 */
export async function teamKpiManager(q: Queryable, actor: Actor): Promise<(teamId: string) => boolean> {
  if (roleAtLeast(actor.role, "admin")) return () => true;
  if (!roleAtLeast(actor.role, "member") || !actor.userId) return () => false;
  const led = await teamsLedBy(q, actor.organizationId, actor.userId);
  return (teamId) => led.has(teamId);
}

export const manageTeamKpisForbidden = () =>
  new AppError(
    "forbidden",
    "Only admins and the leads of this team (or of a team above it) can define its KPIs and floors.",
  );

export async function requireManageTeamKpis(q: Queryable, actor: Actor, teamId: string): Promise<void> {
  if (!(await mayManageTeamKpis(q, actor, teamId))) throw manageTeamKpisForbidden();
}

/**
 * Who may enter values for a KPI: its owner, whoever may manage the team's KPIs, and
 * service tokens of member rank or above (an admin created them to feed data in).
 */
export async function mayEnterKpiValues(
  q: Queryable,
  actor: Actor,
  kpi: { ownerUserId: string; teamId: string },
): Promise<boolean> {
  if (!roleAtLeast(actor.role, "member")) return false;
  if (actor.tokenId && !actor.userId) return true;
  if (actor.userId && actor.userId === kpi.ownerUserId) return true;
  return mayManageTeamKpis(q, actor, kpi.teamId);
}

export async function requireEnterKpiValues(
  q: Queryable,
  actor: Actor,
  kpi: { ownerUserId: string; teamId: string; key: string },
): Promise<void> {
  if (!(await mayEnterKpiValues(q, actor, kpi))) {
    throw new AppError(
      "forbidden",
      `Only the owner of KPI "${kpi.key}", the leads of its team and admins can enter its values.`,
    );
  }
}

/**
 * The same rule as mayEnterKpiValues for many KPIs at once (bulk loads, imports): the
 * teams the person leads are read once, not once per KPI.
 */
export async function kpiValueWriter(
  q: Queryable,
  actor: Actor,
): Promise<(kpi: { ownerUserId: string; teamId: string }) => boolean> {
  if (!roleAtLeast(actor.role, "member")) return () => false;
  if (roleAtLeast(actor.role, "admin") || (actor.tokenId && !actor.userId)) return () => true;
  const userId = actor.userId;
  if (!userId) return () => false;
  const led = await teamsLedBy(q, actor.organizationId, userId);
  return (kpi) => kpi.ownerUserId === userId || led.has(kpi.teamId);
}
