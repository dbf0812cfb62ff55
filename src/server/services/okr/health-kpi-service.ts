/**
 * Health KPIs: the KPIs an Objective must not break while it changes something. The
 * links ride on the Objective's create and edit (objective-service.ts); this file checks
 * them, presents them on Objective answers (batched: one read of the links and one of the
 * KPIs' card data per answer, whatever the count) and suggests KPIs to pick.
 */
import type { Queryable } from "../../../db/client.ts";
import { fieldError, notFound } from "../../../shared/errors.ts";
import {
  type HealthKpi,
  type HealthKpiSuggestion,
  MAX_HEALTH_KPIS,
} from "../../../shared/schemas/health-kpis.ts";
import type { KpiCard } from "../../../shared/schemas/kpis.ts";
import type { Objective } from "../../../shared/schemas/okrs.ts";
import type { Actor, Deps } from "../../context.ts";
import { authorize } from "../../policies/org-policy.ts";
import {
  healthKpiCandidates,
  healthKpiIdsOf,
  kpiStatesOf,
  objectivesGuardedBy,
} from "../../repositories/health-kpi-repository.ts";
import { kpisWithNames } from "../../repositories/kpi-repository.ts";
import { findObjectiveRow } from "../../repositories/okr-repository.ts";
import { presentKpis } from "../kpi/kpi-cards.ts";
import type { KpiPermissionJudge } from "../kpi/kpi-permissions.ts";
import { readabilityOf } from "./okr-access.ts";
import { type ObjectiveWithoutHealth, type OkrClock, RESTRICTED_TITLE } from "./okr-presenter.ts";

/** Sparkline length on a health KPI card. */
const HEALTH_POINTS = 12;
const MAX_SUGGESTIONS = 8;

/** Health KPI cards say nothing of what the reader may do with the KPI: no rights to read. */
const NO_KPI_RIGHTS: KpiPermissionJudge = {
  forKpi: () => ({ edit: false, archive: false, manageConnector: false, enterValues: false }),
  managesTeam: () => false,
};

function toHealthKpi(card: KpiCard): HealthKpi {
  return {
    id: card.id,
    key: card.key,
    name: card.name,
    teamId: card.teamId,
    teamName: card.teamName,
    themeId: card.themeId,
    state: card.state,
    status: card.current.status,
    value: card.current.value,
    periodStart: card.current.periodStart,
    target: card.bandsInForce?.target ?? null,
    unit: card.unit,
    decimals: card.decimals,
    currency: card.currency,
    direction: card.direction,
    frequency: card.frequency,
    trend: card.trend,
    sparkline: card.sparkline,
  };
}

/** Health KPI cards by id, for many KPIs at once (two queries). */
export async function healthKpiCards(
  q: Queryable,
  actor: Actor,
  now: Date,
  kpiIds: readonly string[],
): Promise<Map<string, HealthKpi>> {
  if (kpiIds.length === 0) return new Map();
  const rows = await kpisWithNames(q, actor.organizationId, kpiIds);
  const ctx = {
    now,
    timeZone: actor.timeZone,
    periods: { weekStart: actor.weekStart, fiscalYearStartMonth: actor.fiscalYearStartMonth },
    permissions: NO_KPI_RIGHTS,
  };
  const cards = await presentKpis(q, actor.organizationId, rows, ctx, HEALTH_POINTS);
  return new Map(cards.map((c) => [c.id, toHealthKpi(c)]));
}

/** Red when an active health KPI is red, else amber when one is amber: the list's badge. */
export function healthAlertOf(
  kpis: ReadonlyArray<Pick<HealthKpi, "state" | "status">>,
): "red" | "amber" | null {
  const live = kpis.filter((k) => k.state === "active");
  if (live.some((k) => k.status === "red")) return "red";
  if (live.some((k) => k.status === "amber")) return "amber";
  return null;
}

/** Each Objective's alert (objectives without health KPIs have none), for the alignment tree. */
export async function healthAlertsOf(
  q: Queryable,
  actor: Actor,
  clock: OkrClock,
  objectiveIds: readonly string[],
): Promise<Map<string, "red" | "amber" | null>> {
  const links = await healthKpiIdsOf(q, actor.organizationId, objectiveIds);
  const cards = await healthKpiCards(q, actor, instantOf(clock), [...new Set([...links.values()].flat())]);
  return new Map(
    [...links].map(([id, kpiIds]) => [id, healthAlertOf(kpiIds.flatMap((k) => cards.get(k) ?? []))]),
  );
}

/** The clock's instant; the seed's clock only knows its day, so noon of it stands in. */
function instantOf(clock: OkrClock): Date {
  return clock.now ?? new Date(`${clock.today}T12:00:00Z`);
}

/**
 * Adds the health KPIs to presented Objectives. A team-visible Objective the reader may
 * not read keeps its alert (a number, like its status) but not which KPIs guard it.
 */
export async function withHealthKpis(
  q: Queryable,
  actor: Actor,
  clock: OkrClock,
  objectives: ObjectiveWithoutHealth[],
): Promise<Objective[]> {
  const links = await healthKpiIdsOf(
    q,
    actor.organizationId,
    objectives.map((o) => o.id),
  );
  const cards = await healthKpiCards(q, actor, instantOf(clock), [...new Set([...links.values()].flat())]);
  return objectives.map((o) => {
    const ids = links.get(o.id) ?? [];
    const kpis = ids.flatMap((id) => cards.get(id) ?? []);
    return {
      ...o,
      healthKpiIds: o.restricted ? [] : ids,
      healthKpis: o.restricted ? [] : kpis,
      healthAlert: healthAlertOf(kpis),
    };
  });
}

/**
 * Checks a new list of health KPIs (the count is the schema's): no repeats, each a KPI of
 * this organisation, and none archived unless the Objective already carries it (so a KPI
 * archived since does not block other edits).
 */
export async function checkHealthKpiIds(
  q: Queryable,
  actor: Actor,
  ids: readonly string[],
  current: readonly string[] = [],
): Promise<void> {
  if (ids.length > MAX_HEALTH_KPIS) {
    throw fieldError("healthKpiIds", `at most ${MAX_HEALTH_KPIS} health KPIs`);
  }
  const seen = new Set<string>();
  for (const [i, id] of ids.entries()) {
    if (seen.has(id)) throw fieldError(`healthKpiIds.${i}`, "is listed twice; list each health KPI once");
    seen.add(id);
  }
  const states = await kpiStatesOf(q, actor.organizationId, ids);
  for (const [i, id] of ids.entries()) {
    const state = states.get(id);
    if (!state) throw fieldError(`healthKpiIds.${i}`, "is not a KPI of this organisation");
    if (state === "archived" && !current.includes(id)) {
      throw fieldError(`healthKpiIds.${i}`, "is an archived KPI; restore it or pick another");
    }
  }
}

/** Whether two lists of ids are the same, in the same order. */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

const STATUS_RANK: Record<string, number> = { red: 0, amber: 1 };
const REASON_RANK = { team: 0, subtree: 1, theme: 2 };

/**
 * KPIs to offer as an Objective's health KPIs: its team's own, then its subtree's, then
 * its theme's; within each, red ones first, then amber, then by name; at most 8.
 */
export async function suggestHealthKpis(
  deps: Deps,
  actor: Actor,
  query: { objectiveId?: string | undefined; teamId?: string | undefined; themeId?: string | undefined },
): Promise<{ items: HealthKpiSuggestion[] }> {
  authorize(actor, "read");
  let teamId = query.teamId ?? null;
  let themeId = query.themeId ?? null;
  if (query.objectiveId) {
    const row = await findObjectiveRow(deps.db, actor.organizationId, query.objectiveId);
    if (!row) throw notFound("That Objective");
    teamId = query.teamId ?? row.objective.teamId;
    themeId = query.themeId ?? row.objective.themeId;
  }
  const candidates = await healthKpiCandidates(
    deps.db,
    actor.organizationId,
    { teamId, themeId },
    MAX_SUGGESTIONS,
  );
  const cards = await healthKpiCards(
    deps.db,
    actor,
    deps.now(),
    candidates.map((c) => c.id),
  );
  const items = candidates.flatMap((c) => {
    const card = cards.get(c.id);
    return card ? [{ ...card, reason: c.reason }] : [];
  });
  items.sort(
    (a, b) =>
      REASON_RANK[a.reason] - REASON_RANK[b.reason] ||
      (STATUS_RANK[a.status ?? ""] ?? 2) - (STATUS_RANK[b.status ?? ""] ?? 2) ||
      a.name.localeCompare(b.name) ||
      a.id.localeCompare(b.id),
  );
  return { items: items.slice(0, MAX_SUGGESTIONS) };
}

/** The live Objectives a KPI guards; a team-visible one's title only for those who may read it. */
export async function guardedObjectives(deps: Deps, actor: Actor, kpiId: string) {
  authorize(actor, "read");
  const states = await kpiStatesOf(deps.db, actor.organizationId, [kpiId]);
  if (!states.has(kpiId)) throw notFound("That KPI");
  const rows = await objectivesGuardedBy(deps.db, actor.organizationId, kpiId);
  const mayRead = await readabilityOf(deps.db, actor, rows);
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: mayRead(r) ? r.title : RESTRICTED_TITLE,
      teamName: r.teamName,
      cycleId: r.cycleId,
      cycleName: r.cycleName,
      state: r.state,
    })),
  };
}
