import type { Queryable } from "../../../db/client.ts";
import { todayIn } from "../../../domain/dates.ts";
import { frequencyRank, valueForPeriod } from "../../../domain/kpi/aggregation.ts";
import { evaluateFormula, parseFormula } from "../../../domain/kpi/formula.ts";
import { periodEnd, periodStartOf, periodsBetween } from "../../../domain/kpi/periods.ts";
import type { MeasuredPeriod, PeriodOptions } from "../../../domain/kpi/types.ts";
import { type KpiRow, kpisByKeys, periodOptionsOf } from "../../repositories/kpi-repository.ts";
import {
  lockKpisForWrite,
  retireMeasurements,
  valuesSince,
  writeMeasurementBatch,
} from "../../repositories/measurement-repository.ts";

export type Calendar = { today: string; opts: PeriodOptions };

export async function calendarOfOrganization(
  q: Queryable,
  organizationId: string,
  now: Date,
): Promise<Calendar> {
  const settings = await periodOptionsOf(q, organizationId);
  return {
    today: todayIn(settings.timeZone, now),
    opts: { weekStart: settings.weekStart, fiscalYearStartMonth: settings.fiscalYearStartMonth },
  };
}

/**
 * Recomputes a formula KPI's values from `from` (null: its whole history) out of its
 * inputs' values, and writes them as one batch (source "formula"); writing queues the
 * KPI, so its own dependents follow in the next round of the queue.
 * - A period where an input has no value, or the formula has no finite result (a
 *   division by zero), gets no value, and a value it had before is retired to history:
 *   a formula never shows a number its inputs no longer give.
 * - A period still running is left out when an input is finer than the formula (daily
 *   sales in a monthly revenue): its sum so far would look like a collapse and escalate.
 * - Archived inputs count with the values they have.
 */
export async function recomputeFormulaKpi(
  q: Queryable,
  kpi: KpiRow,
  from: string | null,
  calendar: Calendar,
): Promise<void> {
  if (!kpi.formula || kpi.state !== "active") return;
  const parsed = parseFormula(kpi.formula);
  if (!parsed.ok) return; // stored formulas were checked when saved
  // The formula KPI's row is locked first: two recomputes of one formula (two instances
  // draining the queue) then run one after the other, and the later one reads the
  // inputs the earlier one did not see.
  await lockKpisForWrite(q, kpi.organizationId, [kpi.id]);
  const { today, opts } = calendar;
  const inputs = await kpisByKeys(q, kpi.organizationId, parsed.inputs);
  if (inputs.length !== parsed.inputs.length) return;
  const start = from === null ? "1900-01-01" : earliestStart(from, [kpi, ...inputs], opts);
  const values = await valuesSince(q, kpi.organizationId, [kpi.id, ...inputs.map((i) => i.id)], start);
  const finerInput = inputs.some((i) => frequencyRank(i.frequency) < frequencyRank(kpi.frequency));
  const own = new Map((values.get(kpi.id) ?? []).map((m) => [m.periodStart, m.value]));

  let first: string | null = null;
  let last: string | null = null;
  for (const input of inputs) {
    const measured = values.get(input.id) ?? [];
    const head = measured[0];
    const tail = measured[measured.length - 1];
    if (!head || !tail) {
      first = null;
      break;
    }
    if (first === null || head.periodStart > first) first = head.periodStart;
    const end = periodEnd(tail.periodStart, input.frequency);
    if (last === null || end < last) last = end;
  }
  const rows: Array<{ kpiId: string; periodStart: string; value: number; note: string }> = [];
  const computed = new Set<string>();
  if (first !== null && last !== null) {
    if (from !== null && from > first) first = from;
    if (last > today) last = today;
    const periods =
      first <= last
        ? periodsBetween(periodStartOf(first, kpi.frequency, opts), last, kpi.frequency, opts)
        : [];
    for (const periodStart of periods) {
      if (finerInput && periodEnd(periodStart, kpi.frequency) >= today) continue;
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
      if (value === null) continue;
      computed.add(periodStart);
      if (own.get(periodStart) !== value) rows.push({ kpiId: kpi.id, periodStart, value, note: "" });
    }
  }
  const writer = {
    organizationId: kpi.organizationId,
    authorUserId: null,
    tokenId: null,
    source: "formula" as const,
  };
  for (let i = 0; i < rows.length; i += 5000) await writeMeasurementBatch(q, writer, rows.slice(i, i + 5000));
  const rangeStart = periodStartOf(from ?? "1900-01-01", kpi.frequency, opts);
  const orphaned = [...own.keys()].filter((p) => p >= rangeStart && !computed.has(p));
  if (orphaned.length > 0) await retireMeasurements(q, kpi.organizationId, kpi.id, orphaned);
}

/**
 * The measurements that can matter for one target period: from a quarter before it to a
 * quarter after it (the widest period there is), found by binary search, so a five-year
 * daily history is not scanned once per period.
 */
function windowFor(measured: readonly MeasuredPeriod[], periodStart: string): MeasuredPeriod[] {
  return measured.slice(
    lowerBound(measured, shiftDays(periodStart, -93)),
    lowerBound(measured, shiftDays(periodStart, 93)),
  );
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

/** From the start of the coarsest period involved, so a monthly input counts whole. */
function earliestStart(from: string, involved: readonly KpiRow[], opts: PeriodOptions): string {
  let start = from;
  for (const k of involved) {
    const s = periodStartOf(from, k.frequency, opts);
    if (s < start) start = s;
  }
  return start;
}
