import type { Queryable } from "../../../db/client.ts";
import { todayIn } from "../../../domain/dates.ts";
import { bandsInForce } from "../../../domain/kpi/bands.ts";
import { currentStatus } from "../../../domain/kpi/status.ts";
import { notFound } from "../../../shared/errors.ts";
import type { KpiPromotion } from "../../../shared/schemas/kpi-links.ts";
import type { Actor, Deps } from "../../context.ts";
import { authorize } from "../../policies/org-policy.ts";
import { listCycles } from "../../repositories/catalog-repository.ts";
import { kpiCardData } from "../../repositories/kpi-card-repository.ts";
import { kpiValueFor } from "../../repositories/kpi-link-repository.ts";
import {
  driversOf,
  keyResultsReadingKpi,
  type PromotionWithContext,
  promotionsOfKpi,
} from "../../repositories/kpi-promotion-repository.ts";
import { findKpi, type KpiRow } from "../../repositories/kpi-repository.ts";
import { selectObjectives } from "../../repositories/okr-repository.ts";
import { findTeam } from "../../repositories/team-repository.ts";
import { editabilityOf, readabilityOf } from "../okr/okr-access.ts";
import {
  judgeKeyResult,
  okrClock,
  RESTRICTED_KEY_RESULT_TITLE,
  RESTRICTED_TITLE,
} from "../okr/okr-presenter.ts";
import { kpiPermissions } from "./kpi-permissions.ts";

/** A KPI of the organisation, or 404. */
export async function kpiOrNotFound(q: Queryable, actor: Actor, kpiId: string): Promise<KpiRow> {
  const kpi = await findKpi(q, actor.organizationId, kpiId);
  if (!kpi) throw notFound("That KPI");
  return kpi;
}

function outcomeOf(p: PromotionWithContext["promotion"]): KpiPromotion["outcome"] {
  return p.outcome ?? "running";
}

function baselineOf(p: PromotionWithContext["promotion"]): KpiPromotion["baseline"] {
  if (p.baselineDecision) return p.baselineDecision;
  return p.outcome === "met" ? "pending" : "not_offered";
}

/**
 * GET /kpis/{id}/key-results: the live KRs reading the KPI (with their status), every
 * promotion of it (with outcome and baseline), and the cycles it is a KR in now (the
 * badge). Titles of team-visible Objectives stay hidden from people outside the team.
 */
export async function kpiKeyResults(deps: Deps, actor: Actor, kpiId: string) {
  authorize(actor, "read");
  const q = deps.db;
  const kpi = await kpiOrNotFound(q, actor, kpiId);
  const readers = await keyResultsReadingKpi(q, actor.organizationId, kpi.id, false);
  const promotions = await promotionsOfKpi(q, actor.organizationId, kpi.id);
  const mayRead = await readabilityOf(q, actor, [
    ...readers.map((r) => r.objective),
    ...promotions.map((p) => p.objective),
  ]);
  const mayDecide = (await kpiPermissions(q, actor)).forKpi(kpi).edit;
  const clock = okrClock(deps, actor);
  return {
    keyResults: readers.map((r) => {
      const shown = mayRead(r.objective);
      return {
        keyResultId: r.keyResult.id,
        title: shown ? r.keyResult.title : RESTRICTED_KEY_RESULT_TITLE,
        objectiveId: r.objective.id,
        objectiveTitle: shown ? r.objective.title : RESTRICTED_TITLE,
        cycleId: r.cycle.id,
        cycleName: r.cycle.name,
        cycleState: r.cycle.state,
        startValue: r.keyResult.startValue,
        targetValue: r.keyResult.targetValue,
        currentValue: r.keyResult.currentValue,
        status: judgeKeyResult(r.keyResult, r.objective.state, r.cycle, clock).status,
        read: r.keyResult.kpiRead ?? ("latest" as const),
      };
    }),
    promotions: promotions.map((p) => {
      const shown = mayRead(p.objective);
      return {
        id: p.promotion.id,
        cycleId: p.cycle.id,
        cycleName: p.cycle.name,
        keyResultId: p.promotion.keyResultId,
        keyResultTitle: shown ? p.keyResultTitle : RESTRICTED_KEY_RESULT_TITLE,
        objectiveId: p.objective.id,
        objectiveTitle: shown ? p.objective.title : RESTRICTED_TITLE,
        targetValue: p.targetValue,
        outcome: outcomeOf(p.promotion),
        finalValue: p.promotion.finalValue,
        baseline: baselineOf(p.promotion),
        baselineEffectiveFrom: p.promotion.baselineEffectiveFrom,
        createdAt: p.promotion.createdAt.toISOString(),
        endedAt: p.promotion.endedAt?.toISOString() ?? null,
        can: { decideBaseline: mayDecide && baselineOf(p.promotion) === "pending" },
      };
    }),
    promotedIn: uniqueCycles(
      promotions
        .filter((p) => p.promotion.endedAt === null && p.cycle.state !== "closed")
        .map((p) => p.cycle),
    ),
  };
}

const lengthOf = (c: { startsOn: string; endsOn: string }) => Date.parse(c.endsOn) - Date.parse(c.startsOn);

function uniqueCycles(cycles: Array<{ id: string; name: string }>) {
  const seen = new Map<string, { cycleId: string; cycleName: string }>();
  for (const c of cycles) if (!seen.has(c.id)) seen.set(c.id, { cycleId: c.id, cycleName: c.name });
  return [...seen.values()];
}

/** The cycle a KR can be promoted into: planning or active. */
export function isPromotable(cycle: { state: string }) {
  return cycle.state === "planning" || cycle.state === "active";
}

/** The cycle that ended last before `startsOn` (for a "cycle" read's starting value). */
export function previousCycleOf<T extends { id: string; startsOn: string; endsOn: string; kind: string }>(
  cycles: readonly T[],
  target: T,
): T | undefined {
  return cycles
    .filter((c) => c.endsOn < target.startsOn && c.kind === target.kind)
    .sort((a, b) => (a.endsOn < b.endsOn ? 1 : -1))[0];
}

/**
 * GET /kpis/{id}/promotion-draft: what "Make it a Key Result" shows: the KPI's recent
 * values, where it stands and the target it needs, the starting value per read mode, the
 * cycles to choose from (default: the shortest active cycle containing today), the
 * Objectives of that cycle the person may edit, and the KPI's active drivers.
 */
export async function promotionDraft(deps: Deps, actor: Actor, kpiId: string, cycleId: string | undefined) {
  authorize(actor, "read");
  const q = deps.db;
  const kpi = await kpiOrNotFound(q, actor, kpiId);
  const today = todayIn(actor.timeZone, deps.now());
  const card = (await kpiCardData(q, actor.organizationId, [kpi.id], 12)).get(kpi.id);
  const current = currentStatus({
    measurements: card?.points ?? [],
    series: card?.bands ?? [],
    direction: kpi.direction,
    frequency: kpi.frequency,
    today,
    opts: { weekStart: actor.weekStart, fiscalYearStartMonth: actor.fiscalYearStartMonth },
  });
  const latest = current.value ?? card?.points.at(-1)?.value ?? null;
  const target = bandsInForce(card?.bands ?? [], current.periodStart ?? today)?.target ?? null;
  const all = await listCycles(q, actor.organizationId);
  const open = all.filter(isPromotable).sort((a, b) => (a.startsOn < b.startsOn ? -1 : 1));
  const running = open
    .filter((c) => c.state === "active" && c.startsOn <= today && c.endsOn >= today)
    .sort((a, b) => lengthOf(a) - lengthOf(b))[0];
  const chosen = open.find((c) => c.id === cycleId) ?? running ?? open[0];
  const previous = chosen ? previousCycleOf(all, chosen) : undefined;
  const previousAggregate = previous
    ? await kpiValueFor(
        q,
        actor.organizationId,
        { kpiId: kpi.id, kpiRead: "cycle", cycleId: previous.id },
        today,
      )
    : null;
  const objectiveRows = chosen
    ? (await selectObjectives(q, actor.organizationId, { cycleId: chosen.id, liveOnly: true })).filter(
        (r) => r.objective.state !== "closed",
      )
    : [];
  const mayEdit = await editabilityOf(
    q,
    actor,
    objectiveRows.map((r) => r.objective),
  );
  const team = await findTeam(q, actor.organizationId, kpi.teamId);
  const drivers = (await driversOf(q, actor.organizationId, kpi.id)).filter((d) => d.state === "active");
  const format = (v: number | null) => (v === null ? "?" : String(Number(v.toFixed(kpi.decimals))));
  return {
    kpi: {
      id: kpi.id,
      key: kpi.key,
      name: kpi.name,
      teamId: kpi.teamId,
      teamRunsOkrs: team ? team.methodology !== "kpi" && !team.archivedAt : false,
      unit: kpi.unit,
      decimals: kpi.decimals,
      direction: kpi.direction,
    },
    trend: card?.points ?? [],
    latest,
    target,
    suggestedStart: { latest, cycle: previousAggregate },
    suggestedTitle: `${kpi.name} from ${format(latest)} to ${format(target)}`,
    cycleId: chosen?.id ?? null,
    cycles: open.map((c) => ({ id: c.id, name: c.name, state: c.state })),
    objectives: objectiveRows
      .filter((r) => mayEdit(r.objective))
      .map((r) => ({ id: r.objective.id, title: r.objective.title })),
    drivers: drivers.map((d) => ({ id: d.id, key: d.key, name: d.name })),
  };
}
