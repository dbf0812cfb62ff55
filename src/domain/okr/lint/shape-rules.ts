import type { LintContext } from "./context.ts";
import { normalise } from "./text.ts";
import type { DraftKeyResult, DraftObjective, RuleHit } from "./types.ts";

/**
 * Rules on the shape of the set rather than its words: `too-many`, `no-floor` and
 * `missing-pieces`.
 */

export const TOO_MANY = "too-many" as const;
export const NO_FLOOR = "no-floor" as const;
export const MISSING_PIECES = "missing-pieces" as const;

/** More company-level Objectives in the cycle, or more KRs on this one, than the limits. */
export function tooMany(draft: DraftObjective, context: LintContext): RuleHit[] {
  const hits: RuleHit[] = [];
  const { companyObjectivesPerCycle, keyResultsPerObjective } = context.limits;
  const company = context.otherCompanyObjectives + 1;
  if (context.companyLevel && company > companyObjectivesPerCycle) {
    hits.push({
      message:
        `This would be company Objective number ${company} this cycle; the limit is ${companyObjectivesPerCycle}. ` +
        "With more, none gets the focus it needs: merge Objectives, or leave one for next cycle.",
    });
  }
  const krs = (draft.keyResults ?? []).length;
  if (krs > keyResultsPerObjective) {
    hits.push({
      message:
        `${krs} Key Results on one Objective; the limit is ${keyResultsPerObjective}. ` +
        "Keep the few that prove the Objective was reached; the rest are tasks or KPIs to watch.",
    });
  }
  return hits;
}

/** A cycle for a team whose subtree has KPIs, with no KPI floor for the team. */
export function noFloor(context: LintContext): RuleHit | null {
  const floor = context.floor;
  if (!floor?.subtreeHasKpis || floor.hasFloor) return null;
  return {
    message:
      "This team has no KPI floor for this cycle: nothing says which KPIs must not fall while the team " +
      "chases its Objectives. Pick the few that matter and the level each must stay above.",
    fix: { kind: "add-floor", teamId: floor.teamId, cycleId: floor.cycleId },
  };
}

/** A KPI of the team whose name the KR title mentions: reading it gives the KR its numbers. */
function kpiNamedIn(kr: DraftKeyResult, context: LintContext) {
  const title = ` ${normalise(kr.title)} `;
  return context.teamKpis.find((kpi) => {
    const name = normalise(kpi.name);
    return name.length >= 3 && title.includes(` ${name} `);
  });
}

/** A KR with no owner, or a metric KR with no start or no target. */
export function missingKeyResultPieces(kr: DraftKeyResult, context: LintContext): RuleHit | null {
  const missing: string[] = [];
  if (!kr.ownerUserId) missing.push("an owner");
  const metric = (kr.kind ?? "metric") === "metric";
  const unmeasured = metric && !kr.kpiId && (kr.targetValue == null || kr.startValue == null);
  if (unmeasured) missing.push(kr.targetValue == null ? "a measurable target" : "a start value");
  if (missing.length === 0) return null;
  const kpi = unmeasured ? kpiNamedIn(kr, context) : undefined;
  return {
    message:
      `This Key Result has no ${missing.map((piece) => piece.replace(/^an? /, "")).join(" and no ")}. ` +
      "A Key Result needs one person who checks in on it and a number (start and target) or a " +
      "milestone that says unambiguously whether it was reached.",
    ...(kpi ? { fix: { kind: "link-kpi" as const, kpiId: kpi.id, kpiName: kpi.name } } : {}),
  };
}

/** An Objective without health KPIs: nothing guards what it might break. */
export function missingHealthKpis(draft: DraftObjective, context: LintContext): RuleHit | null {
  if ((draft.healthKpiIds ?? []).length > 0) return null;
  const read = new Set((draft.keyResults ?? []).map((kr) => kr.kpiId).filter(Boolean));
  const suggested = context.teamKpis
    .filter((kpi) => !read.has(kpi.id))
    .slice(0, 2)
    .map((kpi) => kpi.id);
  return {
    message:
      "This Objective has no health KPIs. Name the 2–4 KPIs it must not break while it changes " +
      "something (e.g. churn while pushing sales), so a win here cannot hide a loss there.",
    ...(suggested.length > 0 ? { fix: { kind: "link-health-kpis" as const, kpiIds: suggested } } : {}),
  };
}
