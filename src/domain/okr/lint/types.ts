/**
 * Shapes shared by Keel's wording rules. The rules read a draft as a person types it
 * (titles, optional numbers), so every field beyond the title is optional.
 */

export type RuleId =
  | "business-as-usual"
  | "number-as-objective"
  | "generic-objective"
  | "activity-as-key-result";

export type Severity = "warning" | "info";

/** The usual range of a linked KPI: a target inside it asks for no real change. */
export interface KpiRange {
  p10: number;
  p90: number;
}

export interface DraftKeyResult {
  title: string;
  kind?: "metric" | "percentage" | "milestone" | string;
  startValue?: number | null;
  targetValue?: number | null;
  unit?: string | null;
  kpiRange?: KpiRange | null;
}

export interface DraftObjective {
  title: string;
  description?: string | null;
  keyResults?: DraftKeyResult[];
}

/** A one-click remedy the UI can offer next to a finding. */
export type Fix = { kind: "move-to-kpi-board" } | { kind: "rewrite"; suggestion: string };

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
