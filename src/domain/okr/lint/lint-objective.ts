import { activityAsKeyResult } from "./activity-as-key-result.ts";
import { businessAsUsual } from "./business-as-usual.ts";
import { emptyLintContext, type KpiFacts, type LintContext } from "./context.ts";
import { genericObjective } from "./generic-objective.ts";
import { cascadedMirror, recycled, sandbagging } from "./history-rules.ts";
import { quantile } from "./metric.ts";
import { numberAsObjective } from "./number-as-objective.ts";
import { missingHealthKpis, missingKeyResultPieces, noFloor, tooMany } from "./shape-rules.ts";
import type {
  DraftKeyResult,
  DraftObjective,
  Finding,
  Fix,
  KpiRange,
  RuleHit,
  RuleId,
  Severity,
} from "./types.ts";

/**
 * Each rule's severity (documented in docs/okr-linter.md). A warning is a mistake that
 * weakens the OKR, and activating with one open asks for an acknowledgement; an info
 * is worth a look and never in the way: an activity KR can be a fine first step,
 * sandbagging is about past cycles, and missing health KPIs are a gap, not an error.
 */
export const RULE_SEVERITY: Readonly<Record<RuleId, Severity>> = Object.freeze({
  "business-as-usual": "warning",
  recycled: "warning",
  "too-many": "warning",
  "number-as-objective": "warning",
  "cascaded-mirror": "warning",
  sandbagging: "info",
  "no-floor": "warning",
  "missing-pieces": "warning",
  "generic-objective": "warning",
  "activity-as-key-result": "info",
});

/** A KPI needs this many recent values before its P10–P90 says what is usual. */
export const MIN_VALUES_FOR_RANGE = 6;
/** How many of a KPI's latest periods make its usual range. */
export const RANGE_PERIODS = 12;

/** The linked KPI's usual range: P10–P90 of its last 12 values, when it has enough. */
export function usualRange(kpi: KpiFacts | undefined): KpiRange | null {
  const values = kpi?.recentValues.slice(-RANGE_PERIODS) ?? [];
  if (values.length < MIN_VALUES_FOR_RANGE) return null;
  return { p10: quantile(values, 0.1), p90: quantile(values, 0.9) };
}

/** A target just past the usual range, in the KPI's good direction, rounded as people write it. */
function beyondRange(kpi: KpiFacts, range: KpiRange): number | null {
  if (kpi.direction === "within_range") return null;
  const up = kpi.direction === "higher_is_better";
  const edge = up ? range.p90 : range.p10;
  const spread = Math.max(range.p90 - range.p10, Math.abs(edge) * 0.02, 1e-9);
  const step = 10 ** Math.floor(Math.log10(spread / 2));
  const target = up
    ? Math.ceil((edge + spread / 2) / step) * step
    : Math.floor((edge - spread / 2) / step) * step;
  return Number(target.toPrecision(12));
}

function keyResultFindings(kr: DraftKeyResult, index: number, context: LintContext): Finding[] {
  const on = `keyResults.${index}` as const;
  const found: Finding[] = [];
  const add = (rule: RuleId, hit: RuleHit | null) => {
    if (hit) found.push({ rule, severity: RULE_SEVERITY[rule], on, ...hit });
  };
  const kpi = kr.kpiId ? context.kpis[kr.kpiId] : undefined;
  const range = usualRange(kpi);
  const bau = businessAsUsual({ ...kr, kpiRange: range });
  if (bau) {
    const target = kr.targetValue;
    const insideRange =
      kpi && range && typeof target === "number" && target >= range.p10 && target <= range.p90;
    const retarget = insideRange && kr.startValue !== target ? beyondRange(kpi, range) : null;
    const fix: Fix =
      retarget !== null
        ? { kind: "re-target", targetValue: retarget }
        : {
            kind: "move-to-kpi-board",
            name: kr.title,
            ...(kr.unit ? { unit: kr.unit } : {}),
            target: typeof target === "number" ? target : null,
          };
    add("business-as-usual", { message: bau.message, fix });
  }
  add("recycled", recycled(kr, context));
  add("cascaded-mirror", cascadedMirror(kr, context));
  add("activity-as-key-result", kr.title.trim() ? activityAsKeyResult(kr) : null);
  add("missing-pieces", missingKeyResultPieces(kr, context));
  return found;
}

/**
 * Keel's OKR linter on one Objective, saved or draft: the ten rules of PRODUCT.md
 * ("Mistakes Keel detects"). Pure: `context` is what the service loaded about the world
 * around the draft (emptyLintContext() when nothing is known). Findings come in a stable
 * order: the Objective's first, then each KR's in order.
 */
export function lintObjective(draft: DraftObjective, context: LintContext = emptyLintContext()): Finding[] {
  const findings: Finding[] = [];
  const onObjective = (rule: RuleId, hit: RuleHit | null, severity = RULE_SEVERITY[rule]) => {
    if (hit) findings.push({ rule, severity, on: "objective", ...hit });
  };
  const title = draft.title.trim();
  const numberHit = title ? numberAsObjective(draft.title) : null;
  onObjective("number-as-objective", numberHit);
  // A bare number is not also reported as generic: one finding per mistake.
  onObjective("generic-objective", numberHit || !title ? null : genericObjective(draft.title));
  for (const hit of tooMany(draft, context)) onObjective("too-many", hit);
  onObjective("no-floor", noFloor(context));
  onObjective("sandbagging", sandbagging(context));
  // Missing health KPIs is a gap to fill, not a mistake: a soft finding.
  onObjective("missing-pieces", missingHealthKpis(draft, context), "info");
  (draft.keyResults ?? []).forEach((kr, index) => {
    findings.push(...keyResultFindings(kr, index, context));
  });
  return findings;
}
