/**
 * What the rules beyond wording need to know about the world around a draft: the
 * organisation's limits, the linked KPIs' recent values, last cycle's KRs, the parents'
 * KRs, the team's recent scores and floor. Plain data: the service loads it (one round of
 * queries per draft) and the rules stay pure.
 */

/** Limits of the `too-many` rule. */
export interface LintLimits {
  /** Company-level Objectives (owned by a root team) in one cycle. */
  companyObjectivesPerCycle: number;
  /** Key Results on one Objective. */
  keyResultsPerObjective: number;
}

/**
 * The limits every organisation gets (PRODUCT.md: "more than 5"). They live here, beside
 * the rule, and the service passes them in, so an organisation setting can override them
 * without touching the rule.
 */
export const DEFAULT_LINT_LIMITS: Readonly<LintLimits> = Object.freeze({
  companyObjectivesPerCycle: 5,
  keyResultsPerObjective: 5,
});

/** A KPI a draft KR reads, with its latest values (oldest first, at most 12). */
export interface KpiFacts {
  id: string;
  name: string;
  unit: string;
  direction: "higher_is_better" | "lower_is_better" | "within_range";
  recentValues: number[];
}

/** A KR of the same team (or person) in the previous cycle. */
export interface PreviousKeyResult {
  objectiveId: string;
  keyResultId: string;
  title: string;
  /** The KPI it read, from the column or from the promotion history (links removed later count). */
  kpiId: string | null;
  targetValue: number | null;
  /** How its promotion ended ("met", "missed", "unlinked"), when it read a KPI. */
  outcome: string | null;
  finalScore: number | null;
}

/** A KR of an Objective the draft contributes to. */
export interface ParentKeyResult {
  objectiveId: string;
  objectiveTitle: string;
  keyResultId: string;
  title: string;
  kpiId: string | null;
  targetValue: number | null;
}

/** The final KR scores of one closed cycle of the team, newest cycle first in the list. */
export interface ScoredCycle {
  cycleName: string;
  scores: number[];
}

export interface LintContext {
  limits: LintLimits;
  /** The draft's team is a root of the team tree: its Objectives are company-level. */
  companyLevel: boolean;
  /** Live company-level Objectives of the draft's cycle other than the draft itself. */
  otherCompanyObjectives: number;
  /** KPIs the draft's KRs read, by id (unknown ids are simply absent). */
  kpis: Record<string, KpiFacts>;
  /** The team's and its subtree's KPIs, for "link a KPI" and health-KPI suggestions. */
  teamKpis: Array<{ id: string; name: string }>;
  /** Name of the previous cycle and its KRs of the same team or person; null when none. */
  previousCycle: { name: string; keyResults: PreviousKeyResult[] } | null;
  parentKeyResults: ParentKeyResult[];
  /** The team's last two closed cycles with scores, newest first. */
  teamHistory: ScoredCycle[];
  /** The KPI floor question for the draft's team and cycle; null without both. */
  floor: { teamId: string; cycleId: string; subtreeHasKpis: boolean; hasFloor: boolean } | null;
}

/** A context with nothing known: only the wording rules and the draft's own numbers speak. */
export function emptyLintContext(): LintContext {
  return {
    limits: { ...DEFAULT_LINT_LIMITS },
    companyLevel: false,
    otherCompanyObjectives: 0,
    kpis: {},
    teamKpis: [],
    previousCycle: null,
    parentKeyResults: [],
    teamHistory: [],
    floor: null,
  };
}
