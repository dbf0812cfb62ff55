/**
 * The consolidated report as CSV: one file per table in a zip, every row naming its team,
 * so each file can be filtered or pivoted on its own. An empty section is a file with its
 * header line alone, so a script always finds every file and every column.
 */
import { strToU8, zipSync } from "fflate";
import type { ConsolidatedReport, ReportTeam } from "../../../shared/schemas/reports.ts";
import { type CsvValue, csvTable } from "../../lib/csv-table.ts";

type Table = { headers: string[]; rows: CsvValue[][] };

function perTeam(report: ConsolidatedReport, rowsOf: (team: ReportTeam) => CsvValue[][]): CsvValue[][] {
  return report.teams.flatMap((team) => rowsOf(team).map((row) => [team.name, ...row]));
}

/** Every table of the report, by file name. */
export function reportTables(report: ConsolidatedReport): Record<string, Table> {
  const { cycle } = report;
  return {
    "report.csv": {
      headers: ["organization", "subtree", "cycle", "cycle_state", "starts_on", "ends_on", "generated_at"],
      rows: [
        [
          report.organization.name,
          report.subtree?.name ?? "Whole organisation",
          cycle.name,
          cycle.state,
          cycle.startsOn,
          cycle.endsOn,
          report.generatedAt,
        ],
      ],
    },
    "teams.csv": {
      headers: ["team", "parent_team_id", "team_id", "depth", "methodology", "okr_health", "objectives"],
      rows: report.teams.map((t) => [
        t.name,
        t.parentId,
        t.id,
        t.depth,
        t.methodology,
        t.okrs?.health.overall ?? null,
        t.okrs?.health.total ?? null,
      ]),
    },
    "objectives.csv": {
      headers: [
        "team",
        "objective_id",
        "title",
        "restricted",
        "owner",
        "state",
        "status",
        "progress",
        "expected_progress",
        "grade",
        "outcome",
      ],
      rows: perTeam(report, (t) =>
        (t.okrs?.objectives ?? []).map((o) => [
          o.id,
          o.title,
          o.restricted,
          o.ownerName,
          o.state,
          o.status,
          o.progress,
          o.expectedProgress,
          o.grade,
          o.outcome,
        ]),
      ),
    },
    "key_results.csv": {
      headers: [
        "team",
        "objective_id",
        "key_result_id",
        "title",
        "kind",
        "owner",
        "start",
        "target",
        "current",
        "done",
        "unit",
        "progress",
        "status",
        "confidence",
        "final_score",
      ],
      rows: perTeam(report, (t) =>
        (t.okrs?.objectives ?? []).flatMap((o) =>
          o.keyResults.map((kr) => [
            o.id,
            kr.id,
            kr.title,
            kr.kind,
            kr.ownerName,
            kr.startValue,
            kr.targetValue,
            kr.currentValue,
            kr.done,
            kr.unit,
            kr.progress,
            kr.status,
            kr.lastConfidence,
            kr.finalScore,
          ]),
        ),
      ),
    },
    "kpis.csv": {
      headers: [
        "team",
        "kpi_id",
        "key",
        "name",
        "owner",
        "unit",
        "currency",
        "direction",
        "frequency",
        "value",
        "period_start",
        "status",
        "target",
        "trend",
      ],
      rows: perTeam(report, (t) =>
        (t.kpis?.kpis ?? []).map((k) => [
          k.id,
          k.key,
          k.name,
          k.ownerName,
          k.unit,
          k.currency,
          k.direction,
          k.frequency,
          k.value,
          k.periodStart,
          k.status,
          k.target,
          k.trend.direction,
        ]),
      ),
    },
    "kpi_values.csv": {
      headers: ["team", "kpi_key", "period_start", "value"],
      rows: perTeam(report, (t) =>
        (t.kpis?.kpis ?? []).flatMap((k) => k.values.map((v) => [k.key, v.periodStart, v.value])),
      ),
    },
    "floors.csv": {
      headers: ["team", "kpi_key", "kpi_name", "owner", "threshold", "value", "status", "breached"],
      rows: perTeam(report, (t) =>
        (t.kpis?.floors ?? []).map((f) => [
          f.kpi.key,
          f.kpi.name,
          f.ownerName,
          f.threshold,
          f.kpi.value,
          f.kpi.status,
          f.breached,
        ]),
      ),
    },
    "escalations.csv": {
      headers: [
        "team",
        "kpi_key",
        "kpi_name",
        "reason",
        "state",
        "period_start",
        "value",
        "opened_at",
        "acknowledged_by",
        "resolved_at",
        "resolution",
      ],
      rows: perTeam(report, (t) =>
        (t.kpis?.escalations ?? []).map((e) => [
          e.kpiKey,
          e.kpiName,
          e.reason,
          e.state,
          e.periodStart,
          e.value,
          e.openedAt,
          e.acknowledgedByName,
          e.resolvedAt,
          e.resolution,
        ]),
      ),
    },
    "lint_summary.csv": {
      headers: ["team", "rule", "open", "dismissed"],
      rows: perTeam(report, (t) => (t.okrs?.lint.byRule ?? []).map((r) => [r.rule, r.open, r.dismissed])),
    },
  };
}

/** The zip's bytes: each table as a UTF-8 CSV file with a byte-order mark (spreadsheets read it as UTF-8). */
export function reportCsvZip(report: ConsolidatedReport): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const mtime = new Date(report.generatedAt);
  for (const [name, table] of Object.entries(reportTables(report))) {
    files[name] = strToU8(`\uFEFF${csvTable(table.headers, table.rows)}`);
  }
  return zipSync(files, { level: 6, mtime });
}
