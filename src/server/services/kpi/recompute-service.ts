import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../../db/client.ts";
import { kpiRecomputeQueue, kpis } from "../../../db/schema.ts";
import { todayIn } from "../../../domain/dates.ts";
import { valueForPeriod } from "../../../domain/kpi/aggregation.ts";
import { escalationDecision } from "../../../domain/kpi/escalation.ts";
import { evaluateFormula, parseFormula } from "../../../domain/kpi/formula.ts";
import { periodEnd, periodStartOf, periodsBetween } from "../../../domain/kpi/periods.ts";
import { floorBreached, statusHistory } from "../../../domain/kpi/status.ts";
import type { MeasuredPeriod, PeriodOptions } from "../../../domain/kpi/types.ts";
import type { Deps } from "../../context.ts";
import {
  bandsOf,
  directDependents,
  type KpiRow,
  periodOptionsOf,
  uuidArray,
} from "../../repositories/kpi-repository.ts";
import {
  latestValues,
  valuesSince,
  writeMeasurementBatch,
} from "../../repositories/measurement-repository.ts";
import { autoResolveEscalation, openEscalation, unresolvedEscalationsOf } from "./escalation-service.ts";
import { activeFloorsOf } from "./floor-service.ts";

/** Queue entries taken per round; a round is one transaction. */
const BATCH = 500;
/** Formula chains are short; this bounds a drain even if the queue keeps refilling. */
const MAX_ROUNDS = 25;
/** A queue entry that asks for a status re-judgement only (no formula inputs changed). */
const STATUS_ONLY = "9999-12-31";

/** Queues a KPI to be judged again (new bands, new direction) without recomputing formulas. */
export async function requeueForStatus(q: Queryable, organizationId: string, kpiId: string) {
  await q.execute(sql`
    insert into ${kpiRecomputeQueue} (organization_id, kpi_id, from_period)
    values (${organizationId}, ${kpiId}, ${STATUS_ONLY})
    on conflict (organization_id, kpi_id) do update set queued_at = now()`);
}

type Claimed = { organization_id: string; kpi_id: string; from_period: string };

/**
 * Brings KPIs whose values changed up to date: formula KPIs that read them are
 * recomputed from the earliest changed period (their new values queue them in turn, so
 * a tree updates level by level), then each changed KPI is judged and its escalation
 * opened or closed. Entries are claimed with `for update skip locked`, so instances
 * share the work; a failure rolls the round back and leaves its entries queued.
 * Returns how many entries it processed.
 */
export async function processRecomputeQueue(deps: Deps, organizationId?: string): Promise<number> {
  let processed = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const count = await deps.db.transaction(async (tx) => {
      const claimed = rowsOf<Claimed>(
        await tx.execute(sql`
          delete from ${kpiRecomputeQueue} where (organization_id, kpi_id) in (
            select organization_id, kpi_id from ${kpiRecomputeQueue}
            ${organizationId ? sql`where organization_id = ${organizationId}` : sql``}
            order by queued_at limit ${BATCH}
            for update skip locked)
          returning organization_id, kpi_id, from_period::text as from_period`),
      );
      const byOrg = new Map<string, Claimed[]>();
      for (const entry of claimed)
        byOrg.set(entry.organization_id, [...(byOrg.get(entry.organization_id) ?? []), entry]);
      for (const [orgId, entries] of byOrg) await recomputeOrganization(tx, deps.now(), orgId, entries);
      return claimed.length;
    });
    processed += count;
    if (count === 0) break;
  }
  return processed;
}

async function recomputeOrganization(q: Queryable, now: Date, organizationId: string, entries: Claimed[]) {
  const settings = await periodOptionsOf(q, organizationId);
  const opts = { weekStart: settings.weekStart, fiscalYearStartMonth: settings.fiscalYearStartMonth };
  const today = todayIn(settings.timeZone, now);
  const changedFrom = new Map(entries.map((e) => [e.kpi_id, e.from_period]));

  // Formula KPIs reading a changed KPI: recompute from the earliest changed period.
  const edges = await directDependents(q, organizationId, [...changedFrom.keys()]);
  const dependentFrom = new Map<string, string>();
  for (const edge of edges) {
    const from = changedFrom.get(edge.inputKpiId);
    if (!from || from === STATUS_ONLY) continue;
    const known = dependentFrom.get(edge.kpiId);
    if (!known || from < known) dependentFrom.set(edge.kpiId, from);
  }
  if (dependentFrom.size > 0) {
    const formulas = await kpiRows(q, organizationId, [...dependentFrom.keys()]);
    for (const formulaKpi of formulas) {
      if (formulaKpi.state !== "active" || !formulaKpi.formula) continue;
      await recomputeFormulaKpi(q, formulaKpi, dependentFrom.get(formulaKpi.id) ?? null, { today, opts });
    }
  }
  await judgeKpis(q, now, organizationId, [...changedFrom.keys()], today);
}

function kpiRows(q: Queryable, organizationId: string, ids: readonly string[]) {
  return q
    .select()
    .from(kpis)
    .where(sql`${kpis.organizationId} = ${organizationId} and ${kpis.id} = any(${uuidArray(ids)})`);
}

/**
 * Recomputes a formula KPI's values from `from` (null: its whole history) out of its
 * inputs' values, and writes them as one batch (source "formula"). Periods where an input
 * has no value, or the formula has no finite result (a division by zero), get no value.
 * Writing queues the KPI itself, so its own dependents follow in the next round.
 */
export async function recomputeFormulaKpi(
  q: Queryable,
  kpi: KpiRow,
  from: string | null,
  calendar?: { today: string; opts: PeriodOptions },
): Promise<void> {
  if (!kpi.formula) return;
  const parsed = parseFormula(kpi.formula);
  if (!parsed.ok) return; // stored formulas were checked when saved
  const { today, opts } = calendar ?? (await calendarOf(q, kpi.organizationId));
  const inputs = await q
    .select()
    .from(kpis)
    .where(
      sql`${kpis.organizationId} = ${kpi.organizationId} and ${kpis.key} = any(${`{${parsed.inputs.join(",")}}`}::text[])`,
    );
  if (inputs.length !== parsed.inputs.length) return;
  // Read from the start of the coarsest period involved, so a monthly input counts whole.
  const start = from === null ? "0001-01-01" : earliestStart(from, [kpi, ...inputs], opts);
  const values = await valuesSince(
    q,
    kpi.organizationId,
    inputs.map((i) => i.id),
    start,
  );
  let first: string | null = null;
  let last: string | null = null;
  for (const input of inputs) {
    const measured = values.get(input.id) ?? [];
    const head = measured[0];
    const tail = measured[measured.length - 1];
    if (!head || !tail) return; // an input without values: nothing to compute yet
    if (first === null || head.periodStart > first) first = head.periodStart;
    const end = periodEnd(tail.periodStart, input.frequency);
    if (last === null || end < last) last = end;
  }
  if (first === null || last === null) return;
  if (from !== null && from > first) first = from;
  if (last > today) last = today;
  if (first > last) return;
  const rows: Array<{ kpiId: string; periodStart: string; value: number; note: string }> = [];
  for (const periodStart of periodsBetween(
    periodStartOf(first, kpi.frequency, opts),
    last,
    kpi.frequency,
    opts,
  )) {
    const scope = new Map<string, number>();
    for (const input of inputs) {
      const value = valueForPeriod(
        {
          measurements: windowFor(values.get(input.id) ?? [], periodStart),
          frequency: input.frequency,
          aggregation: input.aggregation,
        },
        { periodStart, frequency: kpi.frequency },
      );
      if (value === null) break;
      scope.set(input.key, value);
    }
    if (scope.size !== inputs.length) continue;
    const value = evaluateFormula(parsed.ast, scope);
    if (value !== null) rows.push({ kpiId: kpi.id, periodStart, value, note: "" });
  }
  const writer = {
    organizationId: kpi.organizationId,
    authorUserId: null,
    tokenId: null,
    source: "formula" as const,
  };
  for (let i = 0; i < rows.length; i += 5000) await writeMeasurementBatch(q, writer, rows.slice(i, i + 5000));
}

/**
 * The measurements that can matter for one target period: those from a quarter before
 * it to a quarter after it (the widest period there is), found by binary search so a
 * five-year daily history is not scanned once per period.
 */
function windowFor(measured: readonly MeasuredPeriod[], periodStart: string): MeasuredPeriod[] {
  const lowDate = shiftDays(periodStart, -93);
  const highDate = shiftDays(periodStart, 93);
  return measured.slice(lowerBound(measured, lowDate), lowerBound(measured, highDate));
}

function lowerBound(measured: readonly MeasuredPeriod[], date: string): number {
  let lo = 0;
  let hi = measured.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((measured[mid] as MeasuredPeriod).periodStart < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function earliestStart(from: string, involved: readonly KpiRow[], opts: PeriodOptions): string {
  let start = from;
  for (const k of involved) {
    const s = periodStartOf(from, k.frequency, opts);
    if (s < start) start = s;
  }
  return start;
}

async function calendarOf(q: Queryable, organizationId: string) {
  const settings = await periodOptionsOf(q, organizationId);
  return {
    today: todayIn(settings.timeZone, new Date()),
    opts: { weekStart: settings.weekStart, fiscalYearStartMonth: settings.fiscalYearStartMonth },
  };
}

/**
 * Opens or closes escalations for KPIs whose values changed: red (or through an active
 * floor) opens one if none is unresolved; enough green periods in a row close it.
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
  const values = await latestValues(q, organizationId, activeIds, longestStreak + 1);
  const open = await unresolvedEscalationsOf(q, organizationId, activeIds);
  const floors = await activeFloorsOf(q, organizationId, activeIds, today);
  for (const kpi of rows) {
    const measured = (values.get(kpi.id) ?? []).filter((m) => m.periodStart <= today);
    const latest = measured[measured.length - 1];
    if (!latest) continue;
    const history = statusHistory(measured, bands.get(kpi.id) ?? [], kpi.direction);
    const floor = floors.find(
      (f) => f.kpiId === kpi.id && floorBreached(latest.value, kpi.direction, f.threshold),
    );
    const escalation = open.get(kpi.id);
    const { decision, reason } = escalationDecision({
      open: Boolean(escalation),
      recent: history.map((h) => h.status),
      floorBreached: Boolean(floor),
      closeAfterGreenPeriods: kpi.closeAfterGreenPeriods,
    });
    if (decision === "open" && reason) {
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
        greenPeriods: kpi.closeAfterGreenPeriods,
        now,
      });
    }
  }
}
