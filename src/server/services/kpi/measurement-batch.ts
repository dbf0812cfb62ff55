import type { Queryable } from "../../../db/client.ts";
import { periodLabel, periodStartOf } from "../../../domain/kpi/periods.ts";
import type { PeriodOptions } from "../../../domain/kpi/types.ts";
import type { FieldIssue } from "../../../shared/errors.ts";
import type { Actor } from "../../context.ts";
import type { KpiRow } from "../../repositories/kpi-repository.ts";
import { lockKpisByIdOrKey } from "../../repositories/kpi-write-lock-repository.ts";
import type { MeasurementInput } from "../../repositories/measurement-repository.ts";
import { kpiValueWriter } from "./kpi-access.ts";
import { refusalFor } from "./measurement-service.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type BatchRow = { kpi: string; date?: string | undefined; value: number; note?: string | undefined };

export type ResolvedBatch = {
  rows: Array<MeasurementInput & { kpi: KpiRow; index: number }>;
  issues: Array<FieldIssue & { index: number }>;
};

/**
 * Resolves a batch of values (bulk API, CSV import) against the organisation's KPIs in
 * a fixed number of queries: every KPI reference (key or id) must exist, be active, take
 * values from people and be writable by the caller; dates may not lie in the future;
 * and no two rows may land on the same KPI period (the second would silently win).
 * Issues carry the row's index and a field such as `measurements[12].kpi`.
 */
export async function resolveBatch(
  q: Queryable,
  actor: Actor,
  input: readonly BatchRow[],
  calendar: { today: string; opts: PeriodOptions },
  fieldOf: (index: number, field: string) => string,
): Promise<ResolvedBatch> {
  const refs = [...new Set(input.map((r) => r.kpi))];
  const ids = refs.filter((r) => UUID.test(r)).map((r) => r.toLowerCase());
  const keys = refs.filter((r) => !UUID.test(r));
  // Locked (in id order, like every writer) so a KPI cannot be archived between this
  // check and the write. This is the batch's one lock on its KPIs: the write itself takes
  // none (its callers hold this), and the values table's trigger (migration 0007) asks
  // for a weaker lock the transaction already holds, which costs no wait.
  const found = await lockKpisByIdOrKey(q, actor.organizationId, { ids, keys });
  const byRef = new Map<string, KpiRow>();
  for (const k of found) {
    byRef.set(k.key, k);
    byRef.set(k.id, k);
  }
  const mayWrite = await kpiValueWriter(q, actor);
  // A batch names few KPIs many times: judge each reference once, not once per row.
  const verdicts = new Map<string, { kpi: KpiRow } | { refusal: string }>();
  for (const ref of refs) {
    const kpi = byRef.get(UUID.test(ref) ? ref.toLowerCase() : ref);
    const refusal = !kpi
      ? `no KPI with the key or id "${ref}" in this organisation`
      : (refusalFor(kpi) ??
        (mayWrite(kpi)
          ? null
          : `you may not enter values for "${kpi.key}": its owner, its team's leads and admins may`));
    verdicts.set(ref, kpi && !refusal ? { kpi } : { refusal: refusal ?? "" });
  }

  const issues: ResolvedBatch["issues"] = [];
  const rows: ResolvedBatch["rows"] = [];
  // KPI id → period start → the row that has it.
  const seen = new Map<string, Map<string, number>>();
  for (let index = 0; index < input.length; index++) {
    const given = input[index]!;
    const verdict = verdicts.get(given.kpi)!;
    if ("refusal" in verdict) {
      issues.push({ index, field: fieldOf(index, "kpi"), message: verdict.refusal });
      continue;
    }
    const kpi = verdict.kpi;
    const date = given.date ?? calendar.today;
    if (date > calendar.today) {
      issues.push({
        index,
        field: fieldOf(index, "date"),
        message: `${date} is in the future (today is ${calendar.today})`,
      });
      continue;
    }
    const periodStart = periodStartOf(date, kpi.frequency, calendar.opts);
    let slots = seen.get(kpi.id);
    if (!slots) {
      slots = new Map();
      seen.set(kpi.id, slots);
    }
    const earlier = slots.get(periodStart);
    if (earlier !== undefined) {
      issues.push({
        index,
        field: fieldOf(index, "date"),
        message: `another row (${fieldOf(earlier, "date")}) is already for ${kpi.key}, ${periodLabel(periodStart, kpi.frequency, calendar.opts)}; send one value per period`,
      });
      continue;
    }
    slots.set(periodStart, index);
    rows.push({
      index,
      kpi,
      kpiId: kpi.id,
      periodStart,
      value: given.value,
      note: (given.note ?? "").trim(),
    });
  }
  return { rows, issues };
}
