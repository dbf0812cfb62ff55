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
  teamKpiManager as teamKpiManagerGiven,
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

/** Every team the person leads, with the teams below them (read only when it matters). */
async function ledTeamsOf(q: Queryable, actor: Actor): Promise<ReadonlySet<string>> {
  return leadershipMatters(actor) && actor.userId
    ? teamsLedBy(q, actor.organizationId, actor.userId)
    : new Set<string>();
}

/** The value-entry rule for many KPIs at once: the teams the person leads are read once. */
export async function kpiValueWriter(
  q: Queryable,
  actor: Actor,
): Promise<(kpi: { ownerUserId: string; teamId: string }) => boolean> {
  return kpiValueWriterGiven(actor, await ledTeamsOf(q, actor));
}

/** Both KPI rules for many KPIs and teams at once, from one read of what the person leads. */
export async function kpiRightsOf(q: Queryable, actor: Actor) {
  const led = await ledTeamsOf(q, actor);
  return { managesTeam: teamKpiManagerGiven(actor, led), writesValues: kpiValueWriterGiven(actor, led) };
}
