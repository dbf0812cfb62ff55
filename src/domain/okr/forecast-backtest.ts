/**
 * Backtesting the forecaster (forecast.ts): histories whose ends are known, cut part-way,
 * forecast from the part before the cut, and scored against what happened. The baseline
 * is the straight line through the KR's own pace so far (from its start value to its
 * latest value, extended to the cycle's end), which says "will make it" or "will not".
 */
import { type ForecastPoint, forecastKeyResult, mulberry32, normal } from "./forecast.ts";

export type History = {
  startValue: number;
  targetValue: number;
  cycleDays: number;
  /** Every check-in of the cycle, in time order. */
  checkIns: ForecastPoint[];
  /** The value at the cycle's end. */
  finalValue: number;
};

/**
 * Synthetic KRs with weekly check-ins (some skipped) over a 91-day quarter: a pace that
 * may speed up or stall part-way, and noise of varying size; about half reach the target.
 */
export function syntheticHistories(count: number, seed: number): History[] {
  const random = mulberry32(seed);
  const out: History[] = [];
  for (let k = 0; k < count; k++) {
    const cycleDays = 91;
    const startValue = Math.round(random() * 100);
    const rising = random() < 0.7;
    const span = 20 + random() * 80;
    const targetValue = startValue + (rising ? span : -span);
    const direction = rising ? 1 : -1;
    // The share of the distance the KR would cover at its first pace, and how that changes.
    const firstPace = (0.6 + random() * 0.8) * direction * (span / cycleDays);
    const changeDay = 20 + random() * 60;
    const laterPace = firstPace * (random() < 0.5 ? 0.2 + random() * 0.6 : 1 + random() * 0.6);
    const noise = span * (0.01 + random() * 0.08);
    const valueAt = (day: number) =>
      startValue + firstPace * Math.min(day, changeDay) + laterPace * Math.max(0, day - changeDay);
    const checkIns: ForecastPoint[] = [];
    let drift = 0;
    for (let day = 7; day <= cycleDays; day += 7) {
      drift += normal(random) * noise * 0.5;
      if (random() < 0.15) continue;
      checkIns.push({ day, value: valueAt(day) + drift + normal(random) * noise });
    }
    drift += normal(random) * noise * 0.5;
    out.push({ startValue, targetValue, cycleDays, checkIns, finalValue: valueAt(cycleDays) + drift });
  }
  return out;
}

export type Scored = { probability: number; reached: boolean };

/** Forecasts each history from its check-ins up to `cutDay` (those with too few are left out). */
export function backtest(
  histories: ReadonlyArray<History>,
  cutDay: number,
): { forecast: Scored[]; line: Scored[] } {
  const forecast: Scored[] = [];
  const line: Scored[] = [];
  histories.forEach((h, i) => {
    const known = h.checkIns.filter((c) => c.day <= cutDay);
    const result = forecastKeyResult({
      points: known,
      startValue: h.startValue,
      targetValue: h.targetValue,
      cycleDays: h.cycleDays,
      seed: i + 1,
    });
    if (!result) return;
    const rising = h.targetValue > h.startValue;
    const reached = rising ? h.finalValue >= h.targetValue : h.finalValue <= h.targetValue;
    forecast.push({ probability: result.probability, reached });
    line.push({ probability: straightLineReaches(h, known) ? 1 : 0, reached });
  });
  return { forecast, line };
}

/** The pace so far, start to latest, extended to the cycle's end: does it reach the target? */
export function straightLineReaches(
  h: Pick<History, "startValue" | "targetValue" | "cycleDays">,
  known: ForecastPoint[],
) {
  const latest = known[known.length - 1];
  if (!latest || latest.day <= 0) return false;
  const end = h.startValue + ((latest.value - h.startValue) * h.cycleDays) / latest.day;
  return h.targetValue > h.startValue ? end >= h.targetValue : end <= h.targetValue;
}

/** Mean squared difference between the stated probability and what happened (0 is perfect). */
export function brierScore(scored: ReadonlyArray<Scored>): number {
  if (scored.length === 0) return Number.NaN;
  return scored.reduce((sum, s) => sum + (s.probability - (s.reached ? 1 : 0)) ** 2, 0) / scored.length;
}

/** Of the KRs forecast within [from, to), how many there were and the share that made it. */
export function calibrationBin(scored: ReadonlyArray<Scored>, from: number, to: number) {
  const inBin = scored.filter((s) => s.probability >= from && s.probability < to);
  const made = inBin.filter((s) => s.reached).length;
  return { count: inBin.length, hitRate: inBin.length ? made / inBin.length : Number.NaN };
}
