/**
 * The consolidated OKR + KPI report of a team subtree (or the whole organisation) for one
 * cycle: the one model that the web page, the CSV zip and the PDF all show. It gathers
 * through the services that serve each section on its own page, so the reader sees here
 * exactly what they may see there (team-visible Objectives without their text, the same
 * escalations and findings), and nothing of it is stored.
 */

import { teamHealth } from "../../../domain/okr/team-health.ts";
import { subtreeInOrder } from "../../../domain/team-tree.ts";
import { AppError } from "../../../shared/errors.ts";
import type { Escalation, KpiFloor } from "../../../shared/schemas/escalations.ts";
import type { KpiCard } from "../../../shared/schemas/kpis.ts";
import type { Objective } from "../../../shared/schemas/okrs.ts";
import type { ConsolidatedReport, ReportTeam } from "../../../shared/schemas/reports.ts";
import type { Actor, Deps } from "../../context.ts";
import { authorize } from "../../policies/org-policy.ts";
import { findCycle, listCycles } from "../../repositories/catalog-repository.ts";
import { listEscalations } from "../../repositories/escalation-repository.ts";
import { valuesBetween } from "../../repositories/measurement-repository.ts";
import { selectObjectives } from "../../repositories/okr-repository.ts";
import { allTeams } from "../../repositories/team-repository.ts";
import { listFloorsFor } from "../kpi/floor-service.ts";
import { kpiBoard } from "../kpi/kpi-board-service.ts";
import { forReader, present } from "../kpi/presented-escalations.ts";
import { findingsOfTeams } from "../okr/lint-service.ts";
import { okrClock } from "../okr/okr-presenter.ts";
import { presentObjectives } from "../okr/present-objectives.ts";
import { lintSummary, reportEscalation, reportKpi, reportObjective } from "./report-sections.ts";

export type ReportQuery = { teamId?: string | undefined; cycleId?: string | undefined };

/** Far above any organisation's escalations in one cycle; a bound, not a page. */
const ESCALATION_LIMIT = 20_000;

const unknown = (field: string, what: string) =>
  new AppError("not_found", `${what} was not found in this organisation.`, {
    issues: [{ field, message: `is not ${what.toLowerCase().replace(/^that /, "a ")} of this organisation` }],
  });

/** The cycle asked for, or the shortest running one: a quarter rather than its year. */
async function reportCycle(deps: Deps, actor: Actor, cycleId: string | undefined) {
  if (cycleId) {
    const cycle = await findCycle(deps.db, actor.organizationId, cycleId);
    if (!cycle) throw unknown("cycleId", "That cycle");
    return cycle;
  }
  const spanOf = (c: { startsOn: string; endsOn: string }) => Date.parse(c.endsOn) - Date.parse(c.startsOn);
  const running = (await listCycles(deps.db, actor.organizationId))
    .filter((c) => c.state === "active")
    .sort((a, b) => spanOf(a) - spanOf(b));
  const cycle = running[0];
  if (!cycle) {
    throw new AppError("validation_failed", "No cycle is running: name the cycle to report on.", {
      issues: [{ field: "cycleId", message: "is required while no cycle is running" }],
    });
  }
  return cycle;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key !== null) groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

/** The day after a date, as an instant: a cycle's last day counts whole. */
function dayAfter(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000);
}

export async function consolidatedReport(
  deps: Deps,
  actor: Actor,
  query: ReportQuery,
): Promise<ConsolidatedReport> {
  authorize(actor, "read");
  const org = actor.organizationId;
  const teamRows = await allTeams(deps.db, org, false);
  const top = query.teamId ? teamRows.find((t) => t.id === query.teamId) : undefined;
  if (query.teamId && !top) throw unknown("teamId", "That team");
  const cycle = await reportCycle(deps, actor, query.cycleId);
  const ordered = subtreeInOrder(teamRows, top?.id ?? null);
  const teamIds = ordered.map((t) => t.team.id);
  const tops = ordered.filter((t) => t.depth === 0).map((t) => t.team.id);

  // OKRs: committed Objectives (drafts are not the cycle's yet), and the linter on all.
  const objectiveRows = await selectObjectives(deps.db, org, {
    cycleId: cycle.id,
    teamIds,
    liveOnly: true,
    states: ["active", "closed"],
  });
  const objectives = await presentObjectives(deps.db, actor, okrClock(deps, actor), objectiveRows);
  const findings = await findingsOfTeams(deps, actor, cycle.id, teamIds);

  // KPIs, floors and escalations: each top team's board and floors reach its subtree.
  const cards: KpiCard[] = [];
  const floors: KpiFloor[] = [];
  for (const teamId of tops) {
    cards.push(...(await kpiBoard(deps, actor, teamId, "subtree")).kpis);
    floors.push(...(await listFloorsFor(deps, actor, { teamId, cycleId: cycle.id })).items);
  }
  const values = await valuesBetween(
    deps.db,
    org,
    cards.map((c) => c.id),
    cycle.startsOn,
    cycle.endsOn,
  );
  const escalationRows = await listEscalations(deps.db, org, {
    state: "all",
    teamId: top?.id,
    scope: "subtree",
    during: { from: new Date(`${cycle.startsOn}T00:00:00Z`), to: dayAfter(cycle.endsOn) },
    limit: ESCALATION_LIMIT,
  });
  const escalations = await forReader(deps.db, actor, await present(deps.db, org, escalationRows));

  const objectivesOf = groupBy<Objective>(objectives, (o) => o.teamId);
  const findingsOf = groupBy(findings, (o) => o.teamId);
  const cardsOf = groupBy(cards, (c) => c.teamId);
  const floorsOf = groupBy(floors, (f) => f.teamId);
  const escalationsOf = groupBy<Escalation>(escalations, (e) => e.kpi.teamId);

  const teams: ReportTeam[] = ordered.map(({ team, depth }) => {
    const mine = objectivesOf.get(team.id) ?? [];
    const teamCards = cardsOf.get(team.id) ?? [];
    const teamFloors = floorsOf.get(team.id) ?? [];
    const teamEscalations = escalationsOf.get(team.id) ?? [];
    const showOkrs = team.methodology !== "kpi" || mine.length > 0;
    const showKpis =
      team.methodology !== "okr" || teamCards.length + teamFloors.length + teamEscalations.length > 0;
    const health = teamHealth(mine.map((o) => o.status).filter((s) => s !== "draft"));
    return {
      id: team.id,
      name: team.name,
      parentId: depth === 0 ? null : team.parentId,
      depth,
      methodology: team.methodology,
      okrs: showOkrs
        ? {
            health,
            objectives: mine.map(reportObjective),
            lint: lintSummary(findingsOf.get(team.id) ?? []),
          }
        : null,
      kpis: showKpis
        ? {
            kpis: teamCards.map((card) => reportKpi(card, values.get(card.id) ?? [])),
            floors: teamFloors,
            escalations: teamEscalations.map(reportEscalation),
          }
        : null,
    };
  });

  const sum = (count: (t: ReportTeam) => number) => teams.reduce((s, t) => s + count(t), 0);
  return {
    organization: { id: org, name: actor.orgName },
    subtree: top ? { id: top.id, name: top.name } : null,
    cycle: {
      id: cycle.id,
      name: cycle.name,
      state: cycle.state,
      startsOn: cycle.startsOn,
      endsOn: cycle.endsOn,
    },
    generatedAt: deps.now().toISOString(),
    teams,
    totals: {
      teams: teams.length,
      objectives: sum((t) => t.okrs?.objectives.length ?? 0),
      keyResults: sum((t) => t.okrs?.objectives.reduce((s, o) => s + o.keyResults.length, 0) ?? 0),
      kpis: sum((t) => t.kpis?.kpis.length ?? 0),
      floors: sum((t) => t.kpis?.floors.length ?? 0),
      escalations: sum((t) => t.kpis?.escalations.length ?? 0),
      openFindings: sum((t) => t.okrs?.lint.open ?? 0),
    },
  };
}
