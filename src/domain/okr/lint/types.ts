/**
 * Shapes shared by Keel's wording rules. The rules read a draft as a person types it
 * (titles, optional numbers), so every field beyond the title is optional.
 */

/** The linter's stable rule ids (PRODUCT.md, "Mistakes Keel detects"). */
export const RULE_IDS = [
  "business-as-usual",
  "recycled",
  "too-many",
  "number-as-objective",
  "cascaded-mirror",
  "sandbagging",
  "no-floor",
  "missing-pieces",
  "generic-objective",
  "activity-as-key-result",
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/**
 * "warning": a mistake that weakens the OKR; activating with one open asks for an
 * acknowledgement. "info": worth a look, never in the way (a soft warning).
 */
export type Severity = "warning" | "info";

/** The usual range of a linked KPI: a target inside it asks for no real change. */
export interface KpiRange {
  p10: number;
  p90: number;
}

export interface DraftKeyResult {
  title: string;
  ownerUserId?: string | null;
  kpiId?: string | null;
  kind?: "metric" | "percentage" | "milestone" | string;
  startValue?: number | null;
  targetValue?: number | null;
  unit?: string | null;
  kpiRange?: KpiRange | null;
}

export interface DraftObjective {
  title: string;
  description?: string | null;
  teamId?: string | null;
  cycleId?: string | null;
  ownerUserId?: string | null;
  /** Unset in a draft that says nothing about them, which reads as none. */
  healthKpiIds?: string[];
  keyResults?: DraftKeyResult[];
}

/**
 * A one-click remedy the UI can offer next to a finding, as data the editor can apply:
 * - move-to-kpi-board: drop the KR from the Objective and watch the level as a KPI
 *   (the editor opens the KPI form prefilled with `name`, `unit` and `target`);
 * - re-target: set the KR's target to `targetValue` (beyond the KPI's usual range);
 * - merge: drop the KR, the parent's KR (`keyResultId` of `objectiveId`) already measures it;
 * - link-kpi: the KR reads the KPI `kpiId`;
 * - link-health-kpis: make these KPIs the Objective's health KPIs;
 * - add-floor: set the team's KPI floor for the cycle (on the team's KPI board);
 * - rewrite: replace the text with `suggestion`.
 */
export type Fix =
  | { kind: "move-to-kpi-board"; name?: string; unit?: string; target?: number | null }
  | { kind: "re-target"; targetValue: number }
  | { kind: "merge"; objectiveId: string; keyResultId: string }
  | { kind: "link-kpi"; kpiId: string; kpiName: string }
  | { kind: "link-health-kpis"; kpiIds: string[] }
  | { kind: "add-floor"; teamId: string; cycleId: string }
  | { kind: "rewrite"; suggestion: string };

export interface Finding {
  rule: RuleId;
  severity: Severity;
  on: "objective" | `keyResults.${number}`;
  message: string;
  fix?: Fix;
}

/** What a rule on one text returns before it is placed on the draft. */
export interface RuleHit {
  message: string;
  fix?: Fix;
}
