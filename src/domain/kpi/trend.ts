/**
 * KPI trend: which way the recent values are moving, how fast, and whether that is good
 * news. The KPI strip shows it as an arrow next to each value.
 *
 * A move counts when it stands out from the KPI's own variation, not when it passes a
 * fixed share of its level: a service level that slides from 96.1 to 92.1 in five weeks
 * moves less than 1 % a week, yet it is falling, while a volume that swings ±5 % around
 * its level is not going anywhere.
 */
import type { Direction, MeasuredPeriod } from "./types.ts";

/** Values the trend looks at by default: two months of a weekly KPI, two quarters of a monthly one. */
export const DEFAULT_TREND_WINDOW = 8;

/**
 * The newest values looked at first: a turn in the last five periods shows at once
 * instead of waiting until it dominates the whole window.
 */
export const RECENT_TREND_WINDOW = 5;

/** Fewer values than this give no direction: two points always make a line. */
export const MIN_TREND_POINTS = 3;

/**
 * Two-sided 99 % critical values of Student's t for 1–30 degrees of freedom: a slope
 * this many standard errors from zero is a move, not noise. 99 % rather than 95 %
 * because two lines are tested: pure noise then shows an arrow about one time in fifty
 * (at 95 %, one in ten: an arrow that cries wolf).
 */
const T_99 = [
  63.657, 9.925, 5.841, 4.604, 4.032, 3.707, 3.499, 3.355, 3.25, 3.169, 3.106, 3.055, 3.012, 2.977, 2.947,
  2.921, 2.898, 2.878, 2.861, 2.845, 2.831, 2.819, 2.807, 2.797, 2.787, 2.779, 2.771, 2.763, 2.756, 2.75,
];

/** The two-sided 99 % critical value of t for `df` ≥ 1 degrees of freedom. */
export function tCritical99(df: number): number {
  const exact = T_99[df - 1];
  if (exact !== undefined) return exact;
  // Beyond the table, the Cornish–Fisher expansion around the normal quantile (error < 0.002).
  const z = 2.575829;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2);
}

/**
 * Differences smaller than this share of the values' size are rounding, not movement
 * (the same tolerance as band boundaries): a KPI entered as 0.1 every period is constant
 * even though floating point sums it to 0.30000000000000004.
 */
const ROUNDING = 1e-9;

export type Trend = {
  direction: "up" | "down" | "flat";
  /**
   * Change per period: the least-squares slope of the values that decided the direction
   * (the recent ones when they moved, else the whole window).
   */
  slope: number;
  /** slope ÷ |mean of those values|, or 0 when the mean is 0: the change as a share of the level. */
  relativeSlope: number;
  /** Whether the move is good news for this KPI; null when flat or for a range KPI. */
  improving: boolean | null;
};

type Fit = { slope: number; mean: number; significant: boolean };

/**
 * Least-squares line through `values` (one step apart) and whether its slope differs
 * from zero at 99 % confidence, judged against the scatter of the values around it.
 */
export function fitLine(values: readonly number[]): Fit {
  const n = values.length;
  const meanX = (n - 1) / 2;
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  let covariance = 0;
  let varianceX = 0;
  values.forEach((y, x) => {
    covariance += (x - meanX) * (y - mean);
    varianceX += (x - meanX) ** 2;
  });
  if (n < MIN_TREND_POINTS || varianceX === 0) {
    return { slope: varianceX === 0 ? 0 : covariance / varianceX, mean, significant: false };
  }
  const slope = covariance / varianceX;
  const scale = Math.max(...values.map((v) => Math.abs(v)));
  // A rise over the window that is rounding in size is no rise.
  if (Math.abs(slope) * (n - 1) <= ROUNDING * scale) return { slope, mean, significant: false };
  let residuals = 0;
  values.forEach((y, x) => {
    residuals += (y - (mean + slope * (x - meanX))) ** 2;
  });
  const standardError = Math.sqrt(residuals / (n - 2) / varianceX);
  // Points on a straight line leave no scatter: any slope they have is real.
  if (standardError <= ROUNDING * Math.max(scale, Math.abs(slope))) {
    return { slope, mean, significant: true };
  }
  return { slope, mean, significant: Math.abs(slope) / standardError >= tCritical99(n - 2) };
}

/**
 * The trend of a KPI's latest values. Takes the last `window` values (oldest first;
 * missing periods are closed up, so each value counts as one step) and fits least-squares
 * lines: first through the newest `RECENT_TREND_WINDOW` of them, then through all of
 * them. The first whose slope is significant (99 %, a t-test against the values'
 * scatter around the line) gives the direction; when neither is, the trend is flat, as
 * it is with fewer than three values. For a range KPI neither direction is better in
 * itself, so `improving` is null.
 */
export function trend(
  points: readonly MeasuredPeriod[],
  direction: Direction,
  window: number = DEFAULT_TREND_WINDOW,
): Trend {
  if (!Number.isInteger(window) || window < 2) {
    throw new RangeError(`window must be an integer ≥ 2, got ${window}`);
  }
  const values = points
    .filter((point) => Number.isFinite(point.value))
    .slice(-window)
    .map((point) => point.value);
  if (values.length < 2) return { direction: "flat", slope: 0, relativeSlope: 0, improving: null };

  const whole = fitLine(values);
  const recent =
    values.length > RECENT_TREND_WINDOW ? fitLine(values.slice(-RECENT_TREND_WINDOW)) : undefined;
  const decided = recent?.significant ? recent : whole.significant ? whole : undefined;
  const fit = decided ?? whole;
  const relativeSlope = fit.mean === 0 ? 0 : fit.slope / Math.abs(fit.mean);
  if (!decided) return { direction: "flat", slope: fit.slope, relativeSlope, improving: null };
  const up = fit.slope > 0;
  const improving = direction === "within_range" ? null : up === (direction === "higher_is_better");
  return { direction: up ? "up" : "down", slope: fit.slope, relativeSlope, improving };
}
