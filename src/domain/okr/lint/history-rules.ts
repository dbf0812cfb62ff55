import type { LintContext } from "./context.ts";
import { metricWords, overlap, sameMetric } from "./metric.ts";
import { sameValue } from "./text.ts";
import type { DraftKeyResult, RuleHit } from "./types.ts";

/**
 * Rules that compare a draft with what came before it or above it: `recycled` (last
 * cycle's KR again), `cascaded-mirror` (the parent's KR copied) and `sandbagging` (a team
 * that always scores 1.0).
 */

export const RECYCLED = "recycled" as const;
export const CASCADED_MIRROR = "cascaded-mirror" as const;
export const SANDBAGGING = "sandbagging" as const;

/**
 * Below this overlap of their whole titles (numbers aside), two KRs on the same KPI say
 * different things about how the number will move: a change of approach.
 */
const SAME_APPROACH_OVERLAP = 0.5;

const OUTCOME_WORDS: Record<string, string> = {
  met: "it met its target",
  missed: "it missed its target",
  unlinked: "its KPI link was removed",
};

/** The same metric was a KR of this team last cycle, worded the same way (no new approach). */
export function recycled(kr: DraftKeyResult, context: LintContext): RuleHit | null {
  const previous = context.previousCycle;
  if (!previous || kr.title.trim() === "") return null;
  const words = metricWords(kr.title);
  const match = previous.keyResults.find(
    (old) => sameMetric(kr, old) && overlap(words, metricWords(old.title)) >= SAME_APPROACH_OVERLAP,
  );
  if (!match) return null;
  const ended = match.outcome
    ? `; ${OUTCOME_WORDS[match.outcome] ?? match.outcome}`
    : match.finalScore !== null
      ? `; it scored ${match.finalScore.toFixed(1)}`
      : "";
  return {
    message:
      `"${match.title}" measured the same thing in ${previous.name}${ended}. ` +
      "Repeating a Key Result with no change of approach tends to repeat its result: say what the " +
      "team will do differently this cycle, or, if the level is now normal, watch it on the KPI board.",
    fix: { kind: "move-to-kpi-board", name: kr.title, ...(kr.unit ? { unit: kr.unit } : {}) },
  };
}

/** A child team's KR that repeats a parent KR's metric and target: no line of sight. */
export function cascadedMirror(kr: DraftKeyResult, context: LintContext): RuleHit | null {
  if (kr.title.trim() === "") return null;
  const target = kr.targetValue;
  const parent = context.parentKeyResults.find(
    (p) =>
      sameMetric(kr, p) &&
      typeof target === "number" &&
      p.targetValue !== null &&
      sameValue(target, p.targetValue),
  );
  if (!parent) return null;
  return {
    message:
      `This repeats "${parent.title}" of the parent Objective "${parent.objectiveTitle}", metric and ` +
      "target alike. A team's Key Result should measure what this team changes that moves the parent's " +
      "number (a driver), not the parent's number itself; otherwise contribute to the parent's KR.",
    fix: { kind: "merge", objectiveId: parent.objectiveId, keyResultId: parent.keyResultId },
  };
}

/** Scores at or above this count as a full 1.0 (grading stores what people typed). */
const FULL_SCORE = 0.995;

/** The team scored 1.0 on every KR in each of its last two closed cycles. */
export function sandbagging(context: LintContext): RuleHit | null {
  const [latest, before] = context.teamHistory;
  if (!latest || !before) return null;
  const allFull = (scores: number[]) => scores.length > 0 && scores.every((s) => s >= FULL_SCORE);
  if (!allFull(latest.scores) || !allFull(before.scores)) return null;
  return {
    message:
      `This team scored 1.0 on every Key Result in ${before.cycleName} and in ${latest.cycleName}. ` +
      "Key Results that are always fully met are probably set where the team already knew it would " +
      "land: aim where success is likely but not certain (about 0.7 is a good score).",
  };
}
