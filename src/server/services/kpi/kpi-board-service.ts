import { notFound } from "../../../shared/errors.ts";
import type { TeamScope } from "../../../shared/schemas/common.ts";
import type { KpiTreeNode } from "../../../shared/schemas/kpis.ts";
import type { Actor, Deps } from "../../context.ts";
import { activeKpiCardsOfTeam } from "../../repositories/kpi-card-repository.ts";
import {
  findKpiWithNames,
  formulaInputsOf,
  formulaUsersOf,
  kpisWithNames,
} from "../../repositories/kpi-repository.ts";
import { findTeam } from "../../repositories/team-repository.ts";
import { presentKpis } from "./kpi-cards.ts";
import { cardPoints, presentCards, SPARKLINE_POINTS } from "./kpi-presenter.ts";
import { presentContext } from "./kpi-service.ts";

/**
 * A team's KPI board: every active KPI as a card with a year of values, and the count
 * of each status. Leaders see everything under them: by default the board holds the
 * KPIs of every team below too (`scope` team narrows it to the team's own).
 */
export async function kpiBoard(deps: Deps, actor: Actor, teamId: string, scope: TeamScope = "subtree") {
  const rows = await activeKpiCardsOfTeam(
    deps.db,
    actor.organizationId,
    teamId,
    cardPoints(SPARKLINE_POINTS),
    scope,
  );
  // The KPIs name their team; only a board without one of the team's own looks it up.
  const own = rows.find((row) => row.kpi.teamId === teamId);
  const team = own
    ? { id: teamId, name: own.teamName }
    : await findTeam(deps.db, actor.organizationId, teamId);
  if (!team) throw notFound("That team");
  const ctx = await presentContext(deps, deps.db, actor);
  const cards = presentCards(rows, ctx, SPARKLINE_POINTS);
  const counts = { green: 0, amber: 0, red: 0, noData: 0 };
  for (const card of cards) {
    const status = card.current.status;
    if (status === "no_data") counts.noData++;
    else if (status) counts[status]++;
  }
  const can = { manageKpis: ctx.permissions.managesTeam(team.id) };
  return { team: { id: team.id, name: team.name, can }, scope, kpis: cards, counts };
}

/** Formula trees are shallow; this bounds the walk should data ever be inconsistent. */
const MAX_DEPTH = 12;

/** A KPI with the KPIs its formula reads, all the way down, each with its value and status. */
export async function kpiTree(deps: Deps, actor: Actor, id: string) {
  const root = await findKpiWithNames(deps.db, actor.organizationId, id);
  if (!root) throw notFound("That KPI");
  const inputsOf = new Map<string, Array<{ id: string }>>();
  let frontier = [root.kpi.id];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const edges = await formulaInputsOf(deps.db, actor.organizationId, frontier);
    const next: string[] = [];
    for (const kpiId of frontier) {
      const inputs = edges.get(kpiId) ?? [];
      inputsOf.set(kpiId, inputs);
      for (const input of inputs) if (!inputsOf.has(input.id)) next.push(input.id);
    }
    frontier = [...new Set(next)];
  }
  const rows = await kpisWithNames(deps.db, actor.organizationId, [...inputsOf.keys()]);
  const ctx = await presentContext(deps, deps.db, actor);
  const cards = new Map(
    (await presentKpis(deps.db, actor.organizationId, rows, ctx)).map((card) => [card.id, card]),
  );
  const nodes: KpiTreeNode[] = [...inputsOf.keys()].map((kpiId) => {
    const card = cards.get(kpiId);
    return {
      id: kpiId,
      key: card?.key ?? "",
      name: card?.name ?? "",
      formula: card?.formula ?? null,
      value: card?.current.value ?? null,
      status: card?.current.status ?? null,
      inputIds: (inputsOf.get(kpiId) ?? []).map((i) => i.id),
    };
  });
  const usedBy = await formulaUsersOf(deps.db, actor.organizationId, id);
  return { rootId: root.kpi.id, nodes, usedBy };
}
