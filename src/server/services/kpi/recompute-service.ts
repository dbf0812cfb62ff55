import type { Queryable } from "../../../db/client.ts";
import { ANOMALY_POINTS } from "../../../domain/kpi/anomaly.ts";
import { closingRun, escalationDecision } from "../../../domain/kpi/escalation.ts";
import { periodEnd } from "../../../domain/kpi/periods.ts";
import { floorBreached, statusHistory } from "../../../domain/kpi/status.ts";
import type { Deps } from "../../context.ts";
import { kpiStatusChangedEvent, kpiValuesChangedEvent } from "../../events/kpi-events.ts";
import { publishLiveOnly, publishOrgEvent } from "../../events/org-events.ts";
import { backgroundWorkOf } from "../../lib/background-work.ts";
import { type Logger, withoutParameters } from "../../lib/logger.ts";
import { resolvedPeriodsOf } from "../../repositories/escalation-repository.ts";
import { activeFloorRows, floorThresholds } from "../../repositories/floor-repository.ts";
import { refreshKeyResultsReading } from "../../repositories/kpi-link-repository.ts";
import {
  type ClaimedEntry,
  claimRecomputeEntries,
  FROM_SCRATCH,
  kpisByIds,
  organizationsWithRecomputeWork,
  putBackRecomputeEntry,
  STATUS_ONLY,
} from "../../repositories/kpi-recompute-repository.ts";
import { bandsOf, directDependents } from "../../repositories/kpi-repository.ts";
import { kpisChangedNearTheirLatest, recentMeasurements } from "../../repositories/measurement-repository.ts";
import { autoResolveEscalation, openEscalation, unresolvedEscalationsOf } from "./escalation-service.ts";
import { type Calendar, calendarOfOrganization, recomputeFormulaKpi } from "./formula-recompute.ts";
import { type JudgedKpi, notifyUnusualValues } from "./unusual-notifications.ts";

/** Queue entries taken per round; a round is one transaction per organisation. */
const BATCH = 500;
/** Formula chains are short; this bounds a drain even if the queue keeps refilling. */
const MAX_ROUNDS = 25;
/**
 * A change is judged when it reaches into a KPI's newest `close_after_green_periods` +
 * this many values: the run an escalation closes on, the latest value, and room for a
 * running period the judge leaves out.
 */
const JUDGING_MARGIN = 3;
/** Backoff after a failed recompute: 1, 2, 4 … minutes, at most an hour. */
const retryDelayMinutes = (attempts: number) => Math.min(60, 2 ** Math.max(0, attempts - 1));

/**
 * Works off what a request just queued, before it answers, so the page it returns shows
 * the new status. The request's own writes are committed by then: a failure here is
 * logged and left to the background job, never turned into an error for the caller.
 */
export async function recomputeAfterWrite(deps: Deps, organizationId: string, kpiIds: readonly string[]) {
  try {
    await processRecomputeQueue(deps, organizationId, kpiIds);
  } catch (error) {
    deps.logger.error(
      { err: error, organizationId },
      "KPI recompute after a write failed; the job retries it",
    );
  }
}

/**
 * Starts working off what a bulk load just queued without making the caller wait: a
 * large load answers as soon as its values are committed. The drain is tracked
 * (background-work.ts), so shutdown and tests can wait for it; a failure is logged and
 * left to the background job.
 */
export function recomputeSoon(deps: Deps, organizationId: string, kpiIds: readonly string[], logger: Logger) {
  backgroundWorkOf(deps.db).track(
    processRecomputeQueue(deps, organizationId, kpiIds).catch((error: unknown) => {
      logger.error({ err: error }, "KPI recompute failed; the background job will retry");
    }),
  );
}

/**
 * Brings KPIs whose values changed up to date: formula KPIs that read them are
 * recomputed from the earliest changed period (their new values queue them in turn, so
 * a tree updates level by level), then each changed KPI is judged and its escalation
 * opened or closed.
 *
 * Work is claimed with `for update skip locked`, one transaction per organisation and
 * round, so instances share it and a crash leaves it queued. A round that fails is
 * retried entry by entry, each in a savepoint: one broken KPI is put back with its error
 * and a delay, and the others go through. `only` limits the drain to KPIs a request just
 * wrote (and the formulas that follow from them); without it every due entry is taken.
 * Returns how many entries were processed.
 */
export async function processRecomputeQueue(
  deps: Deps,
  organizationId?: string,
  only?: readonly string[],
): Promise<number> {
  const organizations = organizationId ? [organizationId] : await organizationsWithRecomputeWork(deps.db);
  let processed = 0;
  for (const orgId of organizations) {
    let focus: Set<string> | null = only ? new Set(only) : null;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      if (focus && focus.size === 0) break;
      const outcome = await deps.db.transaction((tx) => drainRound(tx, deps, orgId, focus));
      processed += outcome.claimed;
      if (outcome.claimed === 0) break;
      if (focus) focus = outcome.recomputed;
    }
  }
  return processed;
}

async function drainRound(q: Queryable, deps: Deps, organizationId: string, focus: Set<string> | null) {
  // Claiming also locks the entries' KPIs (key share) first; see claimRecomputeEntries.
  const claimed = await claimRecomputeEntries(q, organizationId, focus, BATCH);
  const recomputed = new Set<string>();
  if (claimed.length === 0) return { claimed: 0, recomputed };
  const calendar = await calendarOfOrganization(q, organizationId, deps.now());
  try {
    await q.transaction(async (sp) => {
      for (const id of await recomputeEntries(sp, deps, deps.now(), organizationId, claimed, calendar))
        recomputed.add(id);
    });
  } catch {
    // Somewhere in the batch is an entry that fails: find it, keep the rest.
    for (const entry of claimed) {
      try {
        await q.transaction(async (sp) => {
          for (const id of await recomputeEntries(sp, deps, deps.now(), organizationId, [entry], calendar))
            recomputed.add(id);
        });
      } catch (error) {
        deps.logger.error(
          { err: error, organizationId, kpiId: entry.kpi_id },
          "KPI recompute failed; it stays queued and is retried later",
        );
        await putBack(q, organizationId, entry, error);
      }
    }
  }
  return { claimed: claimed.length, recomputed };
}

async function putBack(q: Queryable, organizationId: string, entry: ClaimedEntry, error: unknown) {
  const attempts = entry.attempts + 1;
  // Kept for operators to read, like a log line: without the failed query's parameters.
  const message = withoutParameters(error instanceof Error ? error.message : String(error));
  await putBackRecomputeEntry(q, organizationId, entry, {
    attempts,
    delayMinutes: retryDelayMinutes(attempts),
    error: message.slice(0, 500),
  });
}

/** Recomputes dependents of the entries and judges the entries' KPIs; returns the formula KPIs recomputed. */
async function recomputeEntries(
  q: Queryable,
  deps: Deps,
  now: Date,
  organizationId: string,
  entries: readonly ClaimedEntry[],
  calendar: Calendar,
): Promise<string[]> {
  const changedFrom = new Map(entries.map((e) => [e.kpi_id, e.from_period]));
  const dependentFrom = new Map<string, string | null>();
  // A formula KPI queued from scratch (created, restored) is recomputed over its whole history.
  for (const [kpiId, from] of changedFrom) if (from === FROM_SCRATCH) dependentFrom.set(kpiId, null);
  for (const edge of await directDependents(q, organizationId, [...changedFrom.keys()])) {
    const from = changedFrom.get(edge.inputKpiId);
    if (!from || from === STATUS_ONLY) continue;
    const known = dependentFrom.get(edge.kpiId);
    if (known === null) continue;
    if (known === undefined || from < known) dependentFrom.set(edge.kpiId, from);
  }
  const recomputed: string[] = [];
  if (dependentFrom.size > 0) {
    for (const formulaKpi of await kpisByIds(q, organizationId, [...dependentFrom.keys()])) {
      if (formulaKpi.state !== "active" || !formulaKpi.formula) continue;
      await recomputeFormulaKpi(q, formulaKpi, dependentFrom.get(formulaKpi.id) ?? null, calendar);
      recomputed.push(formulaKpi.id);
    }
  }
  const changedUpTo = new Map(entries.map((e) => [e.kpi_id, e.to_period]));
  const toJudge = await kpisChangedNearTheirLatest(q, organizationId, changedUpTo, JUDGING_MARGIN);
  await judgeKpis(q, deps, now, organizationId, toJudge, calendar.today, changedUpTo);
  // Pages that show these KPIs (or KRs reading them) refetch; the events leave at commit.
  await publishLiveOnly(
    q,
    [...new Set([...changedFrom.keys(), ...recomputed])].map((id) =>
      kpiValuesChangedEvent(organizationId, id, now),
    ),
  );
  // Key Results reading these KPIs follow their values: one statement for the batch.
  await refreshKeyResultsReading(q, organizationId, [...changedFrom.keys(), ...recomputed], calendar.today);
  return recomputed;
}

/**
 * Opens or closes escalations for KPIs whose values changed: red (or through an active
 * floor) opens one if none is unresolved; enough green periods in a row close a red one,
 * enough periods holding the floor close a floor one. A computed or fetched value for a
 * period still running is not judged (a month's sales so far are not a bad month), nor
 * is a value whose escalation people already resolved.
 */
async function judgeKpis(
  q: Queryable,
  deps: Deps,
  now: Date,
  organizationId: string,
  ids: readonly string[],
  today: string,
  changedUpTo: ReadonlyMap<string, string>,
) {
  const rows = (await kpisByIds(q, organizationId, ids)).filter((k) => k.state === "active");
  if (rows.length === 0) return;
  const activeIds = rows.map((k) => k.id);
  const longestStreak = Math.max(...rows.map((k) => k.closeAfterGreenPeriods));
  // One after another: this runs inside the recompute transaction (one connection).
  const bands = await bandsOf(q, organizationId, activeIds);
  // Enough values for the unusual-value window too; escalations look at their newest few.
  const escalationPoints = longestStreak + 1;
  const values = await recentMeasurements(
    q,
    organizationId,
    activeIds,
    Math.max(escalationPoints, ANOMALY_POINTS),
  );
  const open = await unresolvedEscalationsOf(q, organizationId, activeIds);
  const floors = await activeFloorRows(q, organizationId, activeIds, today);
  // The floors open escalations fell through, in force or not (the cycle may have ended).
  const fellThrough = await floorThresholds(
    q,
    organizationId,
    [...open.values()].flatMap((e) => (e.reason === "floor" && e.floorId ? [e.floorId] : [])),
  );
  const resolved = await resolvedPeriodsOf(q, organizationId, activeIds);
  const judged: JudgedKpi[] = [];
  for (const kpi of rows) {
    const judgeable = (m: { periodStart: string; source: string }) =>
      m.periodStart <= today &&
      !(
        m.source !== "manual" &&
        m.source !== "import" &&
        m.source !== "api" &&
        periodEnd(m.periodStart, kpi.frequency) >= today
      );
    const all = values.get(kpi.id) ?? [];
    judged.push({ kpi, measured: all.filter(judgeable) });
    const measured = all.slice(-escalationPoints).filter(judgeable);
    const latest = measured[measured.length - 1];
    if (!latest) continue;
    const history = statusHistory(measured, bands.get(kpi.id) ?? [], kpi.direction);
    // The newest value's status differs from the one before: announced when that newest
    // value is part of this change (a correction further back re-judges, but is no news).
    const [previous, newest] = history.slice(-2);
    if (
      previous &&
      newest &&
      previous.status !== newest.status &&
      (changedUpTo.get(kpi.id) ?? "") >= newest.periodStart
    ) {
      await publishOrgEvent(
        q,
        kpiStatusChangedEvent(
          organizationId,
          kpi,
          { from: previous.status, to: newest.status, periodStart: newest.periodStart, value: newest.value },
          now,
        ),
      );
    }
    const inForce = floors.filter((f) => f.kpiId === kpi.id);
    const floor = inForce.find((f) => floorBreached(latest.value, kpi.direction, f.threshold));
    const escalation = open.get(kpi.id);
    const ownFloor = escalation?.floorId ? fellThrough.get(escalation.floorId) : undefined;
    // A floor escalation recovers when values hold its own floor and every floor in force now.
    const thresholds = [...(ownFloor === undefined ? [] : [ownFloor]), ...inForce.map((f) => f.threshold)];
    const { decision, reason } = escalationDecision({
      open: Boolean(escalation),
      openReason: escalation?.reason ?? null,
      recent: history.map((h) => h.status),
      throughFloor: history.map((h) => thresholds.some((t) => floorBreached(h.value, kpi.direction, t))),
      floorBreached: Boolean(floor),
      closeAfterGreenPeriods: kpi.closeAfterGreenPeriods,
    });
    if (decision === "open" && reason && !resolved.get(kpi.id)?.has(latest.periodStart)) {
      await openEscalation(
        q,
        {
          organizationId,
          kpiId: kpi.id,
          reason,
          floorId: reason === "floor" ? (floor?.id ?? null) : null,
          periodStart: latest.periodStart,
          value: latest.value,
          now,
        },
        deps,
      );
    } else if (decision === "close" && escalation) {
      await autoResolveEscalation(q, {
        organizationId,
        escalationId: escalation.id,
        periods: closingRun(kpi.closeAfterGreenPeriods),
        heldFloor: escalation.reason === "floor" ? { threshold: ownFloor ?? null } : null,
        now,
      });
    }
  }
  await notifyUnusualValues(q, organizationId, judged);
}
