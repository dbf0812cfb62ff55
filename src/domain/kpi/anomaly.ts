/**
 * Unusual KPI values: a value far outside what the KPI's own recent values predict,
 * whatever its bands say. A green value can be unusual (a sudden spike in sign-ups is
 * worth a look), and a red value that has been red for months is not.
 *
 * The prediction is robust so one odd value in the window does not hide the next one:
 * a Theil–Sen line through the window (a steady trend is the KPI's normal, not news),
 * for daily KPIs plus each weekday's median offset from that line (Mondays may always be
 * busier), and the spread is 1.4826 × the median absolute residual, which equals the
 * standard deviation for normal noise. A value more than `UNUSUAL_SCORE` of those from
 * the prediction is unusual. docs/kpi-status.md describes the same rule for users.
 */
import type { Frequency, MeasuredPeriod } from "./types.ts";

/** Values before the judged one that form its normal: about two months of days, half a year of weeks. */
export const ANOMALY_WINDOW: Readonly<Record<Frequency, number>> = Object.freeze({
  daily: 56,
  weekly: 26,
  monthly: 24,
  quarterly: 12,
});

/**
 * Fewer values than this before the judged one give no verdict: the spread of six
 * numbers says little. Daily KPIs need three of each weekday for the weekday offsets.
 */
export const ANOMALY_MIN_HISTORY: Readonly<Record<Frequency, number>> = Object.freeze({
  daily: 21,
  weekly: 8,
  monthly: 8,
  quarterly: 6,
});

/**
 * Distance from the prediction, in robust standard deviations, from which a value is
 * unusual. 4 rather than 3: the spread comes from a short window and real KPIs have
 * heavier tails than normal noise, and at 3.5 about one ordinary value in a hundred was
 * flagged on the synthetic series (docs/benchmarks.md); an alert that cries wolf is ignored.
 */
export const UNUSUAL_SCORE = 4;

/** Scores are capped here for display: a jump off a constant series has no finite score. */
const MAX_SCORE = 99;

/** Differences smaller than this share of the level are rounding, not a change. */
const ROUNDING = 1e-9;

/** Finite-sample correction of the MAD: n ÷ (n − 0.8) makes it nearly unbiased for short windows. */
const SMALL_SAMPLE_SHRINK = 0.8;

/** Normal-consistency constant: 1.4826 × MAD estimates σ for normal noise. */
const MAD_TO_SIGMA = 1.4826;

/** The most values read for any frequency: the longest window plus the value judged. */
export const ANOMALY_POINTS = Math.max(...Object.values(ANOMALY_WINDOW)) + 1;

export type UnusualValue = {
  /** Which side of the KPI's own normal the value lies on. */
  direction: "above" | "below";
  /** Distance from the predicted value in robust standard deviations, one decimal, at most 99. */
  score: number;
  /** The verdict in words, e.g. "3.4 σ below its 26-week level". */
  reason: string;
};

const UNIT: Readonly<Record<Frequency, string>> = Object.freeze({
  daily: "day",
  weekly: "week",
  monthly: "month",
  quarterly: "quarter",
});

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Theil–Sen slope: the median of the slopes between every pair, untroubled by a few outliers. */
function theilSenSlope(values: readonly number[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++)
      slopes.push(((values[j] as number) - (values[i] as number)) / (j - i));
  }
  return slopes.length === 0 ? 0 : median(slopes);
}

function weekdayOf(periodStart: string): number {
  return new Date(`${periodStart}T00:00:00Z`).getUTCDay();
}

/**
 * Judges the value `judged` against `history`, the KPI's values of the periods before
 * it, oldest first. Returns null when it is within its normal or when there is too little history to
 * say. Only the newest `ANOMALY_WINDOW` values of the history are used.
 */
export function judgeValue(
  history: readonly MeasuredPeriod[],
  judged: MeasuredPeriod,
  frequency: Frequency,
): UnusualValue | null {
  const window = history.slice(-ANOMALY_WINDOW[frequency]);
  if (window.length < ANOMALY_MIN_HISTORY[frequency]) return null;
  const values = window.map((m) => m.value);
  const slope = theilSenSlope(values);
  const detrended = values.map((v, i) => v - slope * i);
  const intercept = median(detrended);
  let residuals = detrended.map((d) => d - intercept);
  let offsetOfJudged = 0;
  // Error of the judged weekday's offset (a median of few values), and how far fitting
  // seven offsets shrinks the residuals below the noise.
  let offsetVariance = 0;
  let fittedParameters = 0;
  const weekdayAware = frequency === "daily";
  if (weekdayAware) {
    const byWeekday = new Map<number, number[]>();
    window.forEach((m, i) => {
      const day = weekdayOf(m.periodStart);
      byWeekday.set(day, [...(byWeekday.get(day) ?? []), residuals[i] as number]);
    });
    const offsets = new Map([...byWeekday].map(([day, rs]) => [day, rs.length >= 3 ? median(rs) : 0]));
    residuals = residuals.map(
      (r, i) => r - (offsets.get(weekdayOf((window[i] as MeasuredPeriod).periodStart)) ?? 0),
    );
    offsetOfJudged = offsets.get(weekdayOf(judged.periodStart)) ?? 0;
    const sameWeekday = byWeekday.get(weekdayOf(judged.periodStart))?.length ?? 0;
    offsetVariance = sameWeekday >= 3 ? Math.PI / 2 / sameWeekday : 0;
    fittedParameters = [...offsets.values()].filter((o) => o !== 0).length;
  }
  const predicted = intercept + slope * window.length + offsetOfJudged;
  const level = Math.max(...values.map(Math.abs), Math.abs(judged.value));
  const tolerance = level * ROUNDING;
  let spread = MAD_TO_SIGMA * median(residuals.map(Math.abs));
  // Mostly constant with a few different values: the MAD is 0, the mean deviation is not.
  if (spread <= tolerance)
    spread = (Math.sqrt(Math.PI / 2) * residuals.reduce((s, r) => s + Math.abs(r), 0)) / residuals.length;
  // The line is itself estimated: one step past the window its error adds to the noise's
  // (the ordinary prediction-interval widening), and a MAD from few values runs small.
  const n = window.length;
  const centre = (n - 1) / 2;
  const widening = Math.sqrt(1 + 1 / n + (n - centre) ** 2 / ((n * (n * n - 1)) / 12) + offsetVariance);
  spread *= widening * (n / (n - SMALL_SAMPLE_SHRINK)) * Math.sqrt(n / (n - fittedParameters));
  const distance = judged.value - predicted;
  if (Math.abs(distance) <= tolerance) return null;
  const score = spread <= tolerance ? MAX_SCORE : Math.min(MAX_SCORE, Math.abs(distance) / spread);
  if (score < UNUSUAL_SCORE) return null;
  const direction = distance > 0 ? "above" : "below";
  // A trend that moves more over the window than the noise does is worth naming.
  const shape = Math.abs(slope) * window.length > spread ? "trend" : "level";
  const span = `${window.length}-${UNIT[frequency]} ${shape}`;
  const rounded = Math.floor(score * 10) / 10;
  const reason =
    spread <= tolerance
      ? `${direction} its ${span}, which had not changed before`
      : `${rounded.toFixed(1)} σ ${direction} its ${span}${weekdayAware ? ` for a ${WEEKDAYS[weekdayOf(judged.periodStart)]}` : ""}`;
  return { direction, score: rounded, reason };
}

/**
 * The verdict on the newest of `points` (any order), judged against the values before
 * it; null when it is usual or there is too little history.
 */
export function judgeLatest(points: readonly MeasuredPeriod[], frequency: Frequency): UnusualValue | null {
  const sorted = sortedByPeriod(points);
  const latest = sorted[sorted.length - 1];
  return latest ? judgeValue(sorted.slice(0, -1), latest, frequency) : null;
}

/**
 * The verdict on the value of `periodStart` among `points`, judged against the values
 * before it; null when there is no such value, it is usual, or history is too short.
 */
export function judgePeriod(
  points: readonly MeasuredPeriod[],
  periodStart: string,
  frequency: Frequency,
): UnusualValue | null {
  const sorted = sortedByPeriod(points);
  const index = sorted.findIndex((m) => m.periodStart === periodStart);
  const judged = sorted[index];
  return judged ? judgeValue(sorted.slice(0, index), judged, frequency) : null;
}

function sortedByPeriod(points: readonly MeasuredPeriod[]): MeasuredPeriod[] {
  return [...points].sort((a, b) =>
    a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : 0,
  );
}
