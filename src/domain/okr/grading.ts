/**
 * Grading when a cycle closes: each KR gets a final score 0.0–1.0. Common OKR practice
 * (Google's): 0.0–0.3 failed to make real progress, 0.4–0.6 progress but fell short,
 * 0.7–1.0 delivered; for stretch goals 0.6–0.7 is the healthy spot, and a team that
 * always scores 1.0 is setting targets too low.
 */
import { atLeast, clamp01, EPSILON, roundTo } from "./numbers.ts";
import { type KeyResultInput, keyResultProgress } from "./progress.ts";

/** Decimal places a final score keeps: owners may say 0.65, nothing finer. */
export const SCORE_DECIMALS = 2;

/**
 * The score Keel suggests for a KR, which its owner may change: clamped progress rounded
 * to one decimal (the customary grading grid), so a milestone gives 0 or 1 and 0.66
 * gives 0.7. Null when the KR is not measurable (target == start): its owner must score it.
 */
export function suggestedScore(kr: KeyResultInput): number | null {
  const progress = keyResultProgress(kr);
  return progress === null ? null : roundTo(progress.clamped, 1);
}

/**
 * Problem with a final score an owner entered, or null when it is acceptable: any
 * number from 0 to 1. It is stored rounded to two decimals (see `normaliseScore`).
 */
export function validateScore(score: unknown): string | null {
  if (typeof score !== "number" || !Number.isFinite(score)) return "Score must be a number from 0.0 to 1.0.";
  if (score < 0 || score > 1) return `Score must be from 0.0 to 1.0; got ${score}.`;
  return null;
}

/** A valid score as stored: rounded to two decimals. Throws a RangeError on an invalid one. */
export function normaliseScore(score: number): number {
  const problem = validateScore(score);
  if (problem !== null) throw new RangeError(problem);
  return roundTo(score, SCORE_DECIMALS);
}

/** Grade bands: [0, 0.4) failed, [0.4, 0.7) fell short, [0.7, 1] delivered. */
export type GradeBand = "failed" | "fell_short" | "delivered";

/** The words for each band. */
export const GRADE_BAND_LABELS: Readonly<Record<GradeBand, string>> = Object.freeze({
  failed: "failed to make real progress",
  fell_short: "progress but fell short",
  delivered: "delivered",
});

/**
 * The band of a score. On the one-decimal grid the bands are 0.0–0.3, 0.4–0.6 and
 * 0.7–1.0; two-decimal scores in between go to the lower band (0.35 failed, 0.69 fell
 * short), since a band is reached only at its first value.
 */
export function gradeBand(score: number): GradeBand {
  if (atLeast(score, 0.7)) return "delivered";
  if (atLeast(score, 0.4)) return "fell_short";
  return "failed";
}

/** Whether a score sits in the healthy spot for stretch goals, 0.6–0.7 inclusive. */
export function isStretchSweetSpot(score: number): boolean {
  return atLeast(score, 0.6) && score <= 0.7 + EPSILON;
}

/** How a team's final scores spread. */
export type GradeDistribution = {
  count: number;
  /** Mean score (2 decimals), null with no scores. */
  mean: number | null;
  /** Scores per band. */
  bands: Record<GradeBand, number>;
  /**
   * Scores per tenth: index k counts scores from k/10 up to (not including) (k+1)/10,
   * index 10 counts 1.0; the same "reached at its first value" rule as the bands.
   */
  byTenth: number[];
  /** Scores in the stretch sweet spot (0.6–0.7). */
  sweetSpot: number;
};

/** The distribution of a team's final scores in one cycle (scores are clamped to 0–1). */
export function gradeDistribution(scores: readonly number[]): GradeDistribution {
  const bands: Record<GradeBand, number> = { failed: 0, fell_short: 0, delivered: 0 };
  const byTenth = Array.from({ length: 11 }, () => 0);
  let sum = 0;
  let sweetSpot = 0;
  for (const raw of scores) {
    const score = roundTo(clamp01(raw), SCORE_DECIMALS);
    sum += score;
    bands[gradeBand(score)]++;
    // The tolerance guards against a product landing a hair under its tenth
    // (6.999999… for 0.7) and dropping a score into the bucket below.
    const tenth = Math.floor(score * 10 + EPSILON);
    byTenth[tenth] = (byTenth[tenth] ?? 0) + 1;
    if (isStretchSweetSpot(score)) sweetSpot++;
  }
  return {
    count: scores.length,
    mean: scores.length === 0 ? null : roundTo(sum / scores.length, SCORE_DECIMALS),
    bands,
    byTenth,
    sweetSpot,
  };
}

/**
 * Linter rule 6, sandbagging: true when the team scored 1.0 on every KR in each of its
 * last two closed cycles. `teamScoresPerCycle` lists the team's closed cycles oldest
 * first, each with its KRs' final scores; a cycle without KRs breaks the run (nothing
 * was delivered at 1.0), and fewer than two closed cycles is never sandbagging.
 */
export function looksSandbagged(teamScoresPerCycle: ReadonlyArray<readonly number[]>): boolean {
  const lastTwo = teamScoresPerCycle.slice(-2);
  if (lastTwo.length < 2) return false;
  return lastTwo.every((scores) => scores.length > 0 && scores.every((score) => atLeast(score, 1)));
}
