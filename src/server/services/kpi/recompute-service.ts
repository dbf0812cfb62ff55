import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../../db/client.ts";
import { kpiRecomputeQueue, kpis } from "../../../db/schema.ts";
import { closingRun, escalationDecision } from "../../../domain/kpi/escalation.ts";
import { periodEnd } from "../../../domain/kpi/periods.ts";
import { floorBreached, statusHistory } from "../../../domain/kpi/status.ts";
import type { Deps } from "../../context.ts";
import { withoutParameters } from "../../lib/logger.ts";
import { resolvedPeriodsOf } from "../../repositories/escalation-repository.ts";
import { bandsOf, directDependents } from "../../repositories/kpi-repository.ts";
import { kpisChangedNearTheirLatest, recentMeasurements } from "../../repositories/measurement-repository.ts";
import { uuidArray } from "../../repositories/sql-arrays.ts";
import { autoResolveEscalation, openEscalation, unresolvedEscalationsOf } from "./escalation-service.ts";
import { activeFloorsOf, floorThresholdsOf } from "./floor-service.ts";
import { type Calendar, calendarOfOrganization, recomputeFormulaKpi } from "./formula-recompute.ts";

export { recomputeFormulaKpi } from "./formula-recompute.ts";

/** Queue entries taken per round; a round is one transaction per organisation. */
const BATCH = 500;
/** Formula chains are short; this bounds a drain even if the queue keeps refilling. */
const MAX_ROUNDS = 25;
/** A queue entry that asks for a status re-judgement only (no formula inputs changed). */
const STATUS_ONLY = "9999-12-31";
/** `to_period` of an entry that must be judged whatever its values (new bands, a new formula). */
const JUDGE_ANYWAY = "9999-12-31";
/**
 * A change is judged when it reaches into a KPI's newest `close_after_green_periods` +
 * this many values: the run an escalation closes on, the latest value, and room for a
 * running period the judge leaves out.
 */
const JUDGING_MARGIN = 3;
/** Backoff after a failed recompute: 1, 2, 4 … minutes, at most an hour. */
const retryDelayMinutes = (attempts: number) => Math.min(60, 2 ** Math.max(0, attempts - 1));

/** Queues a KPI to be judged again (new bands, a new floor) without recomputing formulas. */
export async function requeueForStatus(q: Queryable, organizationId: string, kpiId: string) {
  await q.execute(sql`
    insert into ${kpiRecomputeQueue} (organization_id, kpi_id, from_period, to_period)
    values (${organizationId}, ${kpiId}, ${STATUS_ONLY}, ${JUDGE_ANYWAY})
    on conflict (organization_id, kpi_id) do update
      set to_period = ${JUDGE_ANYWAY}, queued_at = now(), not_before = now()`);
}

/** Queues a formula KPI to be recomputed from scratch (a restored or redefined formula). */
export async function requeueFormula(q: Queryable, organizationId: string, kpiId: string) {
  await q.execute(sql`
    insert into ${kpiRecomputeQueue} (organization_id, kpi_id, from_period, to_period)
    values (${organizationId}, ${kpiId}, '1900-01-01', ${JUDGE_ANYWAY})
    on conflict (organization_id, kpi_id) do update
      set from_period = '1900-01-01', to_period = ${JUDGE_ANYWAY}, queued_at = now(), not_before = now()`);
}

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

type Claimed = { kpi_id: string; from_period: string; to_period: string; attempts: number };

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
  const organizations = organizationId ? [organizationId] : await organizationsWithWork(deps);
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

async function organizationsWithWork(deps: Deps): Promise<string[]> {
  const rows = rowsOf<{ organization_id: string }>(
    await deps.db.execute(sql`
      select distinct organization_id from ${kpiRecomputeQueue} where not_before <= now() limit 100`),
  );
  return rows.map((r) => r.organization_id);
}

async function drainRound(q: Queryable, deps: Deps, organizationId: string, focus: Set<string> | null) {
  // The KPIs are locked (key share) together with their entries, before anything else:
  // an edit of a KPI holds it for update and then queues it, so taking the entry first
  // and the KPI later (to open an escalation) could deadlock with it. A KPI being edited
  // is skipped; the edit queues it again.
  const claimed = rowsOf<Claimed>(
    await q.execute(sql`
      delete from ${kpiRecomputeQueue} where (organization_id, kpi_id) in (
        select e.organization_id, e.kpi_id from ${kpiRecomputeQueue} e
        join ${kpis} k on k.organization_id = e.organization_id and k.id = e.kpi_id
        where e.organization_id = ${organizationId} and e.not_before <= now()
          ${focus ? sql`and e.kpi_id = any(${uuidArray([...focus])})` : sql``}
        order by e.queued_at limit ${BATCH}
        for update of e skip locked
        for key share of k skip locked)
      returning kpi_id, from_period::text as from_period, to_period::text as to_period, attempts`),
  );
  const recomputed = new Set<string>();
  if (claimed.length === 0) return { claimed: 0, recomputed };
  const calendar = await calendarOfOrganization(q, organizationId, deps.now());
  try {
    await q.transaction(async (sp) => {
      for (const id of await recomputeEntries(sp, deps.now(), organizationId, claimed, calendar))
        recomputed.add(id);
    });
  } catch {
    // Somewhere in the batch is an entry that fails: find it, keep the rest.
    for (const entry of claimed) {
      try {
        await q.transaction(async (sp) => {
          for (const id of await recomputeEntries(sp, deps.now(), organizationId, [entry], calendar))
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

async function putBack(q: Queryable, organizationId: string, entry: Claimed, error: unknown) {
  const attempts = entry.attempts + 1;
  // Kept for operators to read, like a log line: without the failed query's parameters.
  const message = withoutParameters(error instanceof Error ? error.message : String(error));
  await q.execute(sql`
    insert into ${kpiRecomputeQueue} (organization_id, kpi_id, from_period, to_period, attempts, not_before, last_error)
    values (${organizationId}, ${entry.kpi_id}, ${entry.from_period}, ${entry.to_period}, ${attempts},
            now() + make_interval(mins => ${retryDelayMinutes(attempts)}), ${message.slice(0, 500)})
    on conflict (organization_id, kpi_id) do update
      set from_period = least(${kpiRecomputeQueue}.from_period, excluded.from_period),
          to_period = greatest(${kpiRecomputeQueue}.to_period, excluded.to_period),
          attempts = excluded.attempts, not_before = excluded.not_before, last_error = excluded.last_error`);
}

/** Recomputes dependents of the entries and judges the entries' KPIs; returns the formula KPIs recomputed. */
async function recomputeEntries(
  q: Queryable,
  now: Date,
  organizationId: string,
  entries: readonly Claimed[],
  calendar: Calendar,
): Promise<string[]> {
  const changedFrom = new Map(entries.map((e) => [e.kpi_id, e.from_period]));
  const dependentFrom = new Map<string, string | null>();
  // A formula KPI queued with 1900-01-01 (created, restored) is recomputed from scratch.
  for (const [kpiId, from] of changedFrom) if (from === "1900-01-01") dependentFrom.set(kpiId, null);
  for (const edge of await directDependents(q, organizationId, [...changedFrom.keys()])) {
    const from = changedFrom.get(edge.inputKpiId);
    if (!from || from === STATUS_ONLY) continue;
    const known = dependentFrom.get(edge.kpiId);
    if (known === null) continue;
    if (known === undefined || from < known) dependentFrom.set(edge.kpiId, from);
  }
  const recomputed: string[] = [];
  if (dependentFrom.size > 0) {
    for (const formulaKpi of await kpiRows(q, organizationId, [...dependentFrom.keys()])) {
      if (formulaKpi.state !== "active" || !formulaKpi.formula) continue;
      await recomputeFormulaKpi(q, formulaKpi, dependentFrom.get(formulaKpi.id) ?? null, calendar);
      recomputed.push(formulaKpi.id);
    }
  }
  const changedUpTo = new Map(entries.map((e) => [e.kpi_id, e.to_period]));
  const toJudge = await kpisChangedNearTheirLatest(q, organizationId, changedUpTo, JUDGING_MARGIN);
  await judgeKpis(q, now, organizationId, toJudge, calendar.today);
  return recomputed;
}

function kpiRows(q: Queryable, organizationId: string, ids: readonly string[]) {
  return q
    .select()
    .from(kpis)
    .where(sql`${kpis.organizationId} = ${organizationId} and ${kpis.id} = any(${uuidArray(ids)})`);
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
  now: Date,
  organizationId: string,
  ids: readonly string[],
  today: string,
) {
  const rows = (await kpiRows(q, organizationId, ids)).filter((k) => k.state === "active");
  if (rows.length === 0) return;
  const activeIds = rows.map((k) => k.id);
  const longestStreak = Math.max(...rows.map((k) => k.closeAfterGreenPeriods));
  // One after another: this runs inside the recompute transaction (one connection).
  const bands = await bandsOf(q, organizationId, activeIds);
  const values = await recentMeasurements(q, organizationId, activeIds, longestStreak + 1);
  const open = await unresolvedEscalationsOf(q, organizationId, activeIds);
  const floors = await activeFloorsOf(q, organizationId, activeIds, today);
  // The floors open escalations fell through, in force or not (the cycle may have ended).
  const fellThrough = await floorThresholdsOf(
    q,
    organizationId,
    [...open.values()].flatMap((e) => (e.reason === "floor" && e.floorId ? [e.floorId] : [])),
  );
  const resolved = await resolvedPeriodsOf(q, organizationId, activeIds);
  for (const kpi of rows) {
    const measured = (values.get(kpi.id) ?? []).filter(
      (m) =>
        m.periodStart <= today &&
        !(
          m.source !== "manual" &&
          m.source !== "import" &&
          m.source !== "api" &&
          periodEnd(m.periodStart, kpi.frequency) >= today
        ),
    );
    const latest = measured[measured.length - 1];
    if (!latest) continue;
    const history = statusHistory(measured, bands.get(kpi.id) ?? [], kpi.direction);
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
      await openEscalation(q, {
        organizationId,
        kpiId: kpi.id,
        reason,
        floorId: reason === "floor" ? (floor?.id ?? null) : null,
        periodStart: latest.periodStart,
        value: latest.value,
        now,
      });
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
}
