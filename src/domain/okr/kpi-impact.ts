/**
 * Did an Objective move its KPIs? For one KPI: the trend of its values before the cycle,
 * projected forward, against what the values did during the cycle and in a window after
 * it (OKRs move KPIs with a delay). The difference is the change beyond the prior trend,
 * with an interval; the wording is honest about what this is: a correlation in time, not
 * proof that the Objective caused it.
 */

/** One value, `day` days after an origin (any fixed day; only differences matter). */
export type DayValue = { day: number; value: number };

export type KpiDirection = "higher_is_better" | "lower_is_better" | "within_range";

export type Verdict = "moved" | "moved_the_wrong_way" | "no_visible_effect" | "not_enough_data";

export type WindowImpact = {
  /** Mean actual minus mean projected from the prior trend; null without enough data. */
  change: number | null;
  /** The change as a share of the level before the cycle (0.05 is 5 %); null when that level is 0. */
  relativeChange: number | null;
  /** A 90 % interval for the change. */
  low: number | null;
  high: number | null;
  values: number;
  verdict: Verdict;
};

export type ImpactInput = {
  values: ReadonlyArray<DayValue>;
  direction: KpiDirection;
  /** The cycle's first and last day (as day numbers on the same origin as `values`). */
  cycleStart: number;
  cycleEnd: number;
  /** Cycles between the cycle's end and the after window's start, plus one (default 1: right after). */
  lagCycles?: number;
};

export type KpiImpact = {
  before: number;
  during: WindowImpact;
  after: WindowImpact;
  afterWindow: [number, number];
};

/** Values the prior trend needs, and each window. */
export const MIN_BEFORE = 4;
export const MIN_WINDOW = 2;
/** z for a two-sided 90 % interval. */
const Z90 = 1.645;

export function kpiImpact(input: ImpactInput): KpiImpact {
  const length = input.cycleEnd - input.cycleStart + 1;
  const lag = Math.max(1, Math.floor(input.lagCycles ?? 1));
  const afterStart = input.cycleEnd + 1 + (lag - 1) * length;
  const afterEnd = afterStart + length - 1;
  const valid = input.values.filter((v) => Number.isFinite(v.day) && Number.isFinite(v.value));
  // The trend is read from up to two cycles' length before the start: older values describe another time.
  const before = valid.filter((v) => v.day < input.cycleStart && v.day >= input.cycleStart - 2 * length);
  const during = valid.filter((v) => v.day >= input.cycleStart && v.day <= input.cycleEnd);
  const after = valid.filter((v) => v.day >= afterStart && v.day <= afterEnd);
  const trend = before.length >= MIN_BEFORE ? fitLine(before) : null;
  return {
    before: before.length,
    during: windowImpact(trend, before, during, input.direction),
    after: windowImpact(trend, before, after, input.direction),
    afterWindow: [afterStart, afterEnd],
  };
}

type Line = { intercept: number; slope: number; residualSd: number; meanDay: number; sxx: number; n: number };

function fitLine(points: ReadonlyArray<DayValue>): Line {
  const n = points.length;
  const meanDay = points.reduce((s, p) => s + p.day, 0) / n;
  const meanValue = points.reduce((s, p) => s + p.value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.day - meanDay) ** 2;
    sxy += (p.day - meanDay) * (p.value - meanValue);
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const intercept = meanValue - slope * meanDay;
  const residuals = points.map((p) => p.value - (intercept + slope * p.day));
  const residualSd = Math.sqrt(residuals.reduce((s, r) => s + r * r, 0) / Math.max(1, n - 2));
  return { intercept, slope, residualSd, meanDay, sxx, n };
}

function windowImpact(
  trend: Line | null,
  before: ReadonlyArray<DayValue>,
  window: ReadonlyArray<DayValue>,
  direction: KpiDirection,
): WindowImpact {
  if (!trend || window.length < MIN_WINDOW) {
    return {
      change: null,
      relativeChange: null,
      low: null,
      high: null,
      values: window.length,
      verdict: "not_enough_data",
    };
  }
  const projected = window.map((v) => trend.intercept + trend.slope * v.day);
  const change = mean(window.map((v) => v.value)) - mean(projected);
  // The window's mean varies with the values' noise; the projection with the trend's
  // uncertainty at the window's centre (a line extrapolated far carries more doubt).
  const centre = mean(window.map((v) => v.day));
  const trendVariance =
    trend.residualSd ** 2 * (1 / trend.n + (trend.sxx > 0 ? (centre - trend.meanDay) ** 2 / trend.sxx : 0));
  const se = Math.sqrt(trend.residualSd ** 2 / window.length + trendVariance);
  const low = change - Z90 * se;
  const high = change + Z90 * se;
  const level = mean(before.map((v) => v.value));
  return {
    change,
    relativeChange: level !== 0 ? change / Math.abs(level) : null,
    low,
    high,
    values: window.length,
    verdict: verdictOf(low, high, direction),
  };
}

/** Moved when the whole interval lies on one side of zero; which side is good depends on the KPI. */
function verdictOf(low: number, high: number, direction: KpiDirection): Verdict {
  if (low <= 0 && high >= 0) return "no_visible_effect";
  const up = low > 0;
  // A KPI kept within a range has no better side: any clear change is reported as moved.
  if (direction === "within_range") return "moved";
  return up === (direction === "higher_is_better") ? "moved" : "moved_the_wrong_way";
}

const mean = (xs: ReadonlyArray<number>) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** One sentence for a person, honest that this is a correlation in time. */
export function impactSentence(
  kpiName: string,
  window: "during" | "after",
  impact: WindowImpact,
  unit = "",
): string {
  const when = window === "during" ? "during the cycle" : "after the cycle";
  if (impact.verdict === "not_enough_data") return `${kpiName}: not enough values ${when} to tell.`;
  const size =
    impact.relativeChange !== null
      ? `${Math.round(Math.abs(impact.relativeChange) * 1000) / 10} %`
      : `${round(Math.abs(impact.change ?? 0))}${unit ? ` ${unit}` : ""}`;
  const dir = (impact.change ?? 0) > 0 ? "above" : "below";
  if (impact.verdict === "no_visible_effect") {
    return `${kpiName}: no visible effect ${when}; it stayed within what its earlier trend would give.`;
  }
  const word = impact.verdict === "moved" ? "moved" : "moved the wrong way";
  return `${kpiName} ${word} ${when}: ${size} ${dir} its earlier trend. This is a change at the same time as the Objective, not proof that the Objective caused it.`;
}

const round = (x: number) => Math.round(x * 100) / 100;
