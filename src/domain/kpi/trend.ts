/**
 * KPI trend: which way the recent values are moving, how fast, and whether that is good
 * news. The KPI strip shows it as an arrow next to each value.
 */
import type { Direction, MeasuredPeriod } from "./types.ts";

/** Values the trend looks at by default: two months of a weekly KPI, two quarters of a monthly one. */
export const DEFAULT_TREND_WINDOW = 8;

/**
 * A trend moving less than 1 % of the KPI's average level per period is "flat": a move
 * that small is noise at the precision KPIs are entered, and an arrow for it would cry wolf.
 */
export const FLAT_TREND_THRESHOLD = 0.01;

/** Fewer values than this give no direction: two points always make a line. */
export const MIN_TREND_POINTS = 3;

export type Trend = {
  direction: "up" | "down" | "flat";
  /** Change per period: least-squares slope over the last `window` values. */
  slope: number;
  /** slope ÷ |mean of those values|, or 0 when the mean is 0: the change as a share of the level. */
  relativeSlope: number;
  /** Whether the move is good news for this KPI; null when flat or for a range KPI. */
  improving: boolean | null;
};

/**
 * The trend of a KPI's latest values. Takes the last `window` values (oldest first;
 * missing periods are closed up, so each value counts as one step), fits a least-squares
 * line and compares its slope with the level of the values. "Flat" when the slope is
 * under `FLAT_TREND_THRESHOLD` of the mean per period, or with fewer than three values.
 * For a range KPI neither direction is better in itself, so `improving` is null.
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
  const n = values.length;
  if (n < 2) return { direction: "flat", slope: 0, relativeSlope: 0, improving: null };

  const meanX = (n - 1) / 2;
  const meanY = values.reduce((sum, v) => sum + v, 0) / n;
  let covariance = 0;
  let varianceX = 0;
  values.forEach((y, x) => {
    covariance += (x - meanX) * (y - meanY);
    varianceX += (x - meanX) ** 2;
  });
  const slope = covariance / varianceX;
  const relativeSlope = meanY === 0 ? 0 : slope / Math.abs(meanY);

  if (n < MIN_TREND_POINTS || Math.abs(relativeSlope) < FLAT_TREND_THRESHOLD) {
    return { direction: "flat", slope, relativeSlope, improving: null };
  }
  const up = slope > 0;
  const improving = direction === "within_range" ? null : up === (direction === "higher_is_better");
  return { direction: up ? "up" : "down", slope, relativeSlope, improving };
}
