/**
 * Key Result and Objective progress. Progress is a share of the way from a KR's
 * start to its target: 0 = where we began, 1 = target reached.
 */
import { clamp01, roundTo } from "./numbers.ts";

/**
 * A metric KR: moves from `start` towards `target`. Decreasing KRs (churn 40 → 20)
 * need no flag: the formula divides by (target − start), which is negative for them.
 * `current` is null until the first check-in.
 */
export type MetricKeyResult = { kind: "metric"; start: number; target: number; current: number | null };
/** A milestone KR: done or not. */
export type MilestoneKeyResult = { kind: "milestone"; done: boolean };
/** A percentage-complete KR: progress judged directly, 0–100; null until the first check-in. */
export type PercentageKeyResult = { kind: "percentage"; current: number | null };

/** The measurable part of a Key Result, as the progress rules need it. */
export type KeyResultInput = MetricKeyResult | MilestoneKeyResult | PercentageKeyResult;

/**
 * Progress of one KR. `raw` is what people see and may fall outside [0, 1]
 * (−0.25 = moved the wrong way, 1.3 = overachieved); `clamped` is what roll-ups use,
 * so one overachieving KR cannot hide another that is behind.
 */
export type KeyResultProgress = { raw: number; clamped: number };

/**
 * Decimal places kept in progress values: 0.01 of a percentage point, finer than any
 * display, and enough to drop float noise (0.1 + 0.2) so equal inputs give equal outputs
 * and a value exactly on a status threshold lands on the side people expect.
 */
export const PROGRESS_DECIMALS = 4;

/**
 * Whether a KR's progress can be computed. A metric whose target equals its start
 * (or with a non-finite number) is not measurable: the linter flags it and activating
 * its Objective is refused.
 */
export function isMeasurable(kr: KeyResultInput): boolean {
  return keyResultProgress(kr) !== null;
}

/**
 * Progress of a KR, or null when it is not measurable (metric with target == start).
 * - metric: (current − start) / (target − start); no check-in yet counts as at start (0).
 * - milestone: 0 or 1.
 * - percentage: current / 100; no check-in yet counts as 0.
 */
export function keyResultProgress(kr: KeyResultInput): KeyResultProgress | null {
  switch (kr.kind) {
    case "metric": {
      const { start, target, current } = kr;
      if (!Number.isFinite(start) || !Number.isFinite(target) || start === target) return null;
      if (current !== null && !Number.isFinite(current)) return null;
      return fromRaw(((current ?? start) - start) / (target - start));
    }
    case "milestone":
      return fromRaw(kr.done ? 1 : 0);
    case "percentage": {
      if (kr.current !== null && !Number.isFinite(kr.current)) return null;
      return fromRaw((kr.current ?? 0) / 100);
    }
  }
}

function fromRaw(value: number): KeyResultProgress {
  const raw = roundTo(value, PROGRESS_DECIMALS);
  return { raw, clamped: clamp01(raw) };
}

/** One KR as an Objective rolls it up: its progress (null = not measurable) and weight. */
export type WeightedProgress = {
  /** The KR's progress; clamped to [0, 1] here, so raw values are safe to pass. */
  progress: number | null;
  /** Relative weight, ≥ 0; omitted = 1, so KRs count equally by default. 0 = shown, not counted. */
  weight?: number;
};

/** Why an Objective has no progress. */
export type NoProgressReason = "no_key_results" | "no_measurable_key_results" | "all_weights_zero";

/** An Objective's progress, or null with the reason it cannot be computed. */
export type ObjectiveProgress =
  | { progress: number; reason: null }
  | { progress: null; reason: NoProgressReason };

/**
 * Objective progress = weighted mean of its KRs' clamped progress. KRs that are not
 * measurable (progress null) are left out rather than counted as 0, since they say
 * nothing either way; the linter flags them. With no KRs, none measurable, or every
 * remaining weight 0, the progress is not computable (null, with the reason) rather
 * than a misleading 0. Throws a RangeError on a negative or non-finite weight.
 */
export function objectiveProgress(keyResults: readonly WeightedProgress[]): ObjectiveProgress {
  if (keyResults.length === 0) return { progress: null, reason: "no_key_results" };
  let weightSum = 0;
  let weighted = 0;
  let measurable = 0;
  let lowest = 1;
  let highest = 0;
  for (const kr of keyResults) {
    const weight = kr.weight ?? 1;
    if (!Number.isFinite(weight) || weight < 0) {
      throw new RangeError(`KR weight must be a finite number ≥ 0, got ${weight}`);
    }
    if (kr.progress === null || !Number.isFinite(kr.progress)) continue;
    measurable++;
    if (weight === 0) continue;
    const progress = clamp01(kr.progress);
    weightSum += weight;
    weighted += weight * progress;
    lowest = Math.min(lowest, progress);
    highest = Math.max(highest, progress);
  }
  if (measurable === 0) return { progress: null, reason: "no_measurable_key_results" };
  if (weightSum === 0) return { progress: null, reason: "all_weights_zero" };
  // A mean lies between its lowest and highest term; rounding (or float noise) must not
  // push it out, e.g. three KRs at 0.33333 must not roll up to 0.3334.
  const mean = roundTo(weighted / weightSum, PROGRESS_DECIMALS);
  return { progress: Math.min(highest, Math.max(lowest, mean)), reason: null };
}
