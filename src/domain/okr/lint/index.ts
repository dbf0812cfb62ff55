import { activityAsKeyResult } from "./activity-as-key-result.ts";
import { businessAsUsual } from "./business-as-usual.ts";
import { genericObjective } from "./generic-objective.ts";
import { numberAsObjective } from "./number-as-objective.ts";
import type { DraftObjective, Finding } from "./types.ts";

export { ACTIVITY_AS_KEY_RESULT, activityAsKeyResult } from "./activity-as-key-result.ts";
export { BUSINESS_AS_USUAL, businessAsUsual } from "./business-as-usual.ts";
export { GENERIC_OBJECTIVE, genericObjective } from "./generic-objective.ts";
export { NUMBER_AS_OBJECTIVE, numberAsObjective } from "./number-as-objective.ts";
export type * from "./types.ts";

/**
 * Keel's wording rules on one draft Objective and its Key Results. Pure and cheap (a
 * few precompiled regular expressions per text), so the editor can call it on every
 * keystroke. Findings are ordered: the Objective first, then each KR in order.
 */
export function lintWording(draft: DraftObjective): Finding[] {
  const findings: Finding[] = [];
  const numberHit = numberAsObjective(draft.title);
  if (numberHit) {
    findings.push({ rule: "number-as-objective", severity: "warning", on: "objective", ...numberHit });
  }
  // A bare number is not also reported as generic: one finding per mistake.
  const genericHit = numberHit ? null : genericObjective(draft.title);
  if (genericHit) {
    findings.push({ rule: "generic-objective", severity: "warning", on: "objective", ...genericHit });
  }
  (draft.keyResults ?? []).forEach((kr, index) => {
    const on = `keyResults.${index}` as const;
    const bau = businessAsUsual(kr);
    if (bau) findings.push({ rule: "business-as-usual", severity: "warning", on, ...bau });
    const activity = activityAsKeyResult(kr);
    if (activity) findings.push({ rule: "activity-as-key-result", severity: "info", on, ...activity });
  });
  return findings;
}

export type * from "./context.ts";
export { DEFAULT_LINT_LIMITS, emptyLintContext } from "./context.ts";
export { CASCADED_MIRROR, RECYCLED, SANDBAGGING } from "./history-rules.ts";
export { lintObjective, RULE_SEVERITY, usualRange } from "./lint-objective.ts";
export { MISSING_PIECES, NO_FLOOR, TOO_MANY } from "./shape-rules.ts";
export { RULE_IDS } from "./types.ts";
