/**
 * The consolidated report as a PDF, drawn on the server: a cover (organisation, subtree,
 * cycle, date, the teams in it), then each team that has something to report on a page
 * of its own: OKRs with their KRs, health and linter summary; KPIs with a chart of the
 * cycle's values each; floors; escalations.
 */
import { STATUS_LABELS } from "../../../domain/okr/status.ts";
import { lightPalette } from "../../../shared/charts/chart-option.ts";
import { kpiChartOption, kpiChartSummary } from "../../../shared/charts/kpi-chart-option.ts";
import { formatKpiValue } from "../../../shared/kpi-format.ts";
import type { OkrStatus } from "../../../shared/schemas/okrs.ts";
import type { ConsolidatedReport, ReportKpi, ReportTeam } from "../../../shared/schemas/reports.ts";
import { PdfWriter } from "../../lib/pdf/pdf-writer.ts";
import { renderChartSvg } from "../../lib/render-chart-svg.ts";

const CHART = { width: 499, height: 120 };
const GREY = lightPalette.dimmed;
const OKR_COLOURS: Record<OkrStatus, string> = {
  on_track: lightPalette.green,
  at_risk: lightPalette.amber,
  off_track: lightPalette.red,
  stale: GREY,
  not_started: GREY,
  draft: GREY,
};
const KPI_WORDS = { green: "Green", amber: "Amber", red: "Red", no_data: "No data" } as const;

const percent = (v: number | null) => (v === null ? "–" : `${Math.round(v * 100)} %`);
const okrStatus = (s: OkrStatus) => ({
  text: s === "draft" ? "Draft" : STATUS_LABELS[s],
  color: OKR_COLOURS[s],
});
const kpiStatus = (s: ReportKpi["status"]) =>
  s ? { text: KPI_WORDS[s], color: s === "no_data" ? GREY : lightPalette[s] } : "–";
const plain = (v: number | null, unit = "") => (v === null ? "–" : `${v}${unit ? ` ${unit}` : ""}`);

function hasContent(team: ReportTeam): boolean {
  const okrs = team.okrs ? team.okrs.objectives.length + team.okrs.lint.open + team.okrs.lint.dismissed : 0;
  const kpis = team.kpis ? team.kpis.kpis.length + team.kpis.floors.length + team.kpis.escalations.length : 0;
  return okrs + kpis > 0;
}

function cover(pdf: PdfWriter, report: ConsolidatedReport, shown: ReportTeam[]) {
  const { cycle } = report;
  pdf.heading("Consolidated OKR and KPI report", 22);
  pdf.line(`Organisation: ${report.organization.name}`, { size: 12 });
  pdf.line(`Subtree: ${report.subtree?.name ?? "Whole organisation"}`, { size: 12 });
  pdf.line(`Cycle: ${cycle.name} (${cycle.startsOn} to ${cycle.endsOn}, ${cycle.state})`, { size: 12 });
  pdf.line(`Date: ${report.generatedAt.slice(0, 16).replace("T", " ")} UTC`, { size: 12 });
  pdf.gap(1);
  if (shown.length === 0) {
    pdf.heading("Nothing in this cycle", 12);
    pdf.line(
      "No team in this subtree has Objectives, KPIs, floors, escalations or linter findings to report in this cycle.",
    );
    return;
  }
  const t = report.totals;
  pdf.line(
    `${t.teams} teams · ${t.objectives} Objectives · ${t.keyResults} Key Results · ${t.kpis} KPIs · ${t.floors} floors · ${t.escalations} escalations · ${t.openFindings} open linter findings`,
  );
  pdf.gap();
  pdf.table(
    [
      { title: "Team", width: 200 },
      { title: "OKR health", width: 80 },
      { title: "Objectives", width: 60, align: "right" },
      { title: "KPIs", width: 45, align: "right" },
      { title: "Red KPIs", width: 54, align: "right" },
      { title: "Escalations", width: 60, align: "right" },
    ],
    report.teams.map((team) => [
      `${"  ".repeat(Math.min(team.depth, 6))}${team.name}`,
      team.okrs?.health.overall ? okrStatus(team.okrs.health.overall) : "–",
      team.okrs ? String(team.okrs.objectives.length) : "–",
      team.kpis ? String(team.kpis.kpis.length) : "–",
      team.kpis ? String(team.kpis.kpis.filter((k) => k.status === "red").length) : "–",
      team.kpis ? String(team.kpis.escalations.length) : "–",
    ]),
  );
}

function okrSection(pdf: PdfWriter, okrs: NonNullable<ReportTeam["okrs"]>) {
  const { health } = okrs;
  pdf.heading("OKRs", 12);
  const counts = Object.entries(health.counts)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${STATUS_LABELS[status as keyof typeof STATUS_LABELS].toLowerCase()}`);
  pdf.line(
    health.overall
      ? `Health: ${okrStatus(health.overall).text} (${health.total} Objective${health.total === 1 ? "" : "s"}: ${counts.join(", ")})`
      : "No Objectives in this cycle.",
  );
  for (const o of okrs.objectives) {
    pdf.gap(0.4);
    const grade = o.grade === null ? "" : ` · grade ${o.grade}`;
    const outcome = o.outcome ? ` · ${o.outcome}` : "";
    pdf.line(
      `${o.title ?? "An Objective visible to its team only"} — ${okrStatus(o.status).text}, progress ${percent(o.progress)} of ${percent(o.expectedProgress)} expected${grade}${outcome}`,
      { size: 10 },
    );
    if (o.keyResults.length === 0) continue;
    pdf.table(
      [
        { title: "Key Result", width: 170 },
        { title: "Owner", width: 75 },
        { title: "Current / target", width: 90 },
        { title: "Progress", width: 45, align: "right" },
        { title: "Status", width: 55 },
        { title: "Conf.", width: 27, align: "right" },
        { title: "Score", width: 37, align: "right" },
      ],
      o.keyResults.map((kr) => [
        kr.title,
        kr.ownerName ?? "–",
        kr.kind === "milestone"
          ? kr.done
            ? "Done"
            : "Not done"
          : `${plain(kr.currentValue)} / ${plain(kr.targetValue, kr.unit)}`,
        percent(kr.progress),
        okrStatus(kr.status),
        kr.lastConfidence === null ? "–" : String(kr.lastConfidence),
        kr.finalScore === null ? "–" : String(kr.finalScore),
      ]),
    );
  }
  const { lint } = okrs;
  pdf.gap(0.4);
  pdf.line(
    `Linter: ${lint.open} open, ${lint.dismissed} dismissed${lint.byRule.length ? ` (${lint.byRule.map((r) => `${r.rule}: ${r.open + r.dismissed}`).join(", ")})` : ""}`,
    { dimmed: true },
  );
}

function kpiSection(pdf: PdfWriter, kpis: NonNullable<ReportTeam["kpis"]>, report: ConsolidatedReport) {
  if (kpis.kpis.length > 0) {
    pdf.heading("KPIs", 12);
    pdf.table(
      [
        { title: "KPI", width: 170 },
        { title: "Owner", width: 85 },
        { title: "Value", width: 70, align: "right" },
        { title: "Target", width: 70, align: "right" },
        { title: "Status", width: 54 },
        { title: "Trend", width: 50 },
      ],
      kpis.kpis.map((k) => [
        k.name,
        k.ownerName,
        formatKpiValue(k.value, k, "en-GB"),
        formatKpiValue(k.target, k, "en-GB"),
        kpiStatus(k.status),
        k.trend.direction,
      ]),
    );
    const from = Date.parse(report.cycle.startsOn);
    const to = Date.parse(report.cycle.endsOn);
    // A line needs two values; a KPI with one value in the cycle has it in the table above.
    for (const k of kpis.kpis.filter((kpi) => kpi.values.length > 1)) {
      const series = { points: k.values, bands: k.bands };
      const option = kpiChartOption({ kpi: k, series, from, to, palette: lightPalette, interactive: false });
      pdf.svg(renderChartSvg(option, CHART), CHART, kpiChartSummary(k, series));
    }
  }
  if (kpis.floors.length > 0) {
    pdf.heading("KPI floor", 12);
    pdf.table(
      [
        { title: "KPI", width: 170 },
        { title: "Owner", width: 90 },
        { title: "Threshold", width: 75, align: "right" },
        { title: "Value", width: 75, align: "right" },
        { title: "Status", width: 50 },
        { title: "Breached", width: 39 },
      ],
      kpis.floors.map((f) => [
        f.kpi.name,
        f.ownerName,
        formatKpiValue(f.threshold, f.kpi, "en-GB"),
        formatKpiValue(f.kpi.value, f.kpi, "en-GB"),
        kpiStatus(f.kpi.status),
        f.breached ? { text: "Yes", color: lightPalette.red } : "No",
      ]),
    );
  }
  if (kpis.escalations.length > 0) {
    pdf.heading("Escalations", 12);
    pdf.table(
      [
        { title: "KPI", width: 160 },
        { title: "Reason", width: 45 },
        { title: "State", width: 75 },
        { title: "Period", width: 70 },
        { title: "Value", width: 75, align: "right" },
        { title: "Opened", width: 74 },
      ],
      kpis.escalations.map((e) => [
        e.kpiName,
        e.reason,
        e.state,
        e.periodStart,
        String(e.value),
        e.openedAt.slice(0, 10),
      ]),
    );
  }
}

/** The report's PDF bytes. */
export function reportPdf(report: ConsolidatedReport): Promise<Buffer> {
  const scope = report.subtree?.name ?? "Whole organisation";
  const pdf = new PdfWriter({
    title: `${report.organization.name}: ${scope}, ${report.cycle.name}`,
    author: report.organization.name,
  });
  const shown = report.teams.filter(hasContent);
  cover(pdf, report, shown);
  for (const team of shown) {
    pdf.newPage();
    pdf.heading(team.name, 16);
    const kinds = { okr: "OKRs", kpi: "KPIs", both: "OKRs and KPIs" } as const;
    pdf.line(`Runs ${kinds[team.methodology]} · ${report.cycle.name}`, { dimmed: true });
    if (team.okrs) okrSection(pdf, team.okrs);
    if (team.kpis) kpiSection(pdf, team.kpis, report);
  }
  return pdf.finish();
}
