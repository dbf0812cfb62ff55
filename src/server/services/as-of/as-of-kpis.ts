/**
 * KPI cards and boards as of a past day (docs/as-of.md): each KPI's definition and bands
 * as they stood, its values as known then (a correction made later is left out), the
 * escalation unresolved then, statuses judged on that day. Connectors are not shown.
 */

import { subtreesInOrder } from "../../../domain/team-subtree.ts";
import { notFound } from "../../../shared/errors.ts";
import type { TeamScope } from "../../../shared/schemas/common.ts";
import type { KpiCard } from "../../../shared/schemas/kpis.ts";
import type { Actor, Deps } from "../../context.ts";
import { authorize } from "../../policies/org-policy.ts";
import { escalationsOpenAt, kpiPointsKnownAt } from "../../repositories/as-of-repository.ts";
import { kpiCardData } from "../../repositories/kpi-card-repository.ts";
import { allTeams } from "../../repositories/team-repository.ts";
import { cardPoints, presentCards, SPARKLINE_POINTS } from "../kpi/kpi-presenter.ts";
import { presentContext } from "../kpi/kpi-service.ts";
import { type AsOf, resolveAsOf } from "./as-of-date.ts";
import { type KpiAsOf, kpisAsOf } from "./as-of-definitions.ts";

/** These KPIs (as they stood) as cards of that day, in the order given. */
export async function kpiCardsAsOf(
  deps: Deps,
  actor: Actor,
  asOf: AsOf,
  kpis: readonly KpiAsOf[],
  points: number,
): Promise<KpiCard[]> {
  const org = actor.organizationId;
  const ids = kpis.map((k) => k.kpi.id);
  const undated = kpis.filter((k) => k.bands === null || k.formulaInputs === null).map((k) => k.kpi.id);
  const [known, escalations, today, ctx] = await Promise.all([
    kpiPointsKnownAt(deps.db, org, ids, asOf.at, asOf.date, cardPoints(points)),
    escalationsOpenAt(deps.db, org, ids, asOf.at),
    kpiCardData(deps.db, org, undated, 1),
    presentContext(deps, deps.db, actor),
  ]);
  const escalationOf = new Map<string, (typeof escalations)[number]>();
  for (const e of escalations) if (!escalationOf.has(e.kpiId)) escalationOf.set(e.kpiId, e);
  const cards = presentCards(
    kpis.map((k) => {
      const e = escalationOf.get(k.kpi.id);
      return {
        kpi: k.kpi,
        ownerName: k.ownerName,
        teamName: k.teamName,
        card: {
          bands: k.bands ?? today.get(k.kpi.id)?.bands ?? [],
          inputs: k.formulaInputs ?? today.get(k.kpi.id)?.inputs ?? [],
          points: known.get(k.kpi.id) ?? [],
          escalation: e
            ? {
                id: e.id,
                state: e.state,
                reason: e.reason,
                openedAt: e.openedAt,
                acknowledgedByName: e.acknowledgedByName,
              }
            : null,
          connector: null,
        },
      };
    }),
    { ...ctx, now: asOf.at },
    points,
  );
  // A past day is read-only: nothing on it can be changed.
  return cards.map((card) => ({
    ...card,
    can: Object.fromEntries(Object.keys(card.can).map((k) => [k, false])) as KpiCard["can"],
  }));
}

/** Code-point order of names, the id breaking ties, as the board sorts today. */
function byName(a: KpiAsOf, b: KpiAsOf) {
  const key = (k: KpiAsOf) => `${k.kpi.name.toLowerCase()}\u0000${k.kpi.id}`;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

/**
 * A team's KPI board as of that day: the KPIs active then of the team (and, by default,
 * of every team below it today), with the counts of each status then.
 */
export async function kpiBoardAsOf(deps: Deps, actor: Actor, teamId: string, scope: TeamScope, date: string) {
  authorize(actor, "read");
  const asOf = await resolveAsOf(deps, actor, date);
  const teams = await allTeams(deps.db, actor.organizationId, true);
  const team = teams.find((t) => t.id === teamId);
  if (!team) throw notFound("That team");
  const teamIds =
    scope === "subtree" ? new Set(subtreesInOrder(teams, [teamId]).map((t) => t.id)) : new Set([teamId]);
  const kpis = (await kpisAsOf(deps, actor, asOf.at))
    .filter((k) => k.kpi.state === "active" && teamIds.has(k.kpi.teamId))
    .sort(byName);
  const cards = await kpiCardsAsOf(deps, actor, asOf, kpis, SPARKLINE_POINTS);
  const counts = { green: 0, amber: 0, red: 0, noData: 0 };
  for (const card of cards) {
    const status = card.current.status;
    if (status === "no_data") counts.noData++;
    else if (status) counts[status]++;
  }
  // Nothing can be changed on a past day.
  return { team: { id: team.id, name: team.name, can: { manageKpis: false } }, scope, kpis: cards, counts };
}
