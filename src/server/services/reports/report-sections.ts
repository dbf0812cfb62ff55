/** Shapes what the OKR and KPI services present into the consolidated report's rows. */

import type { z } from "zod";
import type { MeasuredPeriod } from "../../../domain/kpi/types.ts";
import type { Escalation } from "../../../shared/schemas/escalations.ts";
import type { KpiCard } from "../../../shared/schemas/kpis.ts";
import type { ObjectiveFindingsSchema } from "../../../shared/schemas/okr-lint.ts";
import type { Objective } from "../../../shared/schemas/okrs.ts";
import type {
  ReportLintSummary as LintSummary,
  ReportEscalation,
  ReportKpi,
  ReportObjective,
} from "../../../shared/schemas/reports.ts";

type ObjectiveFindings = z.infer<typeof ObjectiveFindingsSchema>;

/**
 * An Objective as the report shows it. A team-visible Objective the reader is outside of
 * keeps its numbers (it counts in every roll-up) but loses its title and its KRs.
 */
export function reportObjective(o: Objective): ReportObjective {
  return {
    id: o.id,
    title: o.restricted ? null : o.title,
    restricted: o.restricted,
    ownerName: o.ownerName,
    state: o.state,
    progress: o.progress,
    expectedProgress: o.expectedProgress,
    status: o.status,
    grade: o.grade,
    outcome: o.outcome,
    keyResults: o.restricted
      ? []
      : o.keyResults
          .filter((kr) => !kr.archived)
          .map((kr) => ({
            id: kr.id,
            title: kr.title,
            kind: kr.kind,
            ownerName: kr.ownerName,
            startValue: kr.startValue,
            targetValue: kr.targetValue,
            currentValue: kr.currentValue,
            done: kr.done,
            unit: kr.unit,
            progress: kr.progress,
            status: kr.status,
            lastConfidence: kr.lastConfidence,
            finalScore: kr.finalScore,
          })),
  };
}

export function reportKpi(card: KpiCard, values: MeasuredPeriod[]): ReportKpi {
  return {
    id: card.id,
    key: card.key,
    name: card.name,
    ownerName: card.ownerName,
    unit: card.unit,
    decimals: card.decimals,
    currency: card.currency,
    direction: card.direction,
    frequency: card.frequency,
    value: card.current.value,
    periodStart: card.current.periodStart,
    status: card.current.status,
    target: card.bandsInForce?.target ?? null,
    trend: card.trend,
    bands: card.bands,
    values,
  };
}

export function reportEscalation(e: Escalation): ReportEscalation {
  return {
    id: e.id,
    kpiKey: e.kpi.key,
    kpiName: e.kpi.name,
    reason: e.reason,
    state: e.state,
    periodStart: e.periodStart,
    value: e.value,
    openedAt: e.openedAt,
    acknowledgedByName: e.acknowledgedByName,
    resolvedAt: e.resolvedAt,
    resolution: e.resolution,
  };
}

/** The linter's findings on a team's Objectives, counted per rule (rules in name order). */
export function lintSummary(objectives: readonly ObjectiveFindings[]): LintSummary {
  const byRule = new Map<string, { open: number; dismissed: number }>();
  let open = 0;
  let dismissed = 0;
  for (const finding of objectives.flatMap((o) => o.findings)) {
    const counts = byRule.get(finding.rule) ?? { open: 0, dismissed: 0 };
    counts[finding.status]++;
    byRule.set(finding.rule, counts);
    if (finding.status === "open") open++;
    else dismissed++;
  }
  return {
    open,
    dismissed,
    byRule: [...byRule.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([rule, counts]) => ({ rule, ...counts })),
  };
}
