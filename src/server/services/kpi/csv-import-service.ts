import { longStatements } from "../../../db/pg-pool.ts";
import { AppError } from "../../../shared/errors.ts";
import { parseDecimal, readCsvValues } from "../../../shared/kpi-csv.ts";
import { calendarDate } from "../../../shared/schemas/kpis.ts";
import type { Actor, Deps } from "../../context.ts";
import { valuesAt, writeMeasurementBatch } from "../../repositories/measurement-repository.ts";
import { type BatchRow, resolveBatch } from "./measurement-batch.ts";
import { calendarOf } from "./measurement-service.ts";
import { recomputeAfterWrite } from "./recompute-service.ts";

type ReportRow = {
  row: number;
  kpiKey: string;
  kpiName: string | null;
  periodStart: string | null;
  value: number | null;
  outcome: "create" | "correct" | "unchanged" | "error";
  previousValue: number | null;
  error: string | null;
};

const REQUIRED = ["kpi", "date", "value"] as const;
const dateCheck = calendarDate();

/**
 * CSV import: a header row naming `kpi`, `date`, `value` (and optionally `note`), one
 * value per line. The preview (dry run) reports each row's outcome; the import writes all
 * rows or, if any row is broken, none, and the report names the line and the reason.
 * Line numbers count the header as line 1, as a spreadsheet shows them.
 */
export async function importCsv(deps: Deps, actor: Actor, input: { csv: string; dryRun: boolean }) {
  let parsed: ReturnType<typeof readCsvValues>;
  try {
    parsed = readCsvValues(input.csv);
  } catch (error) {
    throw new AppError("validation_failed", `csv: the file is not valid CSV (${(error as Error).message})`, {
      issues: [{ field: "csv", message: (error as Error).message }],
    });
  }
  const { columns, rows: lines } = parsed;
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new AppError(
      "validation_failed",
      `csv: the header row must name the columns kpi, date and value (missing: ${missing.join(", ")})`,
      { issues: [{ field: "csv", message: `header row lacks ${missing.join(", ")}` }] },
    );
  }
  if (lines.length === 0) {
    throw new AppError("validation_failed", "csv: the file has a header but no rows", {
      issues: [{ field: "csv", message: "no rows after the header" }],
    });
  }
  const errors: Array<{ row: number; field: string; message: string }> = [];
  const candidates: Array<BatchRow & { line: number }> = [];
  for (const line of lines) {
    const row = line.line;
    const kpi = line.get("kpi");
    const date = line.get("date");
    const rawValue = line.get("value");
    const value = parseDecimal(rawValue);
    if (!kpi) errors.push({ row, field: "kpi", message: "is empty" });
    else if (!dateCheck.safeParse(date).success)
      errors.push({ row, field: "date", message: `"${date}" is not a date written YYYY-MM-DD (1900–2999)` });
    else if (value === null) {
      errors.push({
        row,
        field: "value",
        message: `"${rawValue}" is not a number (use a dot for decimals, no thousands separators)`,
      });
    } else candidates.push({ line: row, kpi, date, value, note: line.get("note") });
  }
  const calendar = await calendarOf(deps, actor);

  const run = async () =>
    deps.db.transaction(async (tx) => {
      // Up to the body limit of values in one statement: a bulk load gets the long limit.
      await longStatements(tx, deps.engine, deps.config.longStatementTimeoutMs);
      const resolved = await resolveBatch(
        tx,
        actor,
        candidates,
        calendar,
        (i, f) => `${candidates[i]?.line}|${f}`,
      );
      for (const issue of resolved.issues) {
        const [row, field] = issue.field.split("|");
        errors.push({ row: Number(row), field: field ?? "kpi", message: issue.message });
      }
      const previous = await valuesAt(tx, actor.organizationId, resolved.rows);
      const report = buildReport(errors, candidates, resolved.rows, previous);
      if (errors.length > 0 || input.dryRun) return { report, outcome: null, kpiIds: [] };
      const outcome = await writeMeasurementBatch(
        tx,
        {
          organizationId: actor.organizationId,
          authorUserId: actor.userId,
          tokenId: actor.tokenId,
          source: "import",
        },
        resolved.rows,
      );
      return {
        report,
        outcome: { received: resolved.rows.length, ...outcome },
        kpiIds: [...new Set(resolved.rows.map((r) => r.kpiId))],
      };
    });
  const { report, outcome, kpiIds } = await run();
  errors.sort((a, b) => a.row - b.row);
  if (!input.dryRun && errors.length > 0) {
    throw new AppError(
      "validation_failed",
      `${errors.length} row${errors.length === 1 ? " has" : "s have"} problems; nothing was imported. First: line ${errors[0]?.row}, ${errors[0]?.field}: ${errors[0]?.message}`,
      {
        issues: errors.slice(0, 100).map((e) => ({ field: `line ${e.row}: ${e.field}`, message: e.message })),
        errors: errors.slice(0, 1000),
      },
    );
  }
  if (outcome) await recomputeAfterWrite(deps, actor.organizationId, kpiIds);
  return { committed: outcome !== null, rows: report, errors, outcome };
}

function buildReport(
  errors: Array<{ row: number; field: string; message: string }>,
  candidates: Array<BatchRow & { line: number }>,
  resolved: Array<{ index: number; kpi: { id: string; name: string }; periodStart: string; value: number }>,
  previous: Map<string, number>,
): ReportRow[] {
  const byLine = new Map<number, ReportRow>();
  const resolvedByIndex = new Map(resolved.map((r) => [r.index, r]));
  candidates.forEach((c, index) => {
    const match = resolvedByIndex.get(index);
    const before = match ? previous.get(`${match.kpi.id}|${match.periodStart}`) : undefined;
    byLine.set(c.line, {
      row: c.line,
      kpiKey: c.kpi,
      kpiName: match?.kpi.name ?? null,
      periodStart: match?.periodStart ?? null,
      value: c.value,
      outcome: match
        ? before === undefined
          ? "create"
          : before === c.value
            ? "unchanged"
            : "correct"
        : "error",
      previousValue: before ?? null,
      error: null,
    });
  });
  for (const e of errors) {
    const existing = byLine.get(e.row);
    byLine.set(e.row, {
      row: e.row,
      kpiKey: existing?.kpiKey ?? "",
      kpiName: existing?.kpiName ?? null,
      periodStart: existing?.periodStart ?? null,
      value: existing?.value ?? null,
      outcome: "error",
      previousValue: existing?.previousValue ?? null,
      error: `${e.field}: ${e.message}`,
    });
  }
  return [...byLine.values()].sort((a, b) => a.row - b.row);
}
