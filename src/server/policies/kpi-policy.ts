import { roleAtLeast } from "../../domain/roles.ts";
import { AppError } from "../../shared/errors.ts";
import type { Actor } from "../context.ts";

/**
 * Whether the person leads a team or a team above it, loaded by the caller (KPI rights
 * follow leadership down the tree).
 */
export type KpiTeamStanding = { leadsTeamOrAbove: boolean };

/** For callers that need not ask: the answer cannot depend on leadership. */
export const LEADS_NOTHING: KpiTeamStanding = { leadsTeamOrAbove: false };

/**
 * Whether the actor's leadership can change an answer below: admins may anyway, viewers
 * never may, and a service token has no person who could lead.
 */
export function leadershipMatters(actor: Actor): boolean {
  return actor.userId !== null && roleAtLeast(actor.role, "member") && !roleAtLeast(actor.role, "admin");
}

/**
 * Who may define a team's KPIs and floors (PRODUCT.md defaults): admins any; the team's
 * lead and the leads above it. Members own and feed KPIs but do not define them.
 */
export function mayManageTeamKpis(actor: Actor, standing: KpiTeamStanding): boolean {
  if (roleAtLeast(actor.role, "admin")) return true;
  if (!roleAtLeast(actor.role, "member") || !actor.userId) return false;
  return standing.leadsTeamOrAbove;
}

/**
 * The same rule as mayManageTeamKpis for many teams at once (a board of a whole subtree),
 * given every team the person leads with the teams below them (`ledTeamIds`, read once).
 */
export function teamKpiManager(actor: Actor, ledTeamIds: ReadonlySet<string>): (teamId: string) => boolean {
  if (roleAtLeast(actor.role, "admin")) return () => true;
  if (!roleAtLeast(actor.role, "member") || !actor.userId) return () => false;
  return (teamId) => ledTeamIds.has(teamId);
}

export const manageTeamKpisForbidden = () =>
  new AppError(
    "forbidden",
    "Only admins and the leads of this team (or of a team above it) can define its KPIs and floors.",
  );

export function requireManageTeamKpis(actor: Actor, standing: KpiTeamStanding): void {
  if (!mayManageTeamKpis(actor, standing)) throw manageTeamKpisForbidden();
}

/** Whether the KPI's values are the actor's own to enter, whatever the team. */
function feedsKpi(actor: Actor, kpi: { ownerUserId: string }): boolean {
  return (
    (actor.tokenId !== null && !actor.userId) || (actor.userId !== null && actor.userId === kpi.ownerUserId)
  );
}

/**
 * Who may enter values for a KPI: its owner, whoever may manage the team's KPIs, and
 * service tokens of member rank or above (an admin created them to feed data in).
 * `standing` is about the KPI's team.
 */
export function mayEnterKpiValues(
  actor: Actor,
  kpi: { ownerUserId: string; teamId: string },
  standing: KpiTeamStanding,
): boolean {
  if (!roleAtLeast(actor.role, "member")) return false;
  if (feedsKpi(actor, kpi)) return true;
  return mayManageTeamKpis(actor, standing);
}

/** Whether entering this KPI's values depends on where the person leads. */
export function valueRightsNeedLeadership(actor: Actor, kpi: { ownerUserId: string }): boolean {
  return leadershipMatters(actor) && !feedsKpi(actor, kpi);
}

export function requireEnterKpiValues(
  actor: Actor,
  kpi: { ownerUserId: string; teamId: string; key: string },
  standing: KpiTeamStanding,
): void {
  if (!mayEnterKpiValues(actor, kpi, standing)) {
    throw new AppError(
      "forbidden",
      `Only the owner of KPI "${kpi.key}", the leads of its team and admins can enter its values.`,
    );
  }
}

/**
 * The same rule as mayEnterKpiValues for many KPIs at once (bulk loads, imports), given
 * every team the person leads with the teams below them (`ledTeamIds`, read once).
 */
export function kpiValueWriter(
  actor: Actor,
  ledTeamIds: ReadonlySet<string>,
): (kpi: { ownerUserId: string; teamId: string }) => boolean {
  if (!roleAtLeast(actor.role, "member")) return () => false;
  if (roleAtLeast(actor.role, "admin") || (actor.tokenId && !actor.userId)) return () => true;
  const userId = actor.userId;
  if (!userId) return () => false;
  return (kpi) => kpi.ownerUserId === userId || ledTeamIds.has(kpi.teamId);
}

/**
 * Who may act on an escalation (PRODUCT.md): the people it went to, the leads of the
 * KPI's team or a team above it, and admins. Viewers read only, and a service token has
 * no person behind it to sign an acknowledgement or a resolution.
 */
export function mayActOnEscalation(
  actor: Actor,
  escalation: { recipients: ReadonlyArray<{ userId: string }> },
  standing: KpiTeamStanding,
): boolean {
  const userId = actor.userId;
  if (!userId || !roleAtLeast(actor.role, "member")) return false;
  if (roleAtLeast(actor.role, "admin")) return true;
  return escalation.recipients.some((r) => r.userId === userId) || standing.leadsTeamOrAbove;
}

/** Whether acting on this escalation depends on where the person leads. */
export function escalationRightsNeedLeadership(
  actor: Actor,
  escalation: { recipients: ReadonlyArray<{ userId: string }> },
): boolean {
  return leadershipMatters(actor) && !escalation.recipients.some((r) => r.userId === actor.userId);
}
