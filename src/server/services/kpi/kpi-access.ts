/**
 * The KPI rules of policies/kpi-policy.ts with what they need loaded: a person's
 * leadership is read only when it can change the answer.
 */
import type { Queryable } from "../../../db/client.ts";
import type { Actor } from "../../context.ts";
import {
  type KpiTeamStanding,
  kpiValueWriter as kpiValueWriterGiven,
  LEADS_NOTHING,
  leadershipMatters,
  requireEnterKpiValues as requireEnterKpiValuesGiven,
  requireManageTeamKpis as requireManageTeamKpisGiven,
  valueRightsNeedLeadership,
} from "../../policies/kpi-policy.ts";
import { leadsTeamOrAbove, teamsLedBy } from "../../repositories/kpi-access-repository.ts";

/** Whether the actor leads the team or one above it (read only when leadership matters). */
export async function kpiTeamStanding(q: Queryable, actor: Actor, teamId: string): Promise<KpiTeamStanding> {
  if (!leadershipMatters(actor) || !actor.userId) return LEADS_NOTHING;
  return { leadsTeamOrAbove: await leadsTeamOrAbove(q, actor.organizationId, teamId, actor.userId) };
}

export async function requireManageTeamKpis(q: Queryable, actor: Actor, teamId: string): Promise<void> {
  requireManageTeamKpisGiven(actor, await kpiTeamStanding(q, actor, teamId));
}

export async function requireEnterKpiValues(
  q: Queryable,
  actor: Actor,
  kpi: { ownerUserId: string; teamId: string; key: string },
): Promise<void> {
  const standing = valueRightsNeedLeadership(actor, kpi)
    ? await kpiTeamStanding(q, actor, kpi.teamId)
    : LEADS_NOTHING;
  requireEnterKpiValuesGiven(actor, kpi, standing);
}

/** The value-entry rule for many KPIs at once: the teams the person leads are read once. */
export async function kpiValueWriter(
  q: Queryable,
  actor: Actor,
): Promise<(kpi: { ownerUserId: string; teamId: string }) => boolean> {
  const led =
    leadershipMatters(actor) && actor.userId
      ? await teamsLedBy(q, actor.organizationId, actor.userId)
      : new Set<string>();
  return kpiValueWriterGiven(actor, led);
}
