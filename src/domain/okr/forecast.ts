/**
 * Where a metric Key Result will be at its cycle's end, from its own check-in history:
 * the expected value, an 80 % interval and the chance of reaching the target.
 *
 * The model is a damped linear trend: a straight line fitted to the history with recent
 * check-ins weighing more, whose slope fades day by day into the future (a trend seldom
 * keeps its full pace for weeks, and a forecast that assumes it does is overconfident).
 * The spread comes from a residual bootstrap: the history is rebuilt many times from the
 * fitted line plus residuals drawn at random, each rebuild is fitted and projected again,
 * and the future adds residual noise that grows with the horizon. Everything is seeded, so
 * the same history gives the same forecast.
 */

/** One observed value, `day` days after the cycle's start (fractions allowed). */
export type ForecastPoint = { day: number; value: number };

export type ForecastInput = {
  /** The KR's check-in values, any order; the start value is added at day 0. */
  points: ReadonlyArray<ForecastPoint>;
  startValue: number;
  targetValue: number;
  /** The cycle's length in days: the forecast is for the end of its last day. */
  cycleDays: number;
  /** A seed for the bootstrap (e.g. from the KR's id: see seedFrom). */
  seed: number;
};

export type Likelihood = "likely" | "uncertain" | "unlikely";

export type Forecast = {
  /** The value expected at the cycle's end. */
  expected: number;
  /** The 80 % interval: 10th and 90th percentile of the simulated end values. */
  low: number;
  high: number;
  /** Share of simulated ends that reach the target (0–1). */
  probability: number;
  likelihood: Likelihood;
  /** Check-ins the forecast rests on. */
  basedOn: number;
  /** Days from the latest check-in to the cycle's end. */
  horizonDays: number;
};

/** A forecast needs this many check-ins with a value. */
export const MIN_CHECK_INS = 3;
/** At or above: likely to reach the target; below UNLIKELY_BELOW: unlikely. */
export const LIKELY_FROM = 0.6;
export const UNLIKELY_BELOW = 0.4;
/** How much of its pace a trend keeps from one day to the next. */
const DAILY_DAMPING = 0.995;
const SIMULATIONS = 400;
/** How far the pace ahead may differ from the pace so far, as a share of it (one σ). */
const PACE_UNCERTAINTY = 0.25;

/** The forecast, or null when the history is too short or the KR has no direction. */
export function forecastKeyResult(input: ForecastInput): Forecast | null {
  const { startValue, targetValue, cycleDays } = input;
  if (!Number.isFinite(startValue) || !Number.isFinite(targetValue) || startValue === targetValue)
    return null;
  if (!(cycleDays > 0)) return null;
  const observed = lastPerDay(input.points.filter((p) => Number.isFinite(p.value) && Number.isFinite(p.day)));
  if (observed.length < MIN_CHECK_INS) return null;

  const history = observed[0]!.day > 0 ? [{ day: 0, value: startValue }, ...observed] : observed;
  const latest = history[history.length - 1]!;
  const horizon = Math.max(0, cycleDays - latest.day);
  const rising = targetValue > startValue;
  const reached = (v: number) => (rising ? v >= targetValue : v <= targetValue);

  if (horizon === 0) {
    return finish(
      latest.value,
      latest.value,
      latest.value,
      reached(latest.value) ? 1 : 0,
      observed.length,
      0,
    );
  }

  const weights = weightsFor(history, latest.day);
  const fit = weightedLine(history, weights, latest.day);
  const ahead = dampedDays(horizon);
  const expected = fit.level + fit.slope * ahead;

  const residuals = history.map((p) => p.value - (fit.level + fit.slope * (p.day - latest.day)));
  // A history that lies on a line would make every simulation agree; no KR is that sure.
  const floor = 0.02 * Math.abs(targetValue - startValue);
  const meanGap = Math.max(1, latest.day / Math.max(1, history.length - 1));
  const futureScale = Math.sqrt(horizon / meanGap);
  const random = mulberry32(input.seed);

  const ends: number[] = [];
  for (let s = 0; s < SIMULATIONS; s++) {
    const rebuilt = history.map((p, i) => ({
      day: p.day,
      value: p.value - residuals[i]! + residuals[Math.floor(random() * residuals.length)]!,
    }));
    const again = weightedLine(rebuilt, weights, latest.day);
    const noise = residuals[Math.floor(random() * residuals.length)]! * futureScale;
    // The pace itself may change ahead (a stall, a push): a quarter of it either way.
    const paceChange = normal(random) * PACE_UNCERTAINTY * again.slope * ahead;
    ends.push(again.level + again.slope * ahead + paceChange + noise + normal(random) * floor);
  }
  ends.sort((a, b) => a - b);
  const probability = ends.filter(reached).length / ends.length;
  return finish(expected, quantile(ends, 0.1), quantile(ends, 0.9), probability, observed.length, horizon);
}

export function likelihoodOf(probability: number): Likelihood {
  if (probability >= LIKELY_FROM) return "likely";
  if (probability < UNLIKELY_BELOW) return "unlikely";
  return "uncertain";
}

/** A stable 32-bit seed from a text such as a KR's id (FNV-1a). */
export function seedFrom(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function finish(
  expected: number,
  low: number,
  high: number,
  probability: number,
  basedOn: number,
  horizonDays: number,
): Forecast {
  const p = Math.round(probability * 100) / 100;
  return {
    expected,
    low: Math.min(low, expected),
    high: Math.max(high, expected),
    probability: p,
    likelihood: likelihoodOf(p),
    basedOn,
    horizonDays,
  };
}

/** Several check-ins on one day count as the day's last one. */
function lastPerDay(points: ReadonlyArray<ForecastPoint>): ForecastPoint[] {
  const sorted = [...points].sort((a, b) => a.day - b.day);
  const out: ForecastPoint[] = [];
  for (const p of sorted) {
    const previous = out[out.length - 1];
    if (previous && Math.floor(previous.day) === Math.floor(p.day)) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

/** Recent points weigh more: weight halves every `halfLife` days back from the latest. */
function weightsFor(history: ReadonlyArray<ForecastPoint>, latestDay: number): number[] {
  const halfLife = Math.max(14, latestDay / 2);
  return history.map((p) => 0.5 ** ((latestDay - p.day) / halfLife));
}

/** Weighted least squares of value on (day − latestDay): the level at the latest day and the slope per day. */
function weightedLine(
  points: ReadonlyArray<ForecastPoint>,
  weights: ReadonlyArray<number>,
  latestDay: number,
): { level: number; slope: number } {
  let sw = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < points.length; i++) {
    const w = weights[i]!;
    sw += w;
    sx += w * (points[i]!.day - latestDay);
    sy += w * points[i]!.value;
  }
  const mx = sx / sw;
  const my = sy / sw;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < points.length; i++) {
    const w = weights[i]!;
    const dx = points[i]!.day - latestDay - mx;
    sxx += w * dx * dx;
    sxy += w * dx * (points[i]!.value - my);
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { level: my - slope * mx, slope };
}

/** Days of full pace that `days` days of a fading trend add up to: Σ φ^k for k = 1…days. */
function dampedDays(days: number): number {
  return (DAILY_DAMPING * (1 - DAILY_DAMPING ** days)) / (1 - DAILY_DAMPING);
}

function quantile(sorted: ReadonlyArray<number>, q: number): number {
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (at - below);
}

/** A seeded generator of numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A standard normal draw (Box–Muller). */
export function normal(random: () => number): number {
  const u = Math.max(random(), Number.MIN_VALUE);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
