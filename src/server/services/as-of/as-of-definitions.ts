/**
 * Definitions as they stood at an instant (docs/as-of.md): per entity, the latest full
 * audit snapshot at or before it. An entity whose latest snapshot is archived, or that has
 * none yet, did not exist then. Facts (check-ins, KPI values) are read as known then.
 */
import type { Bands } from "../../../domain/kpi/types.ts";
import type { Kpi } from "../../../shared/schemas/kpis.ts";
import type { KeyResult, Objective } from "../../../shared/schemas/okrs.ts";
import type { Actor, Deps } from "../../context.ts";
import {
  checkInsKnownAt,
  type DatedSnapshot,
  keyResultsCreatedAt,
  kpisCreatedBy,
  latestSnapshots,
  latestSnapshotsWhere,
} from "../../repositories/as-of-repository.ts";
import { listCycles } from "../../repositories/catalog-repository.ts";
import { type KpiWithNames, kpisWithNames } from "../../repositories/kpi-repository.ts";
import type {
  LeadershipKeyResultRow,
  LeadershipObjectiveRow,
} from "../../repositories/leadership-repository.ts";

/** The actions whose `after` is the whole entity; others (findings, flags) are not definitions. */
export const OBJECTIVE_SNAPSHOTS = [
  "objective.created",
  "objective.updated",
  "objective.activated",
  "objective.moved_to_draft",
  "objective.archived",
  "objective.restored",
  "objective.aligned",
  "objective.graded",
  "objective.rolled_over",
] as const;
export const KEY_RESULT_SNAPSHOTS = [
  "key_result.created",
  "key_result.updated",
  "key_result.archived",
  "key_result.restored",
  "key_result.scored",
  "key_result.demoted",
  "key_result.kpi_unlinked",
] as const;
export const KPI_SNAPSHOTS = ["kpi.created", "kpi.updated", "kpi.archived", "kpi.restored"] as const;
export const CYCLE_SNAPSHOTS = [
  "cycle.created",
  "cycle.updated",
  "cycle.activated",
  "cycle.moved_to_grading",
  "cycle.moved_to_planning",
  "cycle.closed",
  "cycle.reopened",
] as const;

type CycleState = "planning" | "active" | "grading" | "closed";
export type CycleAsOf = { id: string; name: string; state: CycleState; startsOn: string; endsOn: string };

/**
 * Every cycle that existed at `at`, with its state then: its latest snapshot's, else (a
 * cycle no one changed since it was made) what its dates say of that day.
 */
export async function cyclesAsOf(deps: Deps, actor: Actor, at: Date, day: string): Promise<CycleAsOf[]> {
  const [rows, snapshots] = await Promise.all([
    listCycles(deps.db, actor.organizationId),
    latestSnapshots(deps.db, actor.organizationId, "cycle", CYCLE_SNAPSHOTS, at),
  ]);
  const byId = new Map(snapshots.map((s) => [s.entityId, s.after as { state?: CycleState; name?: string }]));
  return rows
    .filter((c) => byId.has(c.id) || c.createdAt <= at)
    .map((c) => {
      const snap = byId.get(c.id);
      const byDates: CycleState = day < c.startsOn ? "planning" : day <= c.endsOn ? "active" : c.state;
      return {
        id: c.id,
        name: snap?.name ?? c.name,
        state: snap?.state ?? byDates,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
      };
    });
}

/** The cycle shown by default on that day: an active one running then, the shortest first. */
export function defaultCycleAsOf(cycles: CycleAsOf[], day: string): CycleAsOf | null {
  const length = (c: CycleAsOf) => Date.parse(c.endsOn) - Date.parse(c.startsOn);
  const running = (c: CycleAsOf) => c.startsOn <= day && c.endsOn >= day;
  const ranked = cycles
    .filter((c) => c.state === "active")
    .sort(
      (a, b) =>
        Number(running(b)) - Number(running(a)) ||
        length(a) - length(b) ||
        (a.startsOn < b.startsOn ? 1 : a.startsOn > b.startsOn ? -1 : 0) ||
        (a.id < b.id ? -1 : 1),
    );
  return ranked[0] ?? null;
}

type ObjectiveSnapshot = Partial<Objective> & { id: string };
type KeyResultSnapshot = Partial<KeyResult> & { id: string };

export type ObjectiveAsOf = LeadershipObjectiveRow & { keyResults: LeadershipKeyResultRow[] };

/**
 * A cycle's Objectives as they stood at `at` (not archived then), each with its live KRs
 * then: definitions from their latest snapshots, current value, confidence and last
 * check-in from the check-ins known then.
 */
export async function objectivesAsOf(
  deps: Deps,
  actor: Actor,
  cycleId: string,
  at: Date,
): Promise<ObjectiveAsOf[]> {
  const q = deps.db;
  const org = actor.organizationId;
  const objectiveSnaps = (
    await latestSnapshotsWhere(q, org, "objective", OBJECTIVE_SNAPSHOTS, at, "cycleId", [cycleId])
  ).map((s) => ({ ...s, after: s.after as ObjectiveSnapshot }));
  const live = objectiveSnaps.filter((s) => s.after.archived !== true);
  const objectiveIds = live.map((s) => s.entityId);
  const krEvents = await latestSnapshotsWhere(
    q,
    org,
    "key_result",
    KEY_RESULT_SNAPSHOTS,
    at,
    "objectiveId",
    objectiveIds,
  );
  // Per KR, the newer of its own latest event and its Objective's latest snapshot.
  const latestKr = new Map<string, { at: Date; id: number; kr: KeyResultSnapshot }>();
  const offer = (kr: KeyResultSnapshot, event: Pick<DatedSnapshot, "at" | "id">) => {
    const seen = latestKr.get(kr.id);
    if (!seen || seen.at < event.at || (seen.at.getTime() === event.at.getTime() && seen.id < event.id)) {
      latestKr.set(kr.id, { at: event.at, id: event.id, kr });
    }
  };
  for (const s of live) for (const kr of s.after.keyResults ?? []) offer(kr, s);
  for (const e of krEvents) offer({ ...(e.after as KeyResultSnapshot), id: e.entityId }, e);
  const krIds = [...latestKr.keys()];
  const [known, createdAt] = await Promise.all([
    checkInsKnownAt(q, org, krIds, at),
    keyResultsCreatedAt(q, org, krIds),
  ]);
  const krsByObjective = new Map<string, LeadershipKeyResultRow[]>();
  for (const { kr, at: snapshotAt } of latestKr.values()) {
    if (kr.archived === true || !kr.objectiveId) continue;
    // A snapshot by then proves it existed; its row's creation time dates it when earlier.
    const rowCreated = createdAt.get(kr.id);
    const created = rowCreated && rowCreated <= snapshotAt ? rowCreated : snapshotAt;
    const checkIn = known.get(kr.id);
    const row: LeadershipKeyResultRow = {
      id: kr.id,
      objectiveId: kr.objectiveId,
      title: kr.title ?? "",
      ownerName: kr.ownerName ?? null,
      kind: kr.kind ?? "metric",
      startValue: kr.startValue ?? null,
      targetValue: kr.targetValue ?? null,
      ...valueThen(kr, checkIn),
      createdAt: created,
      activeFrom: kr.activeFrom ?? null,
      weight: kr.weight ?? 1,
      commitment: kr.commitment ?? "committed",
    };
    const list = krsByObjective.get(row.objectiveId) ?? [];
    list.push(row);
    krsByObjective.set(row.objectiveId, list);
  }
  return live.map(({ after: o }) => ({
    id: o.id,
    title: o.title ?? "",
    teamId: o.teamId ?? null,
    themeId: o.themeId ?? null,
    ownerUserId: o.ownerUserId ?? null,
    visibility: o.visibility ?? "organization",
    state: o.state ?? "draft",
    keyResults: (krsByObjective.get(o.id) ?? []).sort(
      (a, b) => position(latestKr.get(a.id)?.kr) - position(latestKr.get(b.id)?.kr),
    ),
  }));
}

function position(kr: KeyResultSnapshot | undefined) {
  return kr?.position ?? 0;
}

/**
 * A KR's value then: its newest check-in known then; with none, what its definition held
 * when it had not been checked in (a metric its start, a KPI-read KR the value it read).
 */
function valueThen(
  kr: KeyResultSnapshot,
  checkIn: { value: number | null; done: boolean | null; confidence: number; createdAt: Date } | undefined,
) {
  if (checkIn) {
    return {
      currentValue: checkIn.value,
      done: checkIn.done ?? false,
      lastConfidence: checkIn.confidence,
      lastCheckInAt: checkIn.createdAt,
    };
  }
  const unchecked = kr.lastCheckInAt === null || kr.lastCheckInAt === undefined;
  return {
    currentValue: unchecked
      ? (kr.currentValue ?? null)
      : kr.kind === "metric"
        ? (kr.startValue ?? null)
        : null,
    done: unchecked ? (kr.done ?? false) : false,
    lastConfidence: null,
    lastCheckInAt: null,
  };
}

type KpiSnapshot = Partial<Kpi> & { id: string };

/** `bands` and `formulaInputs` null: no dated history, today's stand. */
export type KpiAsOf = KpiWithNames & { bands: Bands[] | null; formulaInputs: Kpi["formulaInputs"] | null };

/**
 * The organisation's KPIs as they stood at `at` (any state then): the latest snapshot's
 * definition and bands (a newer accepted baseline adds its entry), else, for a KPI no one
 * changed since it was made, its row as it is.
 */
export async function kpisAsOf(deps: Deps, actor: Actor, at: Date): Promise<KpiAsOf[]> {
  const q = deps.db;
  const org = actor.organizationId;
  const [snapshots, baselines, existing] = await Promise.all([
    latestSnapshots(q, org, "kpi", KPI_SNAPSHOTS, at),
    latestSnapshots(q, org, "kpi_promotion", ["kpi_promotion.baseline_accepted"], at),
    kpisCreatedBy(q, org, at),
  ]);
  const byId = new Map(snapshots.map((s) => [s.entityId, s]));
  const ids = [...new Set([...existing, ...byId.keys()])];
  const rows = await kpisWithNames(q, org, ids);
  const newerBands = new Map<string, { at: Date; bands: Bands[] }>();
  for (const b of baselines) {
    const after = b.after as { promotion?: { kpiId?: string }; bands?: Bands[] };
    const kpiId = after.promotion?.kpiId;
    if (!kpiId || !after.bands) continue;
    const seen = newerBands.get(kpiId);
    if (!seen || seen.at < b.at) newerBands.set(kpiId, { at: b.at, bands: after.bands });
  }
  return rows.map((row): KpiAsOf => {
    const snap = byId.get(row.kpi.id);
    const def = snap?.after as KpiSnapshot | undefined;
    const baseline = newerBands.get(row.kpi.id);
    const bands = baseline && (!snap || baseline.at > snap.at) ? baseline.bands : (def?.bands ?? null);
    return {
      kpi: {
        ...row.kpi,
        ...(def
          ? {
              key: def.key ?? row.kpi.key,
              name: def.name ?? row.kpi.name,
              description: def.description ?? row.kpi.description,
              ownerUserId: def.ownerUserId ?? row.kpi.ownerUserId,
              teamId: def.teamId ?? row.kpi.teamId,
              unit: def.unit ?? row.kpi.unit,
              decimals: def.decimals ?? row.kpi.decimals,
              currency: def.currency === undefined ? row.kpi.currency : def.currency,
              direction: def.direction ?? row.kpi.direction,
              frequency: def.frequency ?? row.kpi.frequency,
              aggregation: def.aggregation ?? row.kpi.aggregation,
              themeId: def.themeId === undefined ? row.kpi.themeId : def.themeId,
              formula: def.formula === undefined ? row.kpi.formula : def.formula,
              state: def.state ?? row.kpi.state,
              closeAfterGreenPeriods:
                def.closeAfterGreenPeriods === undefined
                  ? row.kpi.closeAfterGreenPeriods
                  : def.closeAfterGreenPeriods,
              version: def.version ?? row.kpi.version,
            }
          : {}),
      },
      ownerName: def?.ownerName ?? row.ownerName,
      teamName: def?.teamName ?? row.teamName,
      bands,
      formulaInputs: def?.formulaInputs ?? null,
    };
  });
}
